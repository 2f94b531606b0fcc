"""Accounts and security: argon2, login throttling, password reset, CSRF, CSP, HTTPS settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail

from .conftest import PASSWORD, client_for

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "BACKSTRIDE_ENV": "production",
    "BACKSTRIDE_ALLOWED_HOSTS": "backstride.example.org",
    "BACKSTRIDE_SECRET_KEY": "x" * 20 + "-production-secret-that-is-long-and-random-0123456789",
}


def django_command(*args: str, env: dict) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("BACKSTRIDE_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=base | {"DJANGO_SETTINGS_MODULE": "backstride.web.settings"} | env,
        timeout=120,
    )


def test_the_production_settings_pass_djangos_deployment_checks():
    result = django_command("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_with_the_default_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "BACKSTRIDE_SECRET_KEY"}
    result = django_command("check", env=env)
    assert result.returncode != 0
    assert "production refuses the default secret key" in result.stderr


def test_https_turns_on_secure_cookies_and_hsts():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT)"
    )
    base = {k: v for k, v in os.environ.items() if k not in ("BACKSTRIDE_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env=base | {"DJANGO_SETTINGS_MODULE": "backstride.web.settings"} | PRODUCTION,
    )
    assert result.stdout.split() == ["True", "True", "31536000", "True"], result.stderr


def test_passwords_are_hashed_with_argon2(db):
    user = User.objects.create_user("sam", "sam@example.org", PASSWORD)
    assert user.password.startswith("argon2")


def test_repeated_wrong_passwords_lock_the_login_for_a_while(db):
    User.objects.create_user("sam", "sam@example.org", PASSWORD)
    client = client_for()
    for _ in range(4):
        # four wrong passwords: the form again, still open
        assert client.post("/accounts/login/", {"username": "sam", "password": "wrong"}).status_code == 200
    # the fifth locks the account
    assert client.post("/accounts/login/", {"username": "sam", "password": "wrong"}).status_code == 429
    response = client.post("/accounts/login/", {"username": "sam", "password": PASSWORD})
    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_password_reset_sends_a_link_that_sets_a_new_password(db):
    User.objects.create_user("sam", "sam@example.org", PASSWORD)
    client = client_for()
    client.post("/accounts/password-reset/", {"email": "sam@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    new = "another-long-passphrase-77"
    client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert User.objects.get(username="sam").check_password(new)


def test_forms_refuse_a_post_without_the_csrf_token(db):
    from .conftest import make_runner

    user, _runner = make_runner("sam")
    client = client_for(user, enforce_csrf_checks=True)
    assert client.post("/checkin/", {"pain": 3}).status_code == 403
    page = client.get("/checkin/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert client.post("/checkin/?date=2026-12-08", {"pain": 3, "csrfmiddlewaretoken": token}).status_code == 302


def test_htmx_requests_carry_the_csrf_token_in_a_header(db):
    from .conftest import make_runner

    user, _runner = make_runner("sam")
    page = client_for(user).get("/exercises/").content.decode()
    assert re.search(r"hx-headers='\{\"X-CSRFToken\": \"[^\"]+\"\}'", page)


def test_pages_send_a_content_security_policy_without_inline_scripts(db):
    response = client_for().get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/accounts/signup/", "/accounts/login/", "/accounts/password-reset/"])
def test_account_pages_are_public(db, path):
    assert client_for().get(path).status_code == 200
