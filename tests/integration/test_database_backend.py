"""The suite runs on the database it was given: SQLite by default, PostgreSQL through DATABASE_URL."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_tests_use_the_database_named_by_the_environment():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 20000
