"""Account hardening: token expiry and last use, what a new password ends, where reset emails go,
and the limits on logins, reset emails and sign-ups per client address."""

import datetime as dt
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core import mail
from django.test import RequestFactory, override_settings
from django.utils import timezone

from backstride.accounts import limits
from backstride.accounts.models import ApiToken

from .conftest import PASSWORD, client_for

ROOT = Path(__file__).resolve().parents[2]
NEW_PASSWORD = "another-long-passphrase-77"
PRODUCTION = {
    "BACKSTRIDE_ENV": "production",
    "BACKSTRIDE_ALLOWED_HOSTS": "backstride.example.org",
    "BACKSTRIDE_SECRET_KEY": "x" * 20 + "-production-secret-that-is-long-and-random-0123456789",
}
NO_SMTP_WARNING = "No SMTP server is configured"


def run_python(args: list[str], env: dict) -> subprocess.CompletedProcess:
    """Python in a fresh process, with none of this machine's email or environment settings."""
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BACKSTRIDE_EMAIL", "BACKSTRIDE_ENV", "BACKSTRIDE_DEBUG"))
        # the browser tests allow Django's sync calls under Playwright's loop in this process; a deployment never does
        and k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=base | env, timeout=120
    )


def api_me(key: str):
    return client_for().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}")


def is_logged_in(client) -> bool:
    return client.get("/accounts/tokens/").status_code == 200


# --- Tokens: expiry chosen when issuing, shown with their last use -------------------------------------------


def test_the_token_page_issues_a_token_that_stops_working_after_the_chosen_days(clinician):
    client = client_for(clinician)
    client.post("/accounts/tokens/", {"name": "monthly export", "expires": "30"})
    client.post("/accounts/tokens/", {"name": "home server", "expires": "never"})
    monthly = ApiToken.objects.get(name="monthly export")
    assert abs(monthly.expires_at - (timezone.now() + dt.timedelta(days=30))) < dt.timedelta(minutes=1)
    assert ApiToken.objects.get(name="home server").expires_at is None


def test_the_token_page_shows_when_each_token_expires_and_was_last_used(clinician):
    now = timezone.now()
    used, _ = ApiToken.issue(clinician, "used", dt.timedelta(days=90))
    ApiToken.objects.filter(pk=used.pk).update(last_used_at=dt.datetime(2026, 3, 4, 5, 6, tzinfo=dt.UTC))
    ApiToken.issue(clinician, "unused")
    old, _ = ApiToken.issue(clinician, "old", dt.timedelta(days=30))
    ApiToken.objects.filter(pk=old.pk).update(expires_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    page = client_for(clinician).get("/accounts/tokens/").content.decode()
    assert f"expires {(now + dt.timedelta(days=90)).date().isoformat()}" in page
    assert "last used 2026-03-04 05:06" in page
    assert "never expires" in page and "never used" in page
    assert "expired 2026-01-02" in page


# --- A new password ends every token and every other session -----------------------------------------------


def test_a_password_reset_ends_every_api_token_and_every_session(db):
    user = User.objects.create_user("sam", "sam@example.org", PASSWORD)
    phone, laptop = client_for(user), client_for(user)
    _, key = ApiToken.issue(user, "script")
    ApiToken.issue(user, "another script", dt.timedelta(days=30))
    assert is_logged_in(phone) and is_logged_in(laptop) and api_me(key).status_code == 200

    stranger = client_for()
    stranger.post("/accounts/password-reset/", {"email": "sam@example.org"})
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form = stranger.get(link, follow=True)
    stranger.post(form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert User.objects.get(username="sam").check_password(NEW_PASSWORD)
    assert not ApiToken.objects.filter(user=user).exists()
    assert api_me(key).status_code == 401
    assert not is_logged_in(phone) and not is_logged_in(laptop)


def test_changing_the_password_keeps_this_session_and_ends_the_others_and_every_token(db):
    user = User.objects.create_user("sam", "sam@example.org", PASSWORD)
    here, elsewhere = client_for(user), client_for(user)
    _, key = ApiToken.issue(user, "script")
    form = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    response = here.post("/accounts/password/", form)
    assert response.status_code == 302 and response["Location"] == "/accounts/password/changed/"
    assert is_logged_in(here)
    assert not is_logged_in(elsewhere)
    assert api_me(key).status_code == 401 and not ApiToken.objects.exists()


def test_a_stronger_hash_of_the_same_password_on_login_keeps_the_tokens(db):
    # Django rehashes an old-style password at login; that is not a new password.
    user = User.objects.create_user("sam", "sam@example.org")
    User.objects.filter(pk=user.pk).update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))
    _, key = ApiToken.issue(user, "script")
    assert client_for().post("/accounts/login/", {"username": "sam", "password": PASSWORD}).status_code == 302
    assert User.objects.get(pk=user.pk).password.startswith("argon2")
    assert api_me(key).status_code == 200


