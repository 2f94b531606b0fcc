"""The design holds on a phone: the navigation and the main buttons are big enough to tap, the keyboard focus is
always visible, and screenshots of Today, the library and an exercise page are written at phone and desktop
width, light and dark, for a person to look at."""

import datetime as dt
import json

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

PASSWORD = "a-long-passphrase-42"
TAP = 44  # px: WCAG 2.5.5 (target size, enhanced) and the platforms' own guidance
SIZES = {"360": {"width": 360, "height": 780}, "1280": {"width": 1280, "height": 900}}


@pytest.fixture
def session_day():
    """A runner two weeks in, and the day of their next session (its page has exercise cards and buttons)."""
    from django.contrib.auth.models import User

    from backstride.runners.services import start_runner
    from tests.conftest import EXAMPLES

    intake = json.loads((EXAMPLES / "intake-sam.json").read_text())
    intake["start_date"] = (dt.date.today() - dt.timedelta(days=14)).isoformat()
    runner, _ = start_runner(intake)
    runner.user = User.objects.create_user("sam", "sam@example.org", PASSWORD)
    runner.save(update_fields=["user"])
    days = [s["date"] for w in runner.current_plan.data["weeks"] for s in w["sessions"]]
    return next(d for d in days if d >= dt.date.today().isoformat())


def open_page(browser, base: str, viewport: dict, scheme: str = "light"):
    context = browser.new_context(viewport=viewport, color_scheme=scheme, service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("User name").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    return context, page


def too_small(page, selector: str) -> list[str]:
    """Every visible element matching `selector` smaller than a tap target, with its size."""
    small = []
    for element in page.locator(selector).all():
        box = element.bounding_box()
        if box is None or not element.is_visible():
            continue
        if box["height"] < TAP or box["width"] < TAP:
            small.append(f"{selector} '{element.inner_text().strip()[:30]}': {box['width']:.0f}×{box['height']:.0f}")
    return small


def test_the_navigation_and_main_buttons_are_tap_targets_at_phone_width(live_server, browser, session_day):
    context, page = open_page(browser, live_server.url, SIZES["360"])
    page.goto(f"{live_server.url}/today/?date={session_day}")
    assert page.locator(".top nav a").count() >= 5
    small = too_small(page, ".top .brand") + too_small(page, ".top nav a") + too_small(page, ".top nav button")
    small += too_small(page, "main button") + too_small(page, "main a.button")
    page.goto(f"{live_server.url}/exercises/")
    small += too_small(page, "main form input") + too_small(page, "main form select")
    context.close()
    assert small == []


def focus_ring(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return {tag: el.tagName, text: (el.innerText || el.value || "").trim().slice(0, 30),
                    style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor};
        }"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tabbing_through_a_page_always_shows_a_focus_outline(live_server, browser, screenshots, session_day, scheme):
    context, page = open_page(browser, live_server.url, SIZES["360"], scheme)
    page.goto(f"{live_server.url}/today/?date={session_day}")
    seen = []
    for n in range(14):  # the skip link, the brand, the navigation and into the page
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        seen.append(ring)
        assert ring["style"] != "none" and ring["width"] >= 2, ring
        if n == 3:  # a link of the navigation, on the dark bar
            page.screenshot(path=str(screenshots / f"60-design-focus-nav-360-{scheme}.png"))
    page.screenshot(path=str(screenshots / f"60-design-focus-page-360-{scheme}.png"))
    context.close()
    assert {r["tag"] for r in seen} >= {"A", "BUTTON"}
    assert seen[0]["text"] == "Skip to content"


def test_screenshots_of_today_the_library_and_an_exercise_at_phone_and_desktop_width(
    live_server, browser, screenshots, session_day
):
    pages = {
        "today": f"/today/?date={session_day}",
        "library": "/exercises/",
        "exercise": "/exercises/side-plank/",
    }
    written = []
    for size, viewport in SIZES.items():
        for scheme in ("light", "dark"):
            context, page = open_page(browser, live_server.url, viewport, scheme)
            for name, path in pages.items():
                assert page.goto(live_server.url + path).status == 200, path
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport["width"], f"{path} scrolls sideways at {size} px ({width} px)"
                shot = screenshots / f"60-design-{name}-{size}-{scheme}.png"
                page.screenshot(path=str(shot), full_page=name != "library")
                written.append(shot)
            context.close()
    assert all(shot.stat().st_size > 0 for shot in written)
