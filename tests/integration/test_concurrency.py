"""Two processes logging at the same time lose nothing and never see 'database is locked', and the
stored state ends as a replay of everything they logged."""

import datetime as dt
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
DAYS = 28


@pytest.fixture
def database(tmp_path):
    """A database of its own, outside the test transaction: a file, or a fresh PostgreSQL database."""
    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        yield str(tmp_path / "shared.sqlite3")
        return
    import psycopg

    name = f"backstride_concurrency_{uuid.uuid4().hex[:8]}"
    admin = dict(
        host=default["HOST"] or "127.0.0.1",
        port=default["PORT"] or 5432,
        user=default["USER"],
        password=default["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with psycopg.connect(**admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    host, port = admin["host"], admin["port"]
    auth = default["USER"] + (f":{default['PASSWORD']}" if default["PASSWORD"] else "")
    yield f"postgres://{auth}@{host}:{port}/{name}"
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def backstride(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backstride", *args], capture_output=True, text=True, cwd=ROOT, timeout=300, env=env
    )


def test_two_processes_logging_at_once_lose_nothing_and_the_state_counts_every_log(database, tmp_path, sam):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BACKSTRIDE_DB")}
    env["BACKSTRIDE_CACHE_DIR"] = str(tmp_path / "cache")
    # the processes log with the real clock, and a log may not be dated after today: begin weeks ago, on a Monday
    today = dt.date.today()
    start = today - dt.timedelta(days=DAYS + 7 + today.weekday())
    sam["start_date"] = start.isoformat()
    intake = tmp_path / "intake.json"
    intake.write_text(json.dumps(sam))
    started = backstride("start", "--answers", str(intake), "--db", database, "--json", env=env)
    assert started.returncode == 0, started.stderr

    go_at = time.time() + 3
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.integration.concurrent_logger",
                "--db",
                database,
                "--start",
                sam["start_date"],
                "--parity",
                str(p),
                "--days",
                str(DAYS),
                "--go-at",
                str(go_at),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in (0, 1)
    ]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (_, err) in zip(procs, results, strict=True):
        assert "database is locked" not in err
        assert proc.returncode == 0, err

    last = start + dt.timedelta(days=DAYS - 1)
    progress = backstride("progress", "--date", last.isoformat(), "--db", database, "--json", env=env)
    assert progress.returncode == 0, progress.stderr
    data = json.loads(progress.stdout)
    assert sum(w["checkins"] for w in data["pain_trend"]) == DAYS
    assert data["adherence"]["sessions_total"] == DAYS // 2
    assert sum(w["minutes"] for w in data["running"]) == 25 * (DAYS // 2)
    check = [sys.executable, "-m", "tests.integration.concurrent_logger", "--db", database, "--check"]
    replayed = subprocess.run(check, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert replayed.returncode == 0, replayed.stderr  # no write's state left out another's log
