import copy
import datetime as dt
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def sam() -> dict:
    """The reference intake, as a fresh dict a test may change."""
    return copy.deepcopy(json.loads((EXAMPLES / "intake-sam.json").read_text()))


@pytest.fixture(autouse=True)
def _forget_rate_limits():
    """Each test starts with no sign-ups or reset emails counted: the limits live in the run's shared cache."""
    from django.core.cache import cache

    cache.clear()


class Clock:
    """A today a test can set and move: `clock.day = ...`."""

    def __init__(self, day: dt.date):
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture(autouse=True)
def log_today(monkeypatch) -> Clock:
    """The last day a log may be dated (runners.services.latest_log_day), which a test may move.

    The tests' plans start on 2026-12-07 and run for months, whatever the real date: by default every
    day they log is in the past, so each test keeps testing what it is about. The pages and commands
    keep the real today; tests of the rule against future logs set this clock to the day they stand on.
    """
    from backstride.api.dates import LATEST

    clock = Clock(LATEST)
    monkeypatch.setattr("backstride.runners.services.latest_log_day", clock)
    return clock


@pytest.fixture(scope="session")
def library():
    from backstride.core.library import load_library

    return load_library()


def pytest_configure(config):
    """On PostgreSQL (DATABASE_URL), check the server first: CI requires it, a laptop may skip."""
    import os
    import tempfile

    from django.conf import settings

    shared = settings.CACHES["default"]
    if shared["BACKEND"].endswith("FileBasedCache"):
        # a run of its own: two runs at once (SQLite and PostgreSQL) never clear each other's entries
        shared["LOCATION"] = tempfile.mkdtemp(prefix="backstride-test-cache-")
    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        return
    import psycopg

    try:
        psycopg.connect(
            host=db["HOST"] or "127.0.0.1",
            port=db["PORT"] or 5432,
            user=db["USER"],
            password=db["PASSWORD"] or None,
            dbname=db["NAME"],
            connect_timeout=5,
        ).close()
    except psycopg.OperationalError as exc:
        where = f"{db['HOST']}:{db['PORT']}"
        if os.environ.get("CI"):
            # .ci/run sets CI, so a machine without the server fails the run instead of passing it untested
            pytest.exit(
                f"CI is set but PostgreSQL at {where} is not reachable, so the PostgreSQL run cannot happen "
                f"(.ci/run installs and starts it): {exc}",
                returncode=1,
            )
        pytest.exit(f"Skipping the PostgreSQL run: no server at {where} ({exc}).", returncode=0)
