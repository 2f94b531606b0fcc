"""The app on a phone without a connection: the service worker keeps today's page and the exercises, a check-in
made offline waits in the browser and is stored once when the connection returns; the app can be installed; and
the first load of today's page stays small."""

import datetime as dt
import re
import time

import pytest
from playwright.sync_api import Error, expect

from backstride.runners.models import CheckIn, SessionLog

from .conftest import CHROMIUM, FLAGS, PHONE
from .test_runner_journey import onboard, sign_up

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

FIRST_LOAD_LIMIT = 150_000  # bytes over the wire for today's page and everything it loads, figures aside
KEPT = "async (url) => !!(await caches.match(url, { ignoreVary: true }))"


def wait_until_kept(page, url: str, seconds: float = 90) -> None:
    """The worker fills its caches in the background; the runner's list is stored last, once all is in."""
    # `ready` never settles when no worker registers: give up after the same time, with a message
    ready = (
        "(ms) => Promise.race([navigator.serviceWorker.ready.then(() => true),"
        " new Promise((r) => setTimeout(r, ms, false))])"
    )
    assert page.evaluate(ready, seconds * 1000), "no service worker became ready"
    deadline = time.monotonic() + seconds
    while not page.evaluate(KEPT, url):
        assert time.monotonic() < deadline, f"{url} was never cached"
        time.sleep(0.5)


def onboarded(page, base: str, username: str) -> None:
    """A new runner on today's page, with the worker done filling its caches (it must not outlive the test)."""
    sign_up(page, base, username)
    onboard(page)
    wait_until_kept(page, "/offline/manifest.json")


def checkins(name: str) -> int:
    return CheckIn.objects.filter(runner__user__first_name=name).count()


def sessions(name: str) -> int:
    return SessionLog.objects.filter(runner__user__first_name=name).count()


