"""A fresh account restores a runner from the export they downloaded elsewhere; a damaged file stores nothing."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from backstride.core.tracking.logs import parse_checkin
from backstride.runners import models as m
from backstride.runners.reports import plan_view, today_view
from backstride.runners.services import checkin

from .conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db
URL = "/onboarding/restore/"


def export_of(sam) -> bytes:
    user, runner = sam
    checkin(runner, parse_checkin({"date": "2026-12-08", "pain": 3, "red_flags": None}))
    return client_for(user).get("/settings/export/").content


def test_a_fresh_account_restores_the_export_and_carries_on_where_the_runner_was(sam):
    body = export_of(sam)
    _user, original = sam
    newcomer = User.objects.create_user("newcomer", "new@example.org", PASSWORD)
    client = client_for(newcomer)
    assert "Restore" in client.get(URL).content.decode()

    response = client.post(URL, {"export": SimpleUploadedFile("backstride-export.zip", body)})

    assert response.status_code == 302 and response["Location"] == "/today/"
    restored = m.Runner.objects.get(user=newcomer)
    day = dt.date(2026, 12, 9)
    assert today_view(restored, day) | {"runner": ""} == today_view(original, day) | {"runner": ""}
    assert plan_view(restored, day)["changes"] == plan_view(original, day)["changes"]
    assert m.CheckIn.objects.filter(runner=restored).count() == 1


def test_an_account_with_a_program_cannot_restore_a_second_one(sam):
    user, _runner = sam
    body = export_of(sam)
    response = client_for(user).post(URL, {"export": SimpleUploadedFile("backstride-export.zip", body)})
    assert response.status_code == 302 and m.Runner.objects.filter(user=user).count() == 1


def test_a_damaged_file_says_why_and_stores_nothing(sam):
    newcomer = User.objects.create_user("newcomer", "new@example.org", PASSWORD)
    before = m.Runner.objects.count()
    page = client_for(newcomer).post(URL, {"export": SimpleUploadedFile("notes.zip", b"PK\x03\x04 broken")})
    assert page.status_code == 200 and 'role="alert"' in page.content.decode()
    assert m.Runner.objects.count() == before


def test_the_first_onboarding_step_offers_the_restore(db):
    newcomer = User.objects.create_user("newcomer", "new@example.org", PASSWORD)
    assert URL in client_for(newcomer).get("/onboarding/").content.decode()