def test_the_password_reset_pages_are_the_apps_own_not_the_admins(db):
    page = client_for().get("/accounts/password-reset/").content.decode()
    assert "Enter your email address and we will send a link" in page
    assert "Django administration" not in page


# --- Reset emails are never printed outside development; production says so at start-up ----------------------

WHICH_BACKEND = """
import django
django.setup()
from django.conf import settings
print(settings.EMAIL_BACKEND.rsplit(".", 2)[-2])
"""
SEND_A_RESET_LINK = """
from django.core.mail import send_mail
send_mail("Password reset", "Choose a new password: https://x.example/accounts/reset/MQ/secret-token/",
          "noreply@example.org", ["sam@example.org"])
"""


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        (PRODUCTION, "dummy"),
        ({}, "dummy"),  # the embedded server, not in development either
        ({"BACKSTRIDE_DEBUG": "1"}, "console"),
        (PRODUCTION | {"BACKSTRIDE_DEBUG": "1"}, "dummy"),
        (PRODUCTION | {"BACKSTRIDE_EMAIL_HOST": "smtp.example.org"}, "smtp"),
    ],
    ids=["production", "embedded", "development", "production-with-debug", "production-with-smtp"],
)
def test_reset_links_are_printed_only_in_development(env, backend):
    # with SMTP there is no server here to send to: only the choice of backend is checked
    code = WHICH_BACKEND + (SEND_A_RESET_LINK if backend != "smtp" else "")
    result = run_python(["-c", code], {"DJANGO_SETTINGS_MODULE": "backstride.web.settings"} | env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == backend
    printed = "secret-token" in result.stdout + result.stderr
    assert printed == (backend == "console")


@pytest.mark.parametrize(
    "command",
    [["-m", "backstride", "serve", "--help"], ["-m", "django", "check", "--deploy"]],
    ids=["backstride serve", "check --deploy"],
)
def test_production_without_smtp_says_so_at_start_up(command):
    env = PRODUCTION | {"DJANGO_SETTINGS_MODULE": "backstride.web.settings"}
    without = run_python(command, env)
    assert without.returncode == 0, without.stderr
    assert NO_SMTP_WARNING in without.stderr and "BACKSTRIDE_EMAIL_HOST" in without.stderr
    with_smtp = run_python(command, env | {"BACKSTRIDE_EMAIL_HOST": "smtp.example.org"})
    assert with_smtp.returncode == 0, with_smtp.stderr
    assert NO_SMTP_WARNING not in with_smtp.stderr


# --- Login limits per client address ---------------------------------------------------------------------


def fail_logins_from(address: str, count: int, start: int = 0) -> None:
    client = client_for(REMOTE_ADDR=address)
    for n in range(start, start + count):
        # a different user name each time, so no single account reaches its own limit
        client.post("/accounts/login/", {"username": f"guess-{n}", "password": "wrong"})


def log_in_from(address: str, username: str, password: str = PASSWORD) -> int:
    client = client_for(REMOTE_ADDR=address)
    return client.post("/accounts/login/", {"username": username, "password": password}).status_code


@pytest.fixture
def address_limit(db, settings) -> int:
    """A lower limit for an address than the default, to keep the tests quick; still above an account's."""
    assert settings.LOGIN_ADDRESS_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT  # as deployed
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = settings.AXES_FAILURE_LIMIT + 3
    return settings.LOGIN_ADDRESS_FAILURE_LIMIT


def test_many_failed_logins_from_one_address_lock_that_address_for_every_account(address_limit):
    User.objects.create_user("sam", "sam@example.org", PASSWORD)
    fail_logins_from("203.0.113.7", address_limit)
    assert log_in_from("203.0.113.7", "sam") == 429
    assert log_in_from("198.51.100.2", "sam") == 302  # sam's own account is not locked


def test_just_under_the_address_limit_other_accounts_still_log_in_from_there(address_limit):
    User.objects.create_user("sam", "sam@example.org", PASSWORD)
    fail_logins_from("203.0.113.7", address_limit - 1)
    assert log_in_from("203.0.113.7", "sam") == 302


def test_logging_in_to_ones_own_account_does_not_clear_an_addresss_failures(address_limit):
    User.objects.create_user("mallory", "mallory@example.org", PASSWORD)
    User.objects.create_user("sam", "sam@example.org", PASSWORD)
    fail_logins_from("203.0.113.7", address_limit - 1)
    assert log_in_from("203.0.113.7", "mallory") == 302
    fail_logins_from("203.0.113.7", 1, start=address_limit)
    assert log_in_from("203.0.113.7", "sam") == 429


@pytest.mark.parametrize(
    ("proxies", "expected"), [(0, "10.0.0.1"), (1, "203.0.113.9"), (2, "198.51.100.4"), (4, "10.0.0.1")]
)
def test_behind_proxies_the_client_address_is_the_one_the_outermost_proxy_saw(proxies, expected):
    # The client wrote the first entry itself; each proxy appended the address it was reached from.
    # A request with fewer entries than proxies did not come through them all: only its sender is known.
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4, 203.0.113.9"
    )
    with override_settings(PROXY_COUNT=proxies):
        assert limits.client_address(request) == expected


