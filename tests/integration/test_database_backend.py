"""The suite runs on the database it was given: SQLite by default, PostgreSQL through DATABASE_URL."""

import os

import pytest
from django.db import connection
from django.db.utils import ConnectionHandler

from backstride.web.settings import database_config

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


@pytest.mark.django_db
def test_the_tests_use_the_database_named_by_the_environment():
    expected = "postgresql" if ON_POSTGRES else "sqlite"
    assert connection.vendor == expected


@pytest.fixture
def sqlite_file_connection(tmp_path, monkeypatch, django_db_blocker):
    """A connection opened with the project's own settings on an SQLite file, as the embedded mode uses it.

    The test database is in memory, where SQLite cannot use WAL, so a file of its own shows the setting works.
    """
    monkeypatch.setenv("BACKSTRIDE_DB", str(tmp_path / "backstride.sqlite3"))
    conn = ConnectionHandler({"default": database_config()})["default"]  # a handler of its own
    with django_db_blocker.unblock():
        yield conn
        conn.close()


@pytest.mark.skipif(ON_POSTGRES, reason="WAL and the busy timeout are SQLite settings; this run uses PostgreSQL")
def test_an_sqlite_file_database_runs_in_wal_mode(sqlite_file_connection):
    with sqlite_file_connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL: safe with WAL, and faster than FULL


@pytest.mark.skipif(ON_POSTGRES, reason="WAL and the busy timeout are SQLite settings; this run uses PostgreSQL")
def test_an_sqlite_file_database_waits_for_the_write_lock_rather_than_failing(sqlite_file_connection):
    with sqlite_file_connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 20000
