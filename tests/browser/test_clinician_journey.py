"""The loop between a runner and their physiotherapist, in two real browsers: the runner joins with
an invite, logs a painful morning; the clinician sees the flag on the roster and changes the plan;
the runner sees the change and its reason."""

import re

import pytest
from playwright.sync_api import expect

from .test_runner_journey import onboard, sign_up

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def clinician_with_invite(clinic, base: str) -> str:
    """A physiotherapist signs up and creates an invite; its code."""
    clinic.goto(f"{base}/accounts/signup/")
    clinic.get_by_label("Your name").fill("Morgan")
    clinic.get_by_label("Email").fill("morgan@example.org")
    clinic.get_by_label("Password", exact=True).fill("a-long-passphrase-42")
    clinic.get_by_label("Password confirmation").fill("a-long-passphrase-42")
    clinic.get_by_label("a physiotherapist or coach").check()
    clinic.get_by_role("button", name="Create account").click()
    clinic.wait_for_url(re.compile(r"/clinic/"))
    clinic.goto(f"{base}/clinic/invite/")
    clinic.get_by_role("button", name="Create an invite").click()
    return clinic.locator("section[aria-labelledby='new-heading'] code").inner_text()


def test_a_clinician_sees_the_runners_flag_adjusts_the_plan_and_the_runner_sees_why(
    live_server, phone, desktop, screenshots
):
    base = live_server.url
    clinic = desktop
    code = clinician_with_invite(clinic, base)

    runner = phone
    sign_up(runner, base, "sam", invite=code)
    onboard(runner)
    runner.goto(f"{base}/checkin/")
    runner.get_by_label("Back pain this morning").fill("7")
    runner.get_by_role("button", name="Check in").click()
    runner.wait_for_url(re.compile(r"/today/"))
    expect(runner.get_by_text(re.compile("Flare-up since"))).to_be_visible()

    clinic.goto(f"{base}/clinic/")
    row = clinic.locator("tr", has_text="Sam")
    expect(row.get_by_text("Flare-up")).to_be_visible()
    clinic.screenshot(path=str(screenshots / "11-clinic-roster.png"), full_page=True)
    row.get_by_role("link").first.click()
    clinic.wait_for_url(re.compile(r"/clinic/runners/\d+/"))
    clinic.screenshot(path=str(screenshots / "12-clinic-runner.png"), full_page=True)
    runner_id = re.search(r"/clinic/runners/(\d+)/", clinic.url).group(1)

    clinic.goto(f"{base}/clinic/runners/{runner_id}/adjust/")
    # only exercises that fit the slot are offered: Dead Bug is one for resisting arching
    clinic.locator("select[name='swap-slot']").select_option("anti_extension")
    expect(clinic.locator("optgroup[label='For Resisting arching'] option[value='dead-bug']")).to_have_count(1)
    clinic.locator("select[name='swap-exercise']").select_option("dead-bug")
    clinic.locator("[name='swap-step']").fill("1")
    clinic.locator("[name='swap-note']").fill("Easier on your back while it settles")
    clinic.get_by_role("button", name="Swap the exercise").click()
    clinic.wait_for_url(re.compile(rf"/clinic/runners/{runner_id}/changes/"))  # the record's changes, newest first
    expect(clinic.get_by_text(re.compile("Easier on your back while it settles")).first).to_be_visible()

    runner.goto(f"{base}/plan/")
    changes = runner.locator("ul.changes")
    expect(changes).to_contain_text("swapped in Dead Bug")
    expect(changes).to_contain_text("Easier on your back while it settles")
    runner.goto(f"{base}/today/")
    expect(runner.locator("ul.changes")).to_contain_text("Easier on your back while it settles")
    runner.screenshot(path=str(screenshots / "13-today-after-change.png"), full_page=True)

    from backstride.clinic.models import AuditEvent
    from backstride.clinic.services import ADJUSTED, INVITED, JOINED, VIEWED

    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {INVITED, JOINED, VIEWED, ADJUSTED} <= actions, actions
    clinic.goto(f"{base}/clinic/audit/")
    expect(clinic.locator("main")).to_contain_text("Sam")

    clinic.set_viewport_size({"width": 360, "height": 780})  # the clinician's pages on a phone too
    for url, shot in [
        ("/clinic/", "11-clinic-roster-phone.png"),
        (f"/clinic/runners/{runner_id}/", "12-clinic-runner-phone.png"),
        (f"/clinic/runners/{runner_id}/logs/", "12-clinic-runner-logs-phone.png"),
        (f"/clinic/runners/{runner_id}/plan/", "12-clinic-runner-plan-phone.png"),
        (f"/clinic/runners/{runner_id}/changes/", "12-clinic-runner-changes-phone.png"),
        (f"/clinic/runners/{runner_id}/audit/", "12-clinic-runner-audit-phone.png"),
        (f"/clinic/runners/{runner_id}/adjust/", "14-clinic-adjust.png"),
        ("/clinic/audit/", "15-clinic-audit.png"),
    ]:
        clinic.goto(f"{base}{url}")
        assert clinic.evaluate("document.documentElement.scrollWidth") <= 360, url
        clinic.screenshot(path=str(screenshots / shot), full_page=True)
