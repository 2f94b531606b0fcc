"""Browser tests: Playwright driving Debian's Chromium against Django's live test server."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("BACKSTRIDE_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 780}
# The service worker fills its offline caches (a few hundred requests) as soon as a runner page opens; tests about
# anything else block it, so that nothing is still loading when the test's database is emptied.
NO_WORKER = "block"
# BACKSTRIDE_SCREENSHOTS puts them elsewhere, so that two browser runs at once do not wipe each other's
SCREENSHOTS = Path(
    os.environ.get("BACKSTRIDE_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            # .ci/run sets CI, so a machine without the browser fails the run instead of passing it untested
            pytest.fail(
                f"CI is set but there is no Chromium at {CHROMIUM}: the browser tests cannot run. "
                "Install it with 'apt-get install chromium' (or point BACKSTRIDE_CHROMIUM at one).",
                pytrace=False,
            )
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread while the browser is open; the ORM
    # calls the tests (and their database teardown) make are ordinary blocking calls, so Django's
    # async-safety guard is told so for as long as the browser runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def screenshots() -> Path:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, service_workers=NO_WORKER
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not errors, f"browser errors: {errors}"


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers=NO_WORKER)
    page = context.new_page()
    yield page
    context.close()
