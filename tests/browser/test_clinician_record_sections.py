"""A runner's record in sections, in a real browser: each section opens at phone and desktop width without
scrolling sideways, and the summary on a phone is a fraction of what the single long page was."""

import pytest

from .test_accessibility import SERIOUS, log_in, people  # noqa: F401 (people is a fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

SECTIONS = {"summary": "", "logs": "logs/", "plan": "plan/", "changes": "changes/", "audit": "audit/"}
SIZES = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}
# The single page held the summary, logs, plan and changes one under the other: for this runner it measured
# 9,042 px at 360 px before the sections, and the four sections together measure about 8,500 px. The summary
# alone (about 1,700 px) should stay a small share of that, and within a few phone screens.
SUMMARY_SHARE_MAX = 0.35
SUMMARY_PHONE_MAX_PX = 4000


def height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def test_each_section_opens_at_phone_and_desktop_width_without_scrolling_sideways(
    live_server,
    browser,
    screenshots,
    people,  # noqa: F811
):
    from axe_playwright_python.sync_playwright import Axe

    base, axe = f"{live_server.url}/clinic/runners/{people.pk}/", Axe()
    heights, problems = {}, []
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport, service_workers="block")
        page = context.new_page()
        log_in(page, live_server.url, "morgan")
        for section, path in SECTIONS.items():
            assert page.goto(base + path).status == 200, section
            current = page.locator(".record-tabs a[aria-current='page']")
            assert current.count() == 1 and current.get_attribute("href").endswith(f"/{people.pk}/{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > viewport["width"]:
                problems.append(f"{section} at {size} scrolls sideways ({width}px)")
            if size == "phone":
                # the tabs fit the width: every one of them is inside the screen
                right = page.evaluate(
                    "Math.max(...[...document.querySelectorAll('.record-tabs a')]"
                    ".map(a => a.getBoundingClientRect().right))"
                )
                if right > viewport["width"]:
                    problems.append(f"{section}: the tabs reach {right}px")
            for v in axe.run(page).response["violations"]:
                if v["impact"] in SERIOUS:
                    problems.append(f"{section} at {size}: {v['id']} ({v['impact']})")
            heights[size, section] = height(page)
            page.screenshot(path=str(screenshots / f"60-clinic-record-{section}-{size}.png"), full_page=True)
        context.close()
    assert not problems, "\n".join(problems)

    # the old page was these four one under the other (less the heading each now repeats)
    single_page = sum(heights["phone", s] for s in ("summary", "logs", "plan", "changes"))
    summary = heights["phone", "summary"]
    print(f"summary at 360 px: {summary}px; the sections one under the other: {single_page}px")
    assert summary <= SUMMARY_SHARE_MAX * single_page, (summary, single_page)
    assert summary <= SUMMARY_PHONE_MAX_PX, summary