# --- Reset emails per address and per client address ------------------------------------------------------


def ask_for_reset(email: str, address: str = "203.0.113.7"):
    return client_for(REMOTE_ADDR=address).post("/accounts/password-reset/", {"email": email})


def test_reset_emails_for_one_address_stop_after_a_few_and_the_page_says_the_same(db):
    User.objects.create_user("sam", "sam@example.org", PASSWORD)
    responses = [ask_for_reset("sam@example.org", f"203.0.113.{n}") for n in range(limits.RESETS_PER_EMAIL + 2)]
    assert len(mail.outbox) == limits.RESETS_PER_EMAIL
    assert {(r.status_code, r["Location"]) for r in responses} == {(302, "/accounts/password-reset/sent/")}
    assert ask_for_reset("SAM@example.org").status_code == 302 and len(mail.outbox) == limits.RESETS_PER_EMAIL


def test_reset_emails_from_one_client_address_stop_after_several_whatever_the_addresses(db):
    count = limits.RESETS_PER_ADDRESS
    for n in range(count + 1):
        User.objects.create_user(f"runner{n}", f"runner{n}@example.org", PASSWORD)
    responses = [ask_for_reset(f"runner{n}@example.org") for n in range(count + 1)]
    assert len(mail.outbox) == count
    assert {r["Location"] for r in responses} == {"/accounts/password-reset/sent/"}
    ask_for_reset(f"runner{count}@example.org", address="198.51.100.2")
    assert len(mail.outbox) == count + 1


