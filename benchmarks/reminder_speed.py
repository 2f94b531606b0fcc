"""How fast are a day's reminders worked out and queued for 10,000 runners, and is the query count per batch flat?

Run on demand:  python benchmarks/reminder_speed.py [--db URL] [--runners 10000]
Without --db it makes a fresh PostgreSQL database on 127.0.0.1 (and drops it after). Twenty real runners are
planned with start dates a week apart (so some are in the 8 weeks and some in maintenance), then each is copied
in the database until there are --runners, spread over four time zones, with reminders on by email and one in
ten linked to a clinician. The job then runs once at 07:00 UTC on a Monday (session, maintenance and check-in
day) and queues each batch's sends on an SQLite queue, and once more five minutes later (nothing new to claim).
Target: the first run under 10 s for 10,000 runners, and no batch over a fixed number of queries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 10
# Queries a batch may make whatever its size: the reads, the claim, the roster flags, their transactions.
# A batch with no flag to set or nothing new to claim skips those statements, so counts vary within this.
QUERIES_PER_BATCH = 20
TEMPLATES = 20
MONDAY = dt.date(2027, 3, 8)
ZONES = ("Europe/Berlin", "UTC", "America/New_York", "Europe/London")


def fresh_postgres() -> tuple[str, str]:
    import psycopg

    name = f"backstride_reminder_bench_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}", name


def drop_postgres(name: str) -> None:
    import psycopg

    with psycopg.connect(host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(db: str) -> None:
    os.environ["DATABASE_URL"] = db
    os.environ.pop("BACKSTRIDE_DB", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backstride.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def seed(total: int) -> None:
    """Twenty planned runners, each copied in the database (plans and sessions copied there, not through Python)."""
    from django.contrib.auth.models import User
    from django.db import connection
    from django.utils import timezone

    from backstride.accounts.models import Clinician
    from backstride.clinic.models import CareLink
    from backstride.reminders.models import ReminderSettings
    from backstride.runners.models import Assessment, Runner
    from backstride.runners.services import start_runner

    intake = json.loads((ROOT / "examples" / "intake-sam.json").read_text())
    per_template = total // TEMPLATES
    clinician = Clinician.objects.create(user=User.objects.create_user("bench-clinician", "c@example.org"))
    now = timezone.now()
    for k in range(TEMPLATES):
        intake["start_date"] = (MONDAY - dt.timedelta(weeks=k + 1)).isoformat()
        template, _result = start_runner(intake)
        plan = template.current_plan
        users = User.objects.bulk_create(
            [User(username=f"bench-{k}-{i}", email=f"r{k}-{i}@example.org", password="!") for i in range(per_template)]
        )
        runners = Runner.objects.bulk_create(
            [
                Runner(
                    user=u,
                    name=f"bench-{k}",
                    age=35,
                    sex="female",
                    time_zone=ZONES[i % len(ZONES)],
                    state=template.state,
                    state_as_of=template.state_as_of,
                )
                for i, u in enumerate(users)
            ]
        )
        Assessment.objects.bulk_create(
            [
                Assessment(
                    runner=r, intake=plan.assessment.intake, screening_status="clear", result=plan.assessment.result
                )
                for r in runners
            ]
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO runners_plan (runner_id, assessment_id, created_at, start_date, end_date, active, data) "
                "SELECT a.runner_id, a.id, %s, t.start_date, t.end_date, %s, t.data FROM runners_assessment a "
                "JOIN runners_runner r ON r.id = a.runner_id JOIN runners_plan t ON t.id = %s WHERE r.name = %s",
                [now, True, plan.id, f"bench-{k}"],
            )
            cursor.execute(
                "INSERT INTO runners_plannedsession (plan_id, date, week, phase, kind, minutes, hard) "
                "SELECT p.id, s.date, s.week, s.phase, s.kind, s.minutes, s.hard FROM runners_plan p "
                "JOIN runners_runner r ON r.id = p.runner_id "
                "JOIN runners_plannedsession s ON s.plan_id = %s WHERE r.name = %s",
                [plan.id, f"bench-{k}"],
            )
        ReminderSettings.objects.bulk_create(
            [ReminderSettings(user=u, enabled=True, email=True, at=dt.time(6, 0)) for u in users]
        )
        CareLink.objects.bulk_create([CareLink(clinician=clinician, runner=r) for r in runners[::10]])


def run_job(now: dt.datetime, jobs) -> tuple[float, int, list[int]]:
    """One run of the periodic job's planning: seconds, reminders claimed, queries in each batch."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from backstride.reminders.planning import plan_reminders

    per_batch, claimed = [], 0
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        seen = 0
        for ids in plan_reminders(now):
            jobs.send(ids)  # one queued job per batch, whatever its size
            claimed += len(ids)
            per_batch.append(len(queries) - seen)
            seen = len(queries)
    return time.perf_counter() - started, claimed, per_batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a PostgreSQL URL (default: a fresh database on 127.0.0.1)")
    parser.add_argument("--runners", type=int, default=10_000)
    args = parser.parse_args()
    made = None
    db = args.db
    if not db:
        db, made = fresh_postgres()
    try:
        setup_django(db)
        from backstride.reminders.queue import huey_from
        from backstride.reminders.tasks import register

        t = time.perf_counter()
        seed(args.runners)
        print(f"seeded {args.runners} runners in {time.perf_counter() - t:.1f} s")
        folder = tempfile.mkdtemp(prefix="backstride-bench-queue-")
        queue = huey_from({"huey_class": "huey.SqliteHuey", "name": "bench", "filename": f"{folder}/queue.sqlite3"})
        jobs = register(queue)
        now = dt.datetime.combine(MONDAY, dt.time(7, 0), tzinfo=dt.UTC)
        seconds, claimed, per_batch = run_job(now, jobs)
        again, claimed_again, _per_batch = run_job(now + dt.timedelta(minutes=5), jobs)
        print(f"runners: {args.runners}")
        print(f"first run: {seconds:.2f} s, {claimed} reminders claimed, {queue.pending_count()} send jobs queued")
        print(f"queries per batch: {min(per_batch)}-{max(per_batch)} over {len(per_batch)} batches of 500")
        print(f"second run: {again:.2f} s, {claimed_again} claimed (all claimed already)")
        ok = seconds < TARGET_SECONDS and max(per_batch) <= QUERIES_PER_BATCH
        verdict = "met" if ok else "NOT met"
        print(f"target: under {TARGET_SECONDS} s, at most {QUERIES_PER_BATCH} queries a batch: {verdict}")
        sys.exit(0 if ok else 1)
    finally:
        if made:
            from django.db import connections

            connections.close_all()
            drop_postgres(made)


if __name__ == "__main__":
    main()
