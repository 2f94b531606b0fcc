"""A runner imports two recorded runs in a real browser, sees them on the progress chart and rates them on Today."""

import datetime as dt
import re
from pathlib import Path

import pytest

from .test_runner_journey import onboard, sign_up

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
GPX = Path(__file__).resolve().parents[1] / "data" / "runs" / "gpx"


def recorded_today(tmp_path: Path, name: str, first_day: str) -> Path:
    """A real GPX recording moved to today, as if the runner's watch had recorded it this morning."""
    text = (GPX / name).read_text()
    path = tmp_path / name
    path.write_text(text.replace(first_day, dt.date.today().isoformat() + "T"))
    return path


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 780}, {"width": 1280, "height": 900}])
def test_two_uploaded_runs_appear_on_the_progress_chart_and_ask_how_they_felt(
    live_server, browser, screenshots, tmp_path, viewport
):
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    wide = viewport["width"]
    sign_up(page, live_server.url, f"importer{wide}")
    onboard(page)
    files = [
        recorded_today(tmp_path, "cerknicko-jezero.gpx", "2010-08-05T"),
        recorded_today(tmp_path, "korita-zbevnica.gpx", "2010-10-03T"),
    ]

    page.get_by_role("link", name="Import from a watch or app").click()
    page.get_by_label("Activity files").set_input_files([str(f) for f in files])
    page.get_by_role("button", name="Import").click()
    summary = page.locator("[data-import-summary]")
    summary.wait_for()
    assert "2 runs imported" in summary.inner_text()
    page.screenshot(path=str(screenshots / f"20-import-{wide}.png"), full_page=True)

    page.get_by_role("link", name="See them on your progress page").click()
    page.wait_for_url(re.compile(r"/progress/"))
    week_one = page.locator("table[data-table='load'] tbody tr").first
    distance = week_one.locator("td").first.inner_text()
    assert distance.startswith("19.5 km"), distance  # 4.58 km and 14.91 km, the two recordings' own distances
    alt = page.locator("img[data-chart='load']").get_attribute("alt")
    assert "week 1: 19.5 km" in alt
    page.screenshot(path=str(screenshots / f"21-progress-imported-{wide}.png"), full_page=True)

    page.goto(f"{live_server.url}/today/")
    forms = page.locator("form.rate-run")
    assert forms.count() == 2
    first = forms.first
    first.get_by_label("Worst pain during (0-10)").fill("1")
    first.get_by_label("How hard it felt (0 rest, 10 maximal)").fill("4")
    page.screenshot(path=str(screenshots / f"22-rate-run-{wide}.png"), full_page=True)
    first.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/today/"))
    assert page.locator("form.rate-run").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= wide
    context.close()
    assert not errors, errors