@pytest.fixture
def phone(browser):
    """A phone whose service worker runs (the other browser tests block it)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_offline_the_kept_pages_open_and_a_check_in_waits_then_is_stored_once(live_server, phone, screenshots):
    page, base = phone, live_server.url
    onboarded(page, base, "ola")
    assert page.evaluate("() => !!navigator.serviceWorker.controller")
    kept = page.evaluate(
        "async () => { let n = 0; for (const name of await caches.keys()) {"
        " for (const r of await (await caches.open(name)).matchAll()) { n += (await r.blob()).size; } } return n; }"
    )
    print(f"\nkept for offline use: {kept / 1000:.0f} kB (uncompressed)")

    context = page.context
    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name=re.compile("Today's session"))).to_be_visible()
    page.screenshot(path=str(screenshots / "40-offline-today.png"), full_page=True)

    page.goto(f"{base}/exercises/bird-dog/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bird Dog")
    figure = page.locator("img.figure").first
    figure.scroll_into_view_if_needed()
    expect(figure).to_have_js_property("complete", True)
    assert page.evaluate("img => img.naturalWidth > 0", figure.element_handle()), "the figure came from the cache"
    page.screenshot(path=str(screenshots / "40-offline-exercise.png"), full_page=True)

    played = page.goto(f"{base}/today/play/?date={dt.date.today().isoformat()}")  # the guided session, too
    assert played.ok and "/today/play/" in page.url
    expect(page.get_by_role("heading", name="No connection")).to_have_count(0)
    page.screenshot(path=str(screenshots / "40-offline-player.png"), full_page=True)

    page.goto(f"{base}/checkin/")
    page.get_by_label("Back pain this morning").fill("3")
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_text("Waiting to be sent: 1")).to_be_visible()
    expect(page.get_by_role("button", name="Check in")).to_be_disabled()  # a second tap cannot queue it twice
    page.screenshot(path=str(screenshots / "40-offline-checkin-waiting.png"), full_page=True)
    assert checkins("ola") == 0

    context.set_offline(False)  # the online event sends it
    expect(page.get_by_text("Checked in. Thank you.")).to_be_visible()
    expect(page.get_by_text("Waiting to be sent")).to_have_count(0)
    page.screenshot(path=str(screenshots / "40-offline-checkin-sent.png"), full_page=True)
    assert checkins("ola") == 1

    page.goto(f"{base}/today/")  # each page load sends what waits: nothing now
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert checkins("ola") == 1

    # today's session done offline in the guided player: kept on the phone, stored once when the connection returns
    context.set_offline(True)
    page.goto(f"{base}/today/play/?date={dt.date.today().isoformat()}")
    end = page.locator("[data-end]")
    for _ in range(60):  # through every exercise (their timers are the player test's subject)
        if end.is_visible():
            break
        page.get_by_role("button", name="Next", exact=True).click()
    page.locator("input[name='pain_during']").fill("1")
    page.locator("input[name='pain_after']").fill("1")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_text("Waiting to be sent: 1")).to_be_visible()
    assert sessions("ola") == 0
    context.set_offline(False)
    expect(page.get_by_text("Waiting to be sent")).to_have_count(0)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert sessions("ola") == 1

    # a shared phone keeps no one's plan after sign-out
    page.goto(f"{base}/today/")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))
    page.wait_for_load_state("networkidle")
    assert not page.evaluate("async () => (await caches.keys()).filter((n) => n.startsWith('backstride-pages-'))")


def test_chromium_finds_the_app_installable(live_server, browser, tmp_path):
    # an ordinary profile: Chromium installs nothing from the incognito-like contexts of the other tests
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=CHROMIUM, args=FLAGS, viewport=PHONE, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        onboarded(page, live_server.url, "ines")
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"].endswith("/manifest.webmanifest")
        assert manifest["errors"] == [], manifest["errors"]
        try:
            found = cdp.send("Page.getInstallabilityErrors")
        except Error as exc:  # not every Chromium build still has it
            pytest.skip(f"this Chromium has no Page.getInstallabilityErrors: {exc}")
        assert found["installabilityErrors"] == []
    finally:
        context.close()


def test_the_first_load_of_todays_page_on_a_phone_is_under_150_kb_figures_aside(live_server, browser, phone):
    page, base = phone, live_server.url
    onboarded(page, base, "noor")
    # a new phone with the same session: nothing in its HTTP cache, and no worker fetching in the background
    fresh = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        storage_state=page.context.storage_state(),
        service_workers="block",
    )
    try:
        first = fresh.new_page()
        responses = []
        first.on("response", lambda response: responses.append(response))
        first.goto(f"{base}/today/", wait_until="networkidle")
        sizes = {}
        for response in responses:
            if "/figures/" not in response.url:
                measured = response.request.sizes()
                sizes[response.url] = measured["responseHeadersSize"] + measured["responseBodySize"]
    finally:
        fresh.close()
    total = sum(sizes.values())
    print(f"\nfirst load of today's page, figures aside: {total / 1000:.1f} kB in {len(sizes)} responses")
    for url, size in sorted(sizes.items(), key=lambda item: -item[1]):
        print(f"  {size / 1000:7.1f} kB  {url.removeprefix(base)}")
    assert total < FIRST_LOAD_LIMIT


# Headless Chromium reaches no push service: subscribing answers with a made-up subscription instead.
NO_PUSH_SERVICE = """
PushManager.prototype.subscribe = async function () {
  return { toJSON() { return { endpoint: location.origin + "/nowhere", keys: { p256dh: "x", auth: "y" } }; } };
};
"""


def test_subscribing_to_reminders_uses_the_one_worker_at_the_root(live_server, browser):
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["notifications"], origin=live_server.url)
    context.add_init_script(NO_PUSH_SERVICE)
    try:
        page = context.new_page()
        onboarded(page, live_server.url, "pia")
        page.goto(f"{live_server.url}/settings/")
        page.get_by_role("button", name="Get reminders in this browser").click()
        expect(page.locator("[data-push-status]")).not_to_be_empty()
        workers = page.evaluate(
            "async () => (await navigator.serviceWorker.getRegistrations())"
            ".map((r) => [r.scope, (r.active || r.installing || r.waiting).scriptURL])"
        )
        assert workers == [[f"{live_server.url}/", f"{live_server.url}/sw.js"]]
    finally:
        context.close()
