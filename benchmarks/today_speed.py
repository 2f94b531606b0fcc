"""How fast is 'backstride today --json' for a runner with a year of logs, and the adaptation alone?

Run on demand:  python benchmarks/today_speed.py [--db PATH_OR_URL] [--runs N]
Targets: the whole command under 0.5 s (a fresh process each time), the adaptation under 20 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAYS = 365


def setup_django(db: str) -> None:
    if "://" in db:
        os.environ["DATABASE_URL"] = db
        os.environ.pop("BACKSTRIDE_DB", None)
    else:
        os.environ["BACKSTRIDE_DB"] = db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backstride.web.settings")
    import django

    django.setup()


def seed_year(start: dt.date, days: int = DAYS) -> int:
    """A runner with a year (or `days`) of check-ins, sessions and runs, written in bulk, then one recompute."""
    from backstride.cli.db import ensure_database
    from backstride.runners import models as m
    from backstride.runners.services import recompute, start_runner

    ensure_database()
    intake = json.loads((ROOT / "examples" / "intake-sam.json").read_text())
    intake["start_date"] = start.isoformat()
    runner, _ = start_runner(intake)
    plan = runner.current_plan
    session_days = {s["date"] for w in plan.data["weeks"] for s in w["sessions"] if s["kind"] == "trunk_strength"}
    checkins, sessions, runs = [], [], []
    for n in range(days):
        day = start + dt.timedelta(days=n)
        pain = max(0, 4 - n // 20) + (1 if n % 11 == 0 else 0)
        checkins.append(
            m.CheckIn(
                runner=runner,
                date=day,
                pain=pain,
                stiffness=max(0, pain - 1),
                red_flags={} if n % 7 == 0 else None,
                red_flag_status="clear" if n % 7 == 0 else "",
            )
        )
        if day.isoformat() in session_days or (n >= 56 and day.weekday() == 0):
            sessions.append(
                m.SessionLog(
                    runner=runner,
                    date=day,
                    pain_before=pain,
                    pain_during=min(pain, 2),
                    pain_after=pain,
                    effort=5,
                    as_planned=True,
                )
            )
        if day.weekday() in (1, 3, 6):
            runs.append(
                m.RunLog(
                    runner=runner,
                    date=day,
                    km=5 + (n % 5),
                    minutes=30 + (n % 5) * 6,
                    pain_during=min(pain, 2),
                    pain_after=pain,
                )
            )
    m.CheckIn.objects.bulk_create(checkins)
    m.SessionLog.objects.bulk_create(sessions)
    m.RunLog.objects.bulk_create(runs)
    recompute(runner, start + dt.timedelta(days=days - 1))
    return runner.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="an SQLite file or a database URL (default: a new temporary SQLite file)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="backstride-bench-")
    db = args.db or str(Path(tmp) / "bench.sqlite3")
    setup_django(db)
    from django.db import connection

    start = dt.date(2026, 1, 5)
    t0 = time.perf_counter()
    runner_id = seed_year(start)
    print(f"database: {connection.vendor} ({db}); seeded a year of logs in {time.perf_counter() - t0:.1f} s")
    last = (start + dt.timedelta(days=DAYS - 1)).isoformat()

    from backstride.core.tracking.adapt import replay
    from backstride.runners import models as m
    from backstride.runners.program import history_for, program_for

    runner = m.Runner.objects.get(pk=runner_id)
    plan = runner.current_plan
    program = program_for(plan)
    history = history_for(runner, plan)
    print(f"history: {len(history.checkins)} check-ins, {len(history.sessions)} sessions, {len(history.runs)} runs")
    day = dt.date.fromisoformat(last)
    replay_ms, load_ms = [], []
    for _ in range(50):
        t = time.perf_counter()
        replay(program, history, day)
        replay_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        history_for(runner, plan)
        load_ms.append((time.perf_counter() - t) * 1000)
    print(
        f"adaptation recompute (replay of the year):  median {statistics.median(replay_ms):6.1f} ms   "
        f"max {max(replay_ms):6.1f} ms   (target < 20 ms)"
    )
    print(f"loading the history from the database:     median {statistics.median(load_ms):6.1f} ms")

    env = dict(os.environ, BACKSTRIDE_CACHE_DIR=str(Path(tmp) / "cache"))
    env.pop("DJANGO_SETTINGS_MODULE", None)  # as a user runs it: the command picks its own settings
    command = [sys.executable, "-m", "backstride", "today", "--date", last, "--json", "--db", db]
    subprocess.run(command, env=env, capture_output=True, check=True)  # builds the library cache once
    wall = []
    for _ in range(args.runs):
        t = time.perf_counter()
        out = subprocess.run(command, env=env, capture_output=True, text=True)
        wall.append(time.perf_counter() - t)
        if out.returncode != 0:
            sys.exit(out.stderr)
    print(
        f"'backstride today --json', a fresh process each time, {args.runs} runs: median "
        f"{statistics.median(wall):.3f} s   max {max(wall):.3f} s   (target < 0.5 s)"
    )


if __name__ == "__main__":
    main()
