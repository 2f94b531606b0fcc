"""The guided session player in a real browser at phone size, on Playwright's clock: a whole session from the
first get-ready count to the saved log. Also the hold timer of today's long page, which shares its rules.
Screenshots of each stage are written as test-output/screenshots/30-player-*.png."""

import datetime as dt
import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from backstride.runners.models import SessionLog
from tests.web.conftest import make_runner

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

MONDAY = "2026-12-07"  # Sam's first session: twelve exercises, known doses (tests/web/test_player_page.py)
MORNING = dt.datetime(2026, 12, 7, 7, 0)

# What the page asks of the browser's speech, sound, vibration and wake lock, written down instead of played.
RECORDER = """
window.__heard = []; window.__beeps = 0; window.__buzzes = 0; window.__locks = { taken: 0, released: 0 };
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak: function (words) { window.__heard.push(words.text); }, cancel: function () {} } });
Object.defineProperty(navigator, "vibrate", { configurable: true,
  value: function () { window.__buzzes++; return true; } });
Object.defineProperty(navigator, "wakeLock", { configurable: true, value: { request: function () {
  window.__locks.taken++;
  return Promise.resolve({ release: function () { window.__locks.released++; return Promise.resolve(); } });
} } });
if (window.AudioContext) {
  const make = window.AudioContext.prototype.createOscillator;
  window.AudioContext.prototype.createOscillator = function () { window.__beeps++; return make.call(this); };
}
"""


