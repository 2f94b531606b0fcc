"""New leg symptoms in a real browser: the runner ticks them at the morning check-in, today and the plan
say the program is paused and whom to see, and the linked clinician sees why on the roster and the record.
Screenshots at phone and desktop width."""

import re

import pytest
from playwright.sync_api import expect

from .test_clinician_journey import clinician_with_invite
from .test_runner_journey import onboard, sign_up

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_leg_symptoms_at_check_in_pause_the_program_for_the_runner_and_flag_it_for_the_clinician(
    live_server, phone, desktop, screenshots
):
    base = live_server.url
    clinic = desktop
    code = clinician_with_invite(clinic, base)

    runner = phone
    sign_up(runner, base, "sam", invite=code)
    onboard(runner)
    runner.goto(f"{base}/checkin/")
    runner.get_by_label("Back pain this morning").fill("3")
    runner.get_by_label("New numbness, pins and needles or weakness, or leg pain getting worse").check()
    runner.get_by_role("button", name="Check in").click()
    runner.wait_for_url(re.compile(r"/today/"))

    alert = runner.get_by_role("alert")
    expect(alert).to_contain_text("Program paused")
    expect(alert).to_contain_text("clinician's review within the next few days")
    expect(alert).to_contain_text("New leg symptoms at the morning check-in")
    expect(runner.locator("#session-form")).to_have_count(0)
    runner.screenshot(path=str(screenshots / "20-today-paused-leg-symptoms-phone.png"), full_page=True)
    runner.goto(f"{base}/plan/")
    expect(runner.get_by_role("alert")).to_contain_text("no sessions are shown until a clinician clears you")
    runner.screenshot(path=str(screenshots / "21-plan-paused-phone.png"), full_page=True)

    wide = clinic.context.browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = wide.new_page()
    page.context.add_cookies(runner.context.cookies())
    page.goto(f"{base}/today/")
    expect(page.get_by_role("alert")).to_contain_text("Program paused")
    page.screenshot(path=str(screenshots / "20-today-paused-leg-symptoms-desktop.png"), full_page=True)
    wide.close()

    clinic.goto(f"{base}/clinic/")
    row = clinic.locator("tr", has_text="Sam")
    expect(row.get_by_text("New leg symptoms: urgent referral")).to_be_visible()
    row.get_by_role("link").first.click()
    clinic.wait_for_url(re.compile(r"/clinic/runners/\d+/"))
    expect(clinic.get_by_text("New leg symptoms at the morning check-in")).to_be_visible()
    expect(clinic.get_by_text("None while the program is paused")).to_be_visible()
    clinic.screenshot(path=str(screenshots / "22-clinic-runner-leg-symptoms.png"), full_page=True)
