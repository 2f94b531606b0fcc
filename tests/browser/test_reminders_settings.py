"""A runner turns reminders on in Settings and subscribes this browser to push, in a real browser.

Headless Chromium has no push service to talk to (it would need Google's servers), so the one call that reaches
it, PushManager.subscribe, is replaced by a stand-in that answers with a subscription as a push service would.
Everything else is real: the permission, the service worker's registration, the server's key and the stored
subscription, which the reminders then use."""

import base64
import os
import re

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from .test_offline import wait_until_kept
from .test_runner_journey import onboard, sign_up

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

# A subscription as a push service returns it, with keys made by the test (a P-256 point and 16 random bytes).
STAND_IN = """
PushManager.prototype.subscribe = async function (options) {
  window.__subscribedWith = options;
  const subscription = {
    endpoint: "https://push.example.invalid/send/abc123",
    keys: {
      p256dh: "%(p256dh)s",
      auth: "%(auth)s"
    }
  };
  subscription.toJSON = function () { return { endpoint: this.endpoint, keys: this.keys }; };
  return subscription;
};
"""


def browser_keys() -> dict:
    point = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    encode = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()  # noqa: E731
    return {"p256dh": encode(point), "auth": encode(os.urandom(16))}


def test_a_runner_turns_reminders_on_and_subscribes_this_browser(live_server, browser, screenshots):
    from backstride.reminders.helpers import reminders_on
    from backstride.reminders.models import PushSubscription, ReminderSettings
    from backstride.runners.models import Runner

    context = browser.new_context(viewport={"width": 360, "height": 780})
    context.grant_permissions(["notifications"], origin=live_server.url)
    context.add_init_script(STAND_IN % browser_keys())
    page = context.new_page()
    sign_up(page, live_server.url, "reminded")
    onboard(page)

    page.goto(f"{live_server.url}/settings/")
    section = page.locator("#reminders")
    section.get_by_label("Send me reminders").check()
    section.get_by_label("By email").check()
    section.get_by_label("As notifications in this browser (subscribe below)").check()
    section.get_by_label("Time of day").fill("07:15")
    section.get_by_label("Your time zone").select_option("Europe/Berlin")
    section.get_by_role("button", name="Save reminders").click()
    page.wait_for_load_state()

    page.locator("#reminders").get_by_role("button", name="Get reminders in this browser").click()
    status = page.locator("[data-push-status]")
    status.filter(has_text=re.compile("will show your reminders")).wait_for()
    page.screenshot(path=str(screenshots / "70-reminders-on.png"), full_page=True)
    # the server's public key went to the push service, and the worker that shows notifications is registered
    assert page.evaluate("window.__subscribedWith.userVisibleOnly") is True
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r)") is True

    settings = ReminderSettings.objects.get(user__first_name="reminded")
    assert settings.enabled and settings.email and settings.push and settings.at.strftime("%H:%M") == "07:15"
    runner = Runner.objects.get(user__first_name="reminded")
    assert runner.time_zone == "Europe/Berlin"
    assert PushSubscription.objects.filter(
        user__first_name="reminded", endpoint="https://push.example.invalid/send/abc123"
    ).exists()
    assert reminders_on(runner)
    # the worker registered here also fills its offline copies: let it finish before the database is emptied
    wait_until_kept(page, "/offline/manifest.json")
    context.close()
