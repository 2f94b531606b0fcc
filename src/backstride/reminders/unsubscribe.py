"""Signed one-click unsubscribe links: the signature is the key, so a link works without logging in."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "backstride.reminders.unsubscribe"
MOUNTED_AT = "/reminders"  # where web/urls.py includes this app's routes


def site_url() -> str:
    # a worker has no request to read the address from: BACKSTRIDE_SITE_URL names it in production
    return settings.SITE_URL or "http://127.0.0.1:8000"


def token_for(user_id: int, channel: str) -> str:
    return signing.dumps({"u": user_id, "c": channel}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str] | None:
    """The user and channel a link stands for; None for a link that was changed or made elsewhere."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or data.get("c") not in ("email", "push"):
        return None
    return data["u"], data["c"]


def link_for(user_id: int, channel: str) -> str:
    # read from this app's own routes: the worker runs without the web app's other apps (settings_cli)
    path = reverse("unsubscribe", urlconf="backstride.reminders.urls", args=[token_for(user_id, channel)])
    return f"{site_url()}{MOUNTED_AT}{path}"
