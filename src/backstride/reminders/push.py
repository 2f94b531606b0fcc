"""Web Push: the server's VAPID keys and sending one notification to each of a person's browsers."""

from __future__ import annotations

import base64
import json

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.db import IntegrityError, transaction

from backstride.core.reminders.messages import Message

from .models import PushSubscription, VapidKeys

PUSH_TTL = 12 * 3600  # a reminder not delivered within half a day is no longer worth showing
GONE = (404, 410)  # the push service says the subscription has ended: forget it


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def new_key_pair() -> tuple[str, str]:
    """A fresh P-256 key pair: the private key as PEM, the public key as browsers take it."""
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    raw = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return pem, _b64(raw)


def vapid_keys() -> tuple[str, str]:
    """(private PEM, public key): from settings when both are set, else the stored pair, made on first use."""
    if settings.VAPID_PRIVATE_KEY and settings.VAPID_PUBLIC_KEY:
        return settings.VAPID_PRIVATE_KEY, settings.VAPID_PUBLIC_KEY
    stored = VapidKeys.objects.filter(pk=1).first()
    if stored is None:
        pem, public = new_key_pair()
        try:
            with transaction.atomic():
                stored = VapidKeys.objects.create(pk=1, private_pem=pem, public_key=public)
        except IntegrityError:  # another process made them first: everyone uses that pair
            stored = VapidKeys.objects.get(pk=1)
    return stored.private_pem, stored.public_key


def payload(message: Message, site_url: str) -> str:
    """What the service worker shows: a title, one sentence and where a tap leads. Nothing about health."""
    return json.dumps({"title": message.subject, "body": message.push_body, "url": site_url + message.path})


def send_push(user, message: Message, site_url: str) -> int:
    """Send to each of the person's browsers; returns how many took it. Raises when none did and one failed."""
    from py_vapid import Vapid
    from pywebpush import WebPushException, webpush

    private_pem, _public = vapid_keys()
    vapid = Vapid.from_pem(private_pem.encode())
    data, sent, errors = payload(message, site_url), 0, []
    for sub in PushSubscription.objects.filter(user=user):
        info = {"endpoint": sub.endpoint, "keys": {"p256dh": sub.p256dh, "auth": sub.auth}}
        try:
            webpush(info, data, vapid_private_key=vapid, vapid_claims={"sub": settings.VAPID_SUBJECT}, ttl=PUSH_TTL)
        except WebPushException as exc:
            status = getattr(exc.response, "status_code", None)
            if status in GONE:
                sub.delete()
                continue
            errors.append(str(exc).splitlines()[0])
        else:
            sent += 1
    if errors and not sent:
        raise RuntimeError("; ".join(errors))
    return sent
