"""Web Push: the payload reaches a local push endpoint encrypted for the browser's keys, and decrypts there."""

import base64
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from backstride.reminders.models import Delivery, PushSubscription
from backstride.reminders.push import vapid_keys

from .conftest import WEDNESDAY, at, turn_on


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Endpoint:
    """A push service on localhost: keeps each request and answers with `status`."""

    def __init__(self):
        self.requests, self.status = [], 201
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                endpoint.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(endpoint.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/push/browser-1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def endpoint():
    found = Endpoint()
    yield found
    found.server.shutdown()


@pytest.fixture
def browser(sam, endpoint):
    """A browser's subscription keys, made here as a browser makes them, and the subscription stored."""
    user, _runner = sam
    key = ec.generate_private_key(ec.SECP256R1())
    auth = os.urandom(16)
    public = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    PushSubscription.objects.create(user=user, endpoint=endpoint.url, p256dh=b64(public), auth=b64(auth))
    turn_on(user, email=False, push=True)
    return key, auth


def test_a_push_reminder_arrives_encrypted_for_the_browser_and_signed_with_the_servers_key(
    sam, browser, endpoint, send_due
):
    key, auth = browser
    assert send_due(at(WEDNESDAY, 8, 5)) == ["sent"]
    [(headers, body)] = endpoint.requests
    assert headers["content-encoding"] == "aes128gcm" and int(headers["ttl"]) > 0
    assert f"k={vapid_keys()[1]}" in headers["authorization"]
    payload = json.loads(http_ece.decrypt(body, private_key=key, auth_secret=auth, version="aes128gcm"))
    assert payload["title"] == "Your back session is today"
    assert payload["body"].startswith("Today is a session day") and payload["url"].endswith("/today/")
    assert not {"pain", "flag", "referral"} & set(json.dumps(payload).lower().split())


def test_a_subscription_the_push_service_says_has_ended_is_forgotten(sam, browser, endpoint, send_due):
    endpoint.status = 410
    assert send_due(at(WEDNESDAY, 8, 5)) == [Delivery.FAILED]
    assert not PushSubscription.objects.exists()


def test_a_push_service_error_is_retried(sam, browser, endpoint, send_due):
    endpoint.status = 503
    assert send_due(at(WEDNESDAY, 8, 5)) == [Delivery.RETRY]
    assert "503" in Delivery.objects.get().last_error


def test_the_server_keys_are_made_once_and_kept(db):
    first = vapid_keys()
    assert vapid_keys() == first and len(unb64(first[1])) == 65


def test_the_browser_posts_its_subscription_as_json(sam):
    from tests.web.conftest import client_for

    user, _runner = sam
    client = client_for(user)
    body = {"endpoint": "https://push.example.net/abc", "keys": {"p256dh": "BPk", "auth": "xyz"}}
    assert client.post("/reminders/push/subscribe/", body, content_type="application/json").status_code == 201
    assert PushSubscription.objects.get(user=user).endpoint == body["endpoint"]
    assert (
        client.post("/reminders/push/subscribe/", {"endpoint": "x"}, content_type="application/json").status_code == 400
    )
    assert client.get("/reminders/push/key/").json()["public_key"] == vapid_keys()[1]
