"""The browser session works too, with Django's CSRF check on writes; tokens need no CSRF token."""

import pytest
from django.test import Client

from backstride.runners import models as m

from .conftest import PREFIX

pytestmark = pytest.mark.django_db

CHECKIN = {"date": "2026-12-08", "pain": 3}
CSRF = "k" * 32  # any well-formed secret: the cookie and the header just have to agree


@pytest.fixture
def browser(sam_caller) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(sam_caller.user)
    return client


def post(client: Client, path: str, body: dict, **headers):
    return client.post(PREFIX + path, body, content_type="application/json", **headers)


def test_a_signed_in_browser_reads_with_its_session(browser):
    response = browser.get(PREFIX + "/today", {"date": "2026-12-07"})
    assert response.status_code == 200 and response.json()["runner"] == "Sam Rivera"


def test_a_browser_write_without_the_csrf_token_is_refused_and_stores_nothing(browser):
    response = post(browser, "/checkins", CHECKIN)
    assert response.status_code == 403 and response.json() == {"detail": "CSRF check Failed"}
    assert not m.CheckIn.objects.exists()


def test_a_browser_write_with_the_csrf_token_is_stored(browser):
    browser.cookies["csrftoken"] = CSRF
    assert post(browser, "/checkins", CHECKIN, HTTP_X_CSRFTOKEN=CSRF).status_code == 201
    assert m.CheckIn.objects.count() == 1


def test_a_token_write_needs_no_csrf_token(sam_caller):
    client = Client(enforce_csrf_checks=True)
    response = post(client, "/checkins", CHECKIN, HTTP_AUTHORIZATION=f"Bearer {sam_caller.token}")
    assert response.status_code == 201


def test_an_anonymous_write_is_401_not_a_csrf_failure(sam_caller):
    response = post(Client(enforce_csrf_checks=True), "/checkins", CHECKIN)
    assert response.status_code == 401 and response.json() == {"detail": "Unauthorized"}
