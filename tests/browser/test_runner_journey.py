"""A new runner in a real browser at phone width: sign-up, onboarding, today's session with the
hold timer, the log, and the new point on the progress chart. Screenshots of each main page."""

import base64
import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from backstride.core.calendar import DAYS
from backstride.pages.charts import COLOURS

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

RED_FLAGS = [
    "saddle_numbness",
    "bladder_or_bowel_change",
    "new_sexual_dysfunction",
    "both_legs_symptoms",
    "leg_weakness_worsening",
    "fever_or_unwell",
    "unwell_without_fever",
    "history_of_cancer",
    "unexplained_weight_loss",
    "recent_significant_trauma",
    "long_term_steroids",
    "osteoporosis",
    "night_pain_not_eased_by_position",
    "immunosuppressed",
    "walking_changed",
]


SVG = "{http://www.w3.org/2000/svg}"


def drawn_bars(svg: str, colour: str) -> list[tuple[float, float]]:
    """(top, bottom) of each bar drawn inside the axes in this colour; the legend's swatch is not clipped."""
    bars = []
    for path in ET.fromstring(svg).iter(f"{SVG}path"):
        if f"fill: {colour}" in path.get("style", "") and path.get("clip-path"):
            ys = [float(n) for n in re.findall(r"-?[\d.]+", path.get("d"))][1::2]
            bars.append((min(ys), max(ys)))
    return bars


def y_ticks(svg: str) -> dict[str, float]:
    """Each y-axis label and the height it stands at."""
    ticks = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if group.get("id", "").startswith("ytick_"):
            ticks[next(group.iter(f"{SVG}text")).text] = float(next(group.iter(f"{SVG}use")).get("y"))
    return ticks


def sign_up(page, base: str, name: str, invite: str = "") -> str:
    """Sign up as a runner called name; the user name the welcome gives."""
    page.goto(f"{base}/accounts/signup/" + (f"?invite={invite}" if invite else ""))
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(f"{re.sub(r'[^a-z0-9]', '', name.lower())}@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-passphrase-42")
    page.get_by_label("Password confirmation").fill("a-long-passphrase-42")
    page.get_by_label("a runner").check()
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/onboarding/"))
    welcome = page.get_by_role("status").filter(has_text="Your user name is").inner_text()
    return re.search(r"Your user name is (\S+):", welcome).group(1)


def onboard(page, screenshots=None) -> None:
    """Answer every step of the wizard as a runner with a flexion-sensitive back, starting today."""
    today = dt.date.today()
    if screenshots:
        page.screenshot(path=str(screenshots / "01-onboarding-consent.png"), full_page=True)
    page.get_by_label("I agree that backstride stores my answers").check()
    page.get_by_role("button", name="Next").click()
    if screenshots:
        page.screenshot(path=str(screenshots / "01-onboarding-safety.png"), full_page=True)
    for key in RED_FLAGS:
        page.locator(f"input[name='safety-{key}'][value='no']").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Your first name").fill("Sam")
    page.get_by_label("Age").fill("34")
    page.get_by_label("Sex").select_option("female")
    page.get_by_label("Start the program on").fill(today.isoformat())
    page.get_by_label("Back pain right now").fill("3")
    page.get_by_label("Worst back pain in the last week").fill("6")
    page.get_by_label("How many weeks ago").fill("3")
    page.get_by_label("How many earlier episodes").fill("1")
    page.locator("input[name='about-pain_below_knee'][value='no']").check()
    page.locator("input[name='about-aggravated_by'][value='sitting']").check()
    page.locator("input[name='about-aggravated_by'][value='bending_forward']").check()
    page.locator("input[name='about-eased_by'][value='walking']").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()  # the optional questions on the pain's pattern
    for box in page.locator("input[type=radio][value='no']").all():
        box.check()
    page.locator("input[name='startback-bothersomeness'][value='moderately']").check()
    page.get_by_role("button", name="Next").click()
    for section in ["pain_intensity", "lifting", "sitting", "standing", "sleeping", "travelling"]:
        page.locator(f"input[name='odi-{section}'][value='1']").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("running, but it hurts").check()
    page.get_by_label("Runs a week").fill("3")
    page.get_by_label("Distance a week now").fill("25")
    page.get_by_label("Pain while running").fill("3")
    page.locator("input[name='running-walk_30_min_comfortable'][value='yes']").check()
    page.get_by_role("button", name="Next").click()
    page.locator(f"input[name='availability-days'][value='{DAYS[today.weekday()]}']").check()
    page.get_by_label("Minutes per session").fill("30")
    for item in ("mat", "wall", "band"):
        page.locator(f"input[name='availability-equipment'][value='{item}']").check()
    page.get_by_role("button", name="Build my plan").click()
    page.wait_for_url(re.compile(r"/today/"))


