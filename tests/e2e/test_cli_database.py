"""Whichever command makes the database first, it has every table the web app needs."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # starts processes

# Logging in and signing up through the web app, on the database named by BACKSTRIDE_DB.
SIGN_UP_AND_LOG_IN = """
import django
django.setup()
from django.contrib.auth.models import User
from django.test import Client
password = "a-long-passphrase-42"
form = {"first_name": "Casey", "email": "casey@example.org", "password1": password, "password2": password,
        "role": "runner", "invite_code": ""}
print(Client().post("/accounts/signup/", form).status_code)
username = User.objects.get(email="casey@example.org").username
print(Client().post("/accounts/login/", {"username": username, "password": password}).status_code)
"""


def clean_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BACKSTRIDE_DB", "DJANGO_SETTINGS_MODULE")}
    return env | extra


def start_by_command_line(db: Path, where: Path) -> subprocess.CompletedProcess:
    """`backstride start` with Sam's intake, making the database at db, as a new user's first command."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "backstride",
            "start",
            "--answers",
            str(ROOT / "examples/intake-sam.json"),
            "--db",
            str(db),
        ],
        cwd=where,
        env=clean_env(BACKSTRIDE_DATA_DIR=str(where)),
        capture_output=True,
        text=True,
        timeout=120,
    )


def tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_database_first_made_by_start_has_the_session_lockout_and_admin_tables(tmp_path):
    db = tmp_path / "tmp" / "db.sqlite3"
    result = start_by_command_line(db, tmp_path)
    assert result.returncode == 0, result.stderr
    assert {"django_session", "axes_accessattempt", "auth_user", "django_admin_log", "runners_runner"} <= tables(db)
    plan = subprocess.run(
        [sys.executable, "-m", "django", "showmigrations", "--plan"],
        cwd=tmp_path,
        env=clean_env(BACKSTRIDE_DB=str(db), DJANGO_SETTINGS_MODULE="backstride.web.settings"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert plan.returncode == 0, plan.stderr
    assert "[ ]" not in plan.stdout and "[X]  sessions." in plan.stdout and "[X]  axes." in plan.stdout


def test_sign_up_and_login_work_on_a_database_first_made_by_start(tmp_path):
    db = tmp_path / "db.sqlite3"
    made = start_by_command_line(db, tmp_path)
    assert made.returncode == 0, made.stderr
    web = subprocess.run(
        [sys.executable, "-c", SIGN_UP_AND_LOG_IN],
        cwd=tmp_path,
        env=clean_env(
            BACKSTRIDE_DB=str(db),
            DJANGO_SETTINGS_MODULE="backstride.web.settings",
            BACKSTRIDE_ALLOWED_HOSTS="testserver",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert web.returncode == 0, web.stderr
    assert web.stdout.split() == ["302", "302"]  # signed up, then logged in: redirected home both times


def test_a_database_made_by_an_older_start_is_completed_by_the_next_command(tmp_path):
    db = tmp_path / "db.sqlite3"
    env = clean_env(BACKSTRIDE_DATA_DIR=str(tmp_path))
    first = start_by_command_line(db, tmp_path)
    assert first.returncode == 0, first.stderr
    # As the command line used to leave it: only its own apps migrated.
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE IF EXISTS django_session")
        conn.execute("DELETE FROM django_migrations WHERE app = 'sessions'")
    again = subprocess.run(
        [sys.executable, "-m", "backstride", "today", "--db", str(db)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert "django_session" in tables(db)
