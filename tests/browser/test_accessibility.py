"""Every runner and clinician page, at phone and desktop width, light and dark: axe-core finds no serious or
critical accessibility problem, no page scrolls sideways, and a screenshot of each is written."""

import datetime as dt
import json
import re

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

PASSWORD = "a-long-passphrase-42"
RUNNER_PAGES = [
    "/today/",
    "/today/play/",
    "/plan/",
    "/progress/",
    "/exercises/",
    "/exercises/bird-dog/",
    "/learn/",
    "/checkin/",
    "/runs/new/",
    "/runs/import/",
    "/outcomes/",
    "/settings/",
    "/settings/clinicians/",
    "/messages/",
    "/history/",
    "/accounts/password/",
]
CLINIC_PAGES = [
    "/clinic/",
    "/clinic/runners/{id}/",
    "/clinic/runners/{id}/logs/",
    "/clinic/runners/{id}/plan/",
    "/clinic/runners/{id}/changes/",
    "/clinic/runners/{id}/audit/",
    "/clinic/runners/{id}/adjust/",
    "/clinic/invite/",
    "/clinic/audit/",
]
SIZES = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}
SERIOUS = ("serious", "critical")


@pytest.fixture
def people():
    """A runner three weeks in with a few logs, and their linked physiotherapist."""
    from django.contrib.auth.models import User

    from backstride.accounts.models import Clinician
    from backstride.clinic.models import CareLink
    from backstride.core.tracking.logs import parse_checkin, parse_run
    from backstride.runners.services import checkin, log_run, start_runner
    from tests.conftest import EXAMPLES

    intake = json.loads((EXAMPLES / "intake-sam.json").read_text())
    start = dt.date.today() - dt.timedelta(days=16)
    intake["start_date"] = start.isoformat()
    runner, _ = start_runner(intake)
    runner.user = User.objects.create_user("sam", "sam@example.org", PASSWORD)
    runner.save(update_fields=["user"])
    for n in range(0, 16, 2):
        checkin(
            runner,
            parse_checkin(
                {
                    "date": (start + dt.timedelta(days=n)).isoformat(),
                    "pain": 3,
                    "red_flags": _no_flags(),
                }
            ),
        )
    log_run(
        runner,
        parse_run({"date": (start + dt.timedelta(days=3)).isoformat(), "km": 5.0, "minutes": 31.0, "pain_during": 2}),
    )
    clinician = Clinician.objects.create(user=User.objects.create_user("morgan", "morgan@example.org", PASSWORD))
    CareLink.objects.create(clinician=clinician, runner=runner)
    return runner


def _no_flags() -> dict:
    from backstride.core.intake import RedFlags

    return {name: False for name in RedFlags.model_fields}


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def check_pages(browser, base: str, username: str, paths: list[str], screenshots, prefix: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    axe, problems = Axe(), []
    for size, viewport in SIZES.items():
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=viewport, color_scheme=scheme, service_workers="block")
            page = context.new_page()
            log_in(page, base, username)
            for path in paths:
                response = page.goto(base + path)
                assert response.status == 200, path
                name = re.sub(r"[^a-z0-9]+", "-", path.strip("/")) or "home"
                page.screenshot(path=str(screenshots / f"50-{prefix}-{name}-{size}-{scheme}.png"), full_page=True)
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > viewport["width"]:
                    problems.append(f"{path} at {size}: scrolls sideways ({width}px)")
                found = axe.run(page).response["violations"]
                for v in found:
                    if v["impact"] in SERIOUS:
                        targets = [n["target"] for n in v["nodes"]][:3]
                        problems.append(f"{path} at {size}, {scheme}: {v['id']} ({v['impact']}) {targets}")
            context.close()
    return problems


def test_the_runners_pages_have_no_serious_accessibility_problem(live_server, browser, screenshots, people):
    problems = check_pages(browser, live_server.url, "sam", RUNNER_PAGES, screenshots, "runner")
    assert not problems, "\n".join(problems)


def test_the_clinicians_pages_have_no_serious_accessibility_problem(live_server, browser, screenshots, people):
    paths = [p.format(id=people.pk) for p in CLINIC_PAGES]
    problems = check_pages(browser, live_server.url, "morgan", paths, screenshots, "clinic")
    assert not problems, "\n".join(problems)