def test_a_reset_limit_lasts_its_whole_hour(db):
    # the file cache's own incr would keep a count for five minutes only
    request = RequestFactory().post("/accounts/password-reset/", REMOTE_ADDR="203.0.113.7")
    next_hour = (int(time.time()) // 3600 + 1) * 3600
    with mock.patch("time.time", return_value=next_hour + 60):
        assert all(limits.reset_email_allowed(request, "sam@example.org") for _ in range(limits.RESETS_PER_EMAIL))
        assert not limits.reset_email_allowed(request, "sam@example.org")
    with mock.patch("time.time", return_value=next_hour + 60 + 20 * 60):
        assert not limits.reset_email_allowed(request, "sam@example.org")
    with mock.patch("time.time", return_value=next_hour + 3600 + 60):
        assert limits.reset_email_allowed(request, "sam@example.org")


# --- Sign-up does not reveal which user names exist ---------------------------------------------------------


def sign_up(name: str, address: str = "203.0.113.7", **extra):
    form = {
        "first_name": name,
        "email": "someone@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "role": "runner",
        "invite_code": "",
    }
    return client_for(REMOTE_ADDR=address).post("/accounts/signup/", form | extra, follow=True)


def drawing(characters: str):
    """The user names' random draw (and only theirs) hands out these characters in turn."""
    stream = iter(characters)
    return mock.patch("backstride.accounts.handles.secrets", choice=lambda _alphabet: next(stream))


def test_the_sign_up_page_asks_for_a_name_and_no_user_name(db):
    page = client_for().get("/accounts/signup/").content.decode()
    assert 'name="first_name"' in page
    assert 'name="username"' not in page


def test_a_new_account_is_given_a_user_name_from_its_first_name_and_told_it(db):
    response = sign_up("Casey Jones")
    user = User.objects.get(first_name="Casey Jones")
    assert re.fullmatch(r"casey-[a-z2-9]{4}", user.username)
    assert f"Your user name is <strong>{user.username}</strong>" in response.content.decode()
    assert response.wsgi_request.user == user


def test_a_user_name_asked_for_in_the_form_is_not_used(db):
    User.objects.create_user("sam", "sam@example.org", PASSWORD)
    sign_up("Sam", username="sam")
    assert User.objects.filter(first_name="Sam").get().username != "sam"


def test_a_name_someone_already_has_and_a_free_one_get_the_same_answer(db):
    # "sam-aaaa" exists (in other letters' case): the first draw is taken, and the sign-up is drawn again
    # out of sight; "jordan-aaaa" is free. Both are made and both pages read alike.
    User.objects.create_user("SAM-AAAA", "sam@example.org", PASSWORD)
    with drawing("aaaabbbb"):
        taken = sign_up("Sam")
    with drawing("bbbb"):
        free = sign_up("Jordan")
    assert taken.redirect_chain == free.redirect_chain
    assert User.objects.get(first_name="Sam").username == "sam-bbbb"
    assert User.objects.get(first_name="Jordan").username == "jordan-bbbb"
    assert answer(taken, "Sam", "sam-bbbb") == answer(free, "Jordan", "jordan-bbbb")


def test_a_name_taken_between_the_check_and_the_insert_is_drawn_again(db):
    User.objects.create_user("sam-aaaa", "sam@example.org", PASSWORD)
    with (
        drawing("aaaabbbb"),
        mock.patch("backstride.accounts.views._name_is_taken", side_effect=[False, True, False]),
    ):
        sign_up("Sam")
    assert User.objects.get(first_name="Sam").username == "sam-bbbb"
    assert User.objects.filter(username__istartswith="sam-").count() == 2


def answer(response, name: str, username: str) -> str:
    """The page as a probe sees it, without what differs on every request or account, or echoes its input."""
    page = re.sub(r"\b[A-Za-z0-9]{64}\b", "CSRF-TOKEN", response.content.decode())
    page = re.sub(r'data-user="\d+"', 'data-user="ID"', page)
    return page.replace(username, "USERNAME").replace(name, "NAME")


def test_past_the_sign_up_limit_no_account_is_made_and_the_page_says_so(db):
    for n in range(limits.SIGN_UPS_PER_ADDRESS):
        sign_up(f"Probe{n}")
    response = sign_up("Jordan")
    assert response.status_code == 200
    assert "Too many sign-ups from your network" in response.content.decode()
    assert not User.objects.filter(first_name="Jordan").exists()
    # someone else, elsewhere, signs up as usual
    assert sign_up("Jordan", address="198.51.100.2").redirect_chain


def test_a_name_with_a_hidden_character_is_refused_with_the_field_named(db):
    response = sign_up("Sam\u202eevil")
    page = response.content.decode()
    assert response.status_code == 200 and "Your name" in page and "U+202E" in page
    assert not User.objects.filter(email="someone@example.org").exists()


def test_the_password_reset_email_tells_a_forgetful_runner_their_user_name(db):
    sign_up("Casey", email="casey@example.org")
    username = User.objects.get(first_name="Casey").username
    client_for(REMOTE_ADDR="198.51.100.9").post("/accounts/password-reset/", {"email": "casey@example.org"})
    assert username in mail.outbox[0].body


def test_settings_show_the_user_name_a_runner_logs_in_with(sam):
    user, _runner = sam
    assert f"You log in as <strong>{user.username}</strong>" in client_for(user).get("/settings/").content.decode()