def test_a_new_runner_signs_up_does_todays_session_with_the_timer_and_sees_it_on_the_chart(
    live_server, phone, screenshots
):
    page = phone
    page.clock.install()
    sign_up(page, live_server.url, "sam")
    onboard(page, screenshots)

    page.screenshot(path=str(screenshots / "02-today.png"), full_page=True)
    assert page.get_by_role("heading", name=re.compile("Today's session")).is_visible()
    timer_card = page.locator("li.exercise", has=page.locator(".timer[data-hold]")).first
    name = timer_card.locator("h3").inner_text()
    hold = int(timer_card.locator(".timer").get_attribute("data-hold"))
    reps = int(timer_card.locator(".timer").get_attribute("data-reps"))
    per_side = timer_card.locator(".timer").get_attribute("data-per-side") == "1"

    timer_card.get_by_role("button", name="Start hold timer").click()
    page.clock.run_for(1000)
    assert int(timer_card.locator("[data-face]").inner_text()) == hold - 1
    page.clock.run_for(hold * reps * 1000)
    if per_side:
        assert "Switch sides" in timer_card.locator("[data-prompt]").inner_text()
        page.clock.run_for((10 + hold * reps) * 1000)
    page.clock.run_for(120_000)  # the rest that follows the set
    held = int(timer_card.locator("[data-held]").input_value())
    assert held == hold * reps * (2 if per_side else 1), name
    assert timer_card.locator("input[data-set]").first.is_checked()

    for card in page.locator("li.exercise").all():
        for box in card.locator("input[data-set]").all():
            box.check()
    page.locator("#id_pain_during").fill("2")
    page.locator("#id_pain_after").fill("2")
    page.get_by_role("button", name="Save session").click()
    page.wait_for_url(re.compile(r"/today/"))
    assert page.get_by_text("Session saved").is_visible()
    assert page.get_by_text("logged", exact=True).is_visible()

    page.goto(f"{live_server.url}/progress/")
    chart = page.locator("img[data-chart='adherence']")
    assert "week 1: 1/1" in chart.get_attribute("alt")
    # the table beside the charts has the same number
    week_one = page.locator("table[data-table='weeks'] tbody tr").first
    assert week_one.locator("th").inner_text() == "1"
    assert week_one.locator("td").first.inner_text() == "1/1"
    # and the chart draws it: one bar, from 0 up to the line marked 1
    svg = base64.b64decode(chart.get_attribute("src").split(",", 1)[1]).decode()
    ticks = y_ticks(svg)
    assert drawn_bars(svg, COLOURS["bar"]) == [pytest.approx((ticks["1"], ticks["0"]), abs=0.5)]
    assert page.evaluate("img => img.naturalWidth > 0", chart.element_handle())
    page.screenshot(path=str(screenshots / "03-progress.png"), full_page=True)

    for url, shot in [
        ("/plan/", "04-plan.png"),
        ("/exercises/", "05-library.png"),
        ("/exercises/bird-dog/", "06-exercise.png"),
        ("/checkin/", "07-checkin.png"),
        ("/runs/new/", "08-run.png"),
        ("/settings/", "09-settings.png"),
        ("/outcomes/", "10-outcomes.png"),
    ]:
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{url} scrolls sideways at phone width ({width}px)"
        page.screenshot(path=str(screenshots / shot), full_page=True)


def test_a_new_runner_is_told_the_user_name_they_were_given_and_logs_back_in_with_it(live_server, phone, screenshots):
    page = phone
    page.goto(f"{live_server.url}/accounts/signup/")
    page.screenshot(path=str(screenshots / "01-sign-up.png"), full_page=True)
    username = sign_up(page, live_server.url, "Zoë Brooks")
    assert re.fullmatch(r"zoe-[a-z2-9]{4}", username)
    page.screenshot(path=str(screenshots / "01-welcome-user-name.png"), full_page=True)
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill("a-long-passphrase-42")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/onboarding/"))


def test_the_library_filters_update_in_place_with_htmx(live_server, phone):
    page = phone
    sign_up(page, live_server.url, "lee")
    onboard(page)
    page.goto(f"{live_server.url}/exercises/")
    total = page.locator("ul.library > li").count()
    page.get_by_label("Search").fill("plank")
    expect(page.locator("ul.library > li")).not_to_have_count(total)
    cards = page.locator("ul.library > li").all_inner_texts()
    assert cards and all("plank" in card.lower() for card in cards)
    expect(page).to_have_url(re.compile(r"q=plank"))


def test_a_positive_safety_answer_in_onboarding_shows_whom_to_see(live_server, phone):
    page = phone
    sign_up(page, live_server.url, "alex")
    page.get_by_label("I agree that backstride stores my answers").check()
    page.get_by_role("button", name="Next").click()
    for key in RED_FLAGS:
        value = "yes" if key == "saddle_numbness" else "no"
        page.locator(f"input[name='safety-{key}'][value='{value}']").check()
    page.get_by_role("button", name="Next").click()
    alert = page.get_by_role("alert")
    assert "emergency department today" in alert.inner_text()
