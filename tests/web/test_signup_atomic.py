"""Sign-up creates the account, its profile and the login together, or nothing at all."""

from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError
from django.test import Client

from backstride.accounts.models import Clinician

from .conftest import PASSWORD


def sign_up(role: str):
    client = Client(raise_request_exception=True)
    form = {
        "first_name": "Casey",
        "email": "casey@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "role": role,
        "invite_code": "",
    }
    return client.post("/accounts/signup/", form)


@pytest.mark.parametrize("role", ["runner", "clinician"])
def test_a_sign_up_whose_login_fails_leaves_no_account_behind(db, role):
    with (
        mock.patch("backstride.accounts.views.login", side_effect=DatabaseError("no such table: django_session")),
        pytest.raises(DatabaseError),
    ):
        sign_up(role)
    assert not User.objects.filter(email="casey@example.org").exists()
    assert not Clinician.objects.exists()


def test_a_sign_up_whose_clinician_profile_fails_leaves_no_account_behind(db):
    with (
        mock.patch.object(Clinician.objects, "create", side_effect=DatabaseError("disk I/O error")),
        pytest.raises(DatabaseError),
    ):
        sign_up("clinician")
    assert not User.objects.filter(email="casey@example.org").exists()


@pytest.mark.parametrize("role", ["runner", "clinician"])
def test_a_sign_up_that_succeeds_is_logged_in(db, role):
    response = sign_up(role)
    assert response.status_code == 302
    user = User.objects.get(email="casey@example.org")
    assert Clinician.objects.filter(user=user).exists() == (role == "clinician")
    assert response.wsgi_request.user == user
