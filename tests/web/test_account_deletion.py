"""A runner downloads their data and deletes their account: nothing about them is left behind."""

import datetime as dt
import io
import json
import zipfile

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import models

from backstride.accounts.models import ApiToken
from backstride.clinic import services
from backstride.clinic.models import AuditEvent, CareLink
from backstride.core.tracking.logs import parse_checkin
from backstride.runners import models as m
from backstride.runners.export import FORMAT, JSON_NAME
from backstride.runners.services import checkin

from .conftest import PASSWORD, client_for, make_runner

START = dt.date(2026, 12, 7)
URL = "/settings/delete/"


@pytest.fixture
def zephyr(db, clinician):
    """A runner with a name found nowhere else, a check-in, a token, a clinician who follows and audits them."""
    user, runner = make_runner("zephyrine")
    checkin(runner, parse_checkin({"date": START.isoformat(), "pain": 3}))
    ApiToken.issue(user, "my script")
    okafor = clinician.clinician
    services.link(okafor, runner)
    services.audit(clinician, runner, services.VIEWED)
    services.audit(clinician, runner, services.ADJUSTED, note="Zephyrine asked for easier doses", kind="dosage")
    services.audit(clinician, None, services.ROSTER_VIEWED, runners=[runner.pk], page=1)
    kind = ContentType.objects.get_for_model(m.Runner)
    LogEntry.objects.create(
        user=clinician, content_type=kind, object_id=str(runner.pk), object_repr="Zephyrine", action_flag=CHANGE
    )
    client_for(user).get("/today/")  # a signed-in session stored in the database
    client_for().post("/accounts/login/", {"username": "zephyrine", "password": "a wrong guess"})
    assert AccessAttempt.objects.filter(username="zephyrine").exists()  # the sign-in records name them
    return user, runner


def delete(user, password=PASSWORD, **kwargs):
    return client_for(user, **kwargs).post(URL, {"password": password})


def mentions(value, ids: set[int], words: tuple[str, ...], key: str = "") -> bool:
    """Whether a stored JSON value holds one of the words, or one of the ids under a runner or user key."""
    if isinstance(value, dict):
        return any(mentions(v, ids, words, k) for k, v in value.items())
    if isinstance(value, list):
        return any(mentions(v, ids, words, key) for v in value)
    if isinstance(value, str):
        return any(w in value.lower() for w in words)
    return ("runner" in key or "user" in key) and value in ids


def test_the_settings_page_links_to_the_download_and_the_deletion(sam):
    page = client_for(sam[0]).get("/settings/").content.decode()
    assert 'href="/settings/export/"' in page and f'href="{URL}"' in page


def test_the_download_is_a_zip_holding_the_runners_own_document(sam, other):
    response = client_for(sam[0]).get("/settings/export/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    doc = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read(JSON_NAME))
    assert doc["format"] == FORMAT and doc["runner"]["name"] == "Sam"
    assert doc["account"]["username"] == "sam"


def test_the_download_is_for_the_signed_in_runner_only(db, clinician):
    assert "/accounts/login/" in client_for().get("/settings/export/")["Location"]
    assert client_for(clinician).get("/settings/export/").status_code == 403


def test_the_confirmation_page_says_what_goes_and_asks_for_the_password(zephyr):
    response = client_for(zephyr[0]).get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'type="password"' in page and "every session, check-in, run and questionnaire" in page
    assert m.Runner.objects.filter(pk=zephyr[1].pk).exists()


def test_a_wrong_password_deletes_nothing(zephyr):
    response = delete(zephyr[0], password="not-my-password-at-all")
    assert response.status_code == 200 and "That is not your password" in response.content.decode()
    assert User.objects.filter(pk=zephyr[0].pk).exists() and m.Runner.objects.filter(pk=zephyr[1].pk).exists()


def test_deleting_without_the_csrf_token_is_refused(zephyr):
    assert delete(zephyr[0], enforce_csrf_checks=True).status_code == 403
    assert m.Runner.objects.filter(pk=zephyr[1].pk).exists()


def test_a_clinician_cannot_use_the_deletion_page(zephyr, clinician):
    assert client_for(clinician).post(URL, {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=clinician.pk).exists()


def test_after_deletion_no_row_anywhere_points_to_the_runner_or_their_user(zephyr):
    user, runner = zephyr
    response = delete(user)
    assert response.status_code == 302
    ids, words = {user.pk, runner.pk}, ("zephyrine",)
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model in (m.Runner, User):
                target = runner.pk if field.related_model is m.Runner else user.pk
                assert not model.objects.filter(**{field.name: target}).exists(), f"{model.__name__}.{field.name}"
            elif isinstance(field, models.CharField | models.TextField | models.JSONField):
                for value in model.objects.values_list(field.name, flat=True):
                    assert not mentions(value, ids, words), f"{model.__name__}.{field.name}: {value!r}"
    for session in Session.objects.all():
        assert session.get_decoded().get("_auth_user_id") != str(user.pk)


def test_clinician_links_end_and_the_audit_trail_keeps_an_anonymous_reference(zephyr, clinician):
    delete(zephyr[0])
    assert not CareLink.objects.exists()
    about = AuditEvent.objects.filter(action__in=(services.VIEWED, services.ADJUSTED))
    assert about.count() == 2 and not about.filter(runner__isnull=False).exists()
    reference = about.first().runner_ref
    assert reference.startswith("deleted runner ") and {e.runner_ref for e in about} == {reference}
    assert about.get(action=services.ADJUSTED).detail == {"kind": "dosage"}
    assert AuditEvent.objects.get(action=services.ROSTER_VIEWED).detail["runners"] == [reference]
    assert reference in client_for(clinician).get("/clinic/audit/").content.decode()


def test_deleting_signs_the_runner_out_and_leaves_others_alone(zephyr, other, clinician):
    user, _runner = zephyr
    client = client_for(user)
    assert client.post(URL, {"password": PASSWORD}).status_code == 302
    assert "/accounts/login/" in client.get("/today/")["Location"]
    assert m.Runner.objects.filter(pk=other[1].pk).exists() and other[1].checkins.count() == 0
    assert User.objects.filter(pk=clinician.pk).exists()
    assert m.Runner.objects.count() == 1
