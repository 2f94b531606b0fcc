"""Personal API tokens: an expiry chosen when issued, and when each was last used."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backstride.accounts.models import ApiToken

from .conftest import Caller

pytestmark = pytest.mark.django_db


def token_writes(caller: Caller) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert caller.get("/me").status_code == 200
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]


def test_an_expired_token_is_refused_like_an_unknown_one(newcomer):
    _token, key = ApiToken.issue(newcomer.user, "nightly export", dt.timedelta(days=30))
    expiring = Caller(newcomer.client, key)
    assert expiring.get("/me").status_code == 200
    ApiToken.objects.filter(key_hash=ApiToken.hash(key)).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    expired = expiring.get("/me")
    unknown = Caller(newcomer.client, "bs_not-a-token").get("/me")
    assert expired.status_code == unknown.status_code == 401
    assert expired.json() == unknown.json()


def test_a_token_issued_without_a_lifetime_never_expires(newcomer):
    token, key = ApiToken.issue(newcomer.user, "forever", None)
    assert token.expires_at is None
    ApiToken.objects.filter(pk=token.pk).update(created_at=timezone.now() - dt.timedelta(days=3650))
    assert Caller(newcomer.client, key).get("/me").status_code == 200


def test_a_token_records_when_it_was_last_used(newcomer):
    token = ApiToken.objects.get(user=newcomer.user)
    assert token.last_used_at is None
    before = timezone.now()
    assert newcomer.get("/me").status_code == 200
    token.refresh_from_db()
    assert before <= token.last_used_at <= timezone.now()


def test_using_a_token_again_within_a_minute_writes_nothing(newcomer):
    assert len(token_writes(newcomer)) == 1  # the first use is recorded
    assert token_writes(newcomer) == []
    token = ApiToken.objects.get(user=newcomer.user)
    a_while_ago = timezone.now() - dt.timedelta(minutes=2)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=a_while_ago)
    assert len(token_writes(newcomer)) == 1  # stale by more than a minute: recorded again
    token.refresh_from_db()
    assert token.last_used_at > a_while_ago


def test_the_token_of_a_deactivated_account_is_refused(newcomer):
    _token, key = ApiToken.issue(newcomer.user, "phone", None)
    caller = Caller(newcomer.client, key)
    assert caller.get("/me").status_code == 200
    type(newcomer.user).objects.filter(pk=newcomer.user.pk).update(is_active=False)
    assert caller.get("/me").status_code == 401
