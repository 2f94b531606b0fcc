"""A runner corrects their history in a real browser: a check-in changed and a session deleted, phone and desktop."""

import re

import pytest

from backstride.core.intake import RedFlags
from backstride.core.tracking.logs import parse_checkin, parse_session_log
from backstride.runners import models as m
from backstride.runners.services import checkin, log_session

from ..web.conftest import PASSWORD, make_runner

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
NO_FLAGS = dict.fromkeys(RedFlags.model_fields, False)


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 780}, {"width": 1280, "height": 900}])
def test_a_runner_changes_a_check_in_and_deletes_a_session(live_server, browser, screenshots, viewport):
    wide = viewport["width"]
    _user, runner = make_runner(f"hist{wide}")
    checkin(runner, parse_checkin({"date": "2026-12-07", "pain": 3, "stiffness": 2, "red_flags": NO_FLAGS}))
    log_session(runner, parse_session_log({"date": "2026-12-07", "pain_before": 3, "pain_during": 2, "pain_after": 3}))
    log_session(runner, parse_session_log({"date": "2026-12-09", "pain_before": 2, "pain_during": 2, "pain_after": 2}))

    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("User name").fill(f"hist{wide}")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/history/")
    assert page.evaluate("document.documentElement.scrollWidth") <= wide
    from axe_playwright_python.sync_playwright import Axe

    assert [v["id"] for v in Axe().run(page).response["violations"]] == []
    page.screenshot(path=str(screenshots / f"60-history-{wide}.png"), full_page=True)

    page.get_by_role("link", name=re.compile(r"^Edit: Morning check-in")).click()
    pain = page.get_by_label("Back pain this morning (0-10)")
    assert pain.input_value() == "3"
    pain.fill("5")
    page.screenshot(path=str(screenshots / f"61-history-edit-checkin-{wide}.png"), full_page=True)
    page.get_by_role("button", name="Save the change").click()
    page.wait_for_url(re.compile(r"/history/$"))
    assert "Morning check-in: pain 5/10, stiffness 2/10" in page.inner_text("main")

    page.get_by_role("link", name="Delete: Core session: pain 2/10 before").click()
    assert page.get_by_role("heading").first.inner_text().startswith("Delete your session log of Wednesday 9 December")
    page.screenshot(path=str(screenshots / f"62-history-delete-confirm-{wide}.png"), full_page=True)
    page.get_by_role("button", name="Yes, delete it").click()
    page.wait_for_url(re.compile(r"/history/$"))
    assert "Wednesday 9 December 2026" not in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= wide
    page.screenshot(path=str(screenshots / f"63-history-after-{wide}.png"), full_page=True)

    assert list(m.SessionLog.objects.filter(runner=runner).values_list("date", flat=True)) == [
        runner.current_plan.start_date
    ]
    assert m.CheckIn.objects.get(runner=runner).pain == 5
    page.goto(f"{live_server.url}/plan/?date=2026-12-09")
    assert "You deleted your session log of 9 December 2026" in page.inner_text("main")
    context.close()
    assert not errors, f"browser errors: {errors}"