def sign_in(page, base: str, user) -> None:
    """The test client's session cookie, handed to the browser: the log-in form has tests of its own."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])


class Player:
    """The parts of the player a runner looks at."""

    def __init__(self, page, screenshots):
        self.page, self.screenshots = page, screenshots
        self.phase = page.locator("[data-label]")
        self.face = page.locator("[data-face]")
        self.detail = page.locator("[data-detail]")

    def step(self):
        return self.page.locator("[data-step]:visible")

    def name(self) -> str:
        return self.step().locator(".player-name").inner_text()

    def run(self, seconds: float) -> None:
        self.page.clock.run_for(int(seconds * 1000))

    def press(self, name: str) -> None:
        self.page.get_by_role("button", name=name, exact=True).click()

    def shot(self, stage: str) -> None:
        self.page.screenshot(path=str(self.screenshots / f"30-player-{stage}.png"))

    def heard(self) -> list[str]:
        return self.page.evaluate("window.__heard")

    def mirrored(self) -> bool:
        return self.step().locator("img[data-side='2']").is_visible()

    def held(self, index: int) -> str:
        return self.page.locator(f"input[name='held_{index}']").input_value()


def test_a_runner_goes_through_a_whole_session_in_the_player_and_the_log_arrives(live_server, phone, screenshots):
    user, runner = make_runner("sam")
    page = phone
    page.add_init_script(RECORDER)
    page.clock.install(time=MORNING)
    sign_in(page, live_server.url, user)
    page.goto(f"{live_server.url}/today/?date={MONDAY}")
    page.screenshot(path=str(screenshots / "30-player-00-today-link.png"))
    page.get_by_role("link", name="Start guided session").click()
    page.wait_for_url(re.compile(r"/today/play/\?date=" + MONDAY))
    page.clock.pause_at(MORNING + dt.timedelta(minutes=1))  # from here on, time moves only when the test says
    p = Player(page, screenshots)

    # 1. Prone Lying, one 30 s hold: the get-ready count, the hold, a pause that stops the clock
    assert p.name() == "Prone Lying" and "1 of 12" in p.step().inner_text()
    expect(page.get_by_role("button", name="Pause")).to_be_hidden()
    p.shot("01-first-exercise")
    p.press("Start")
    assert (p.phase.inner_text(), p.face.inner_text()) == ("Get ready", "5")
    assert "Prone Lying" in p.heard()
    p.shot("02-get-ready")
    p.run(5)
    assert (p.phase.inner_text(), p.face.inner_text()) == ("Hold", "30")
    assert p.heard()[-1] == "Hold"
    p.run(1)
    assert p.face.inner_text() == "29"
    p.shot("03-hold")
    taken = page.evaluate("window.__locks.taken")
    assert taken >= 1
    p.press("Pause")
    assert p.phase.inner_text() == "Paused"
    assert page.evaluate("window.__locks.released") == taken  # the screen may sleep while paused
    p.run(10)
    assert p.face.inner_text() == "29"
    expect(page.get_by_role("button", name="Start")).to_be_hidden()
    p.press("Resume")
    p.run(29)
    assert p.held(0) == "30" and page.locator("input[name='set_0']").is_checked()

    # the rest between exercises runs on the next one, so the runner sees what comes
    assert p.name() == "Knee Rocks" and "2 of 12" in p.step().inner_text()
    assert (p.phase.inner_text(), p.face.inner_text()) == ("Rest, then this exercise", "30")
    assert p.heard()[-1] == "Rest 30 seconds"
    p.shot("04-rest-before-the-next")

    # 2. Knee Rocks, 8 reps each side: the runner taps when a side is done, the figure turns for the second
    p.run(30)
    assert p.phase.inner_text() == "Get ready"
    p.run(5)
    assert p.face.inner_text() == "8" and p.detail.inner_text() == "First side" and not p.mirrored()
    p.shot("05-repetitions")
    p.run(20)  # eight slow repetitions
    p.press("First side done")
    p.press("Set done")  # a double tap: too soon to be the second side's
    assert p.heard()[-1] == "Switch sides"
    assert p.detail.inner_text() == "Second side" and p.mirrored()
    p.shot("06-second-side")
    p.run(20)
    p.press("Set done")

    # 3. Abdominal Brace, 5 holds of 6 s: each repetition counted, with a 3 s relax between
    assert p.name() == "Abdominal Brace"
    p.run(20 + 5)
    assert (p.phase.inner_text(), p.face.inner_text()) == ("Hold 1 of 5", "6")
    p.run(6)
    assert (p.phase.inner_text(), p.face.inner_text()) == ("Relax", "3")
    assert p.heard()[-1] == "Relax"
    p.shot("07-relax-between-holds")
    p.run(3)
    assert (p.phase.inner_text(), p.face.inner_text()) == ("Hold 2 of 5", "6")
    p.run(4 * 6 + 3 * 3)
    assert p.held(2) == "30"

    # 4.-8. a skip with a reason, then a skip, and a few passed over with Next
    assert p.name() == "Four-Point Leg Slide"
    p.press("Skip")
    p.shot("08-skip-reasons")
    p.press("Pain")
    assert p.name() == "Clamshell"
    p.press("Next")
    assert p.name() == "Dead Bug Heel Taps"
    p.press("Skip")
    p.press("No time")
    assert p.name() == "Kneeling Plank"
    p.press("Back")
    assert p.name() == "Dead Bug Heel Taps"
    p.press("Next")
    p.press("Next")
    p.press("Next")

    # 9. Kneeling Side Plank, 3 holds of 5 s each side: the switch is called and the figure turns
    assert p.name() == "Kneeling Side Plank"
    p.press("Start")
    p.run(5 + 5 + 3 + 5 + 3 + 5)
    assert (p.phase.inner_text(), p.face.inner_text()) == ("Switch sides", "10")
    assert p.heard()[-1] == "Switch sides" and p.mirrored()
    p.shot("09-switch-sides")
    p.run(10)
    assert (p.phase.inner_text(), p.detail.inner_text()) == ("Hold 1 of 3", "Second side")
    p.run(5 + 3 + 5 + 3 + 5)
    assert p.held(8) == "30"

    # 10. Glute Bridge passed over; 11. Single-Leg Balance, 2 sets of 20 s each side, with a rest between the sets
    p.press("Next")
    assert p.name() == "Single-Leg Balance"
    p.press("Start")
    p.run(5 + 20 + 10 + 20)
    assert (p.phase.inner_text(), p.face.inner_text()) == ("Rest", "15")
    assert p.detail.inner_text() == "Set 2 of 2"
    assert page.locator("input[name='set_10']").first.is_checked()
    p.shot("10-rest-between-sets")
    p.run(15 + 20 + 10 + 20)
    assert p.held(10) == "80"
    assert page.locator("input[name='set_10']:checked").count() == 2

    # 12. the last one passed over, and the end: nothing chosen for the runner
    assert p.name() == "Kneeling Hip Flexor Stretch" and "12 of 12" in p.step().inner_text()
    p.press("Next")
    end = page.locator("[data-end]")
    expect(end).to_be_visible()
    expect(page.locator("[data-step]:visible")).to_have_count(0)
    for name in ("pain_before", "pain_during", "pain_after", "effort"):
        assert page.locator(f"input[name='{name}']").input_value() == "", name
    note = page.locator("textarea[name='note']").input_value()
    assert note == "Skipped Four-Point Leg Slide: Pain\nSkipped Dead Bug Heel Taps: No time"
    summary = end.locator("[data-summary]").inner_text()
    assert "Prone Lying: done" in summary and "Four-Point Leg Slide: skipped: Pain" in summary
    assert "Clamshell: not done" in summary
    assert page.evaluate("window.__locks.released") == page.evaluate("window.__locks.taken")
    assert page.evaluate("window.__beeps") > 0 and page.evaluate("window.__buzzes") > 0
    p.shot("11-how-did-it-go")

    page.get_by_role("button", name="Save session").click()  # refused by the browser: pain not chosen yet
    assert not SessionLog.objects.filter(runner=runner).exists()
    page.get_by_label("Worst pain during (0-10)").fill("3")
    page.get_by_label("Pain after (0-10)").fill("2")
    page.get_by_label("Effort (0 = rest, 10 = maximal; optional)").fill("4")
    page.get_by_role("button", name="Save session").click()
    page.wait_for_url(re.compile(r"/today/$"))
    assert page.get_by_text("Session saved").is_visible()
    page.screenshot(path=str(screenshots / "30-player-12-saved.png"))

    log = SessionLog.objects.get(runner=runner)
    assert (log.date.isoformat(), log.pain_before, log.pain_during, log.pain_after, log.effort) == (MONDAY, 3, 3, 2, 4)
    assert log.note.splitlines() == ["Skipped Four-Point Leg Slide: Pain", "Skipped Dead Bug Heel Taps: No time"]
    done = {e.slug: (e.completed, e.sets, e.hold_seconds) for e in log.exercises.all()}
    assert done["prone-lying"] == (True, 1, 30)
    assert done["knee-rocks"] == (True, 1, None)
    assert done["abdominal-brace"] == (True, 1, 30)
    assert done["four-point-leg-slide"] == (False, 0, None)
    assert done["clamshell"] == (False, 0, None)
    assert done["kneeling-side-plank"] == (True, 1, 30)
    assert done["single-leg-balance"] == (True, 2, 80)
    assert len(done) == 12


def test_the_sound_and_vibration_switches_are_remembered_on_the_device(live_server, phone):
    user, _runner = make_runner("sam")
    page = phone
    page.add_init_script(RECORDER)
    sign_in(page, live_server.url, user)
    page.goto(f"{live_server.url}/today/play/?date={MONDAY}")
    page.get_by_text("Sound and vibration").click()
    page.get_by_label("Spoken cues").uncheck()
    page.get_by_label("Vibration").uncheck()
    page.reload()
    page.get_by_text("Sound and vibration").click()
    assert not page.get_by_label("Spoken cues").is_checked() and not page.get_by_label("Vibration").is_checked()
    assert page.get_by_label("Beeps in the last seconds and at start and stop").is_checked()
    page.get_by_role("button", name="Start").click()
    assert page.evaluate("window.__heard") == [] and page.evaluate("window.__beeps") > 0


def test_without_script_the_player_is_a_readable_list_with_the_log_form(live_server, browser, screenshots):
    user, _runner = make_runner("sam")
    context = browser.new_context(viewport={"width": 360, "height": 780}, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server.url, user)
    page.goto(f"{live_server.url}/today/play/?date={MONDAY}")
    assert page.locator("[data-step]:visible").count() == 12
    expect(page.locator("[data-clock]")).to_be_hidden()
    expect(page.get_by_role("button", name="Save session")).to_be_visible()
    page.screenshot(path=str(screenshots / "30-player-13-without-script.png"))
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 360


def test_the_player_has_no_serious_accessibility_problem_at_phone_size(live_server, browser, screenshots):
    from axe_playwright_python.sync_playwright import Axe

    user, _runner = make_runner("sam")
    problems = []
    for scheme in ("light", "dark"):
        context = browser.new_context(
            viewport={"width": 360, "height": 780}, color_scheme=scheme, service_workers="block"
        )
        page = context.new_page()
        sign_in(page, live_server.url, user)
        page.goto(f"{live_server.url}/today/play/?date={MONDAY}")
        page.screenshot(path=str(screenshots / f"30-player-14-{scheme}.png"))
        for v in Axe().run(page).response["violations"]:
            if v["impact"] in ("serious", "critical"):
                problems.append(f"{scheme}: {v['id']} {[n['target'] for n in v['nodes']][:3]}")
        if page.evaluate("document.documentElement.scrollWidth") > 360:
            problems.append(f"{scheme}: scrolls sideways")
        context.close()
    assert not problems, "\n".join(problems)


def test_todays_long_page_shows_start_or_stop_never_both_and_relaxes_between_holds(live_server, phone):
    user, _runner = make_runner("sam")
    page = phone
    page.clock.install(time=MORNING)
    sign_in(page, live_server.url, user)
    page.goto(f"{live_server.url}/today/?date={MONDAY}")
    page.clock.pause_at(MORNING + dt.timedelta(minutes=1))
    card = page.locator("li.exercise", has_text="Abdominal Brace")  # 5 holds of 6 s
    start, stop = card.get_by_role("button", name="Start hold timer"), card.get_by_role("button", name="Stop")
    expect(start).to_be_visible()
    expect(stop).to_be_hidden()
    start.click()
    expect(start).to_be_hidden()
    expect(stop).to_be_visible()
    page.clock.run_for(6000)
    assert card.locator("[data-prompt]").inner_text() == "Rest"  # the short relax after the first hold
    assert card.locator("[data-face]").inner_text() == "3"
    page.clock.run_for(3000)
    assert card.locator("[data-prompt]").inner_text() == "hold 2 of 5"
    page.clock.run_for(2000)
    stop.click()  # two seconds into the second hold
    expect(start).to_be_visible()
    expect(stop).to_be_hidden()
    assert card.locator("[data-held]").input_value() == "8"
