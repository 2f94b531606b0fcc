"""How fast is the clinician's roster page with 500 runners, and does its query count stay flat?

Run on demand:  python benchmarks/roster_speed.py [--db PATH_OR_URL] [--runs N] [--runners N]
Seeds runners with realistic state snapshots (one real runner's three weeks of logs, replayed,
then copied with varied attention flags), then requests the roster with Django's test client,
signed in as a clinician with 50 runners and as one with all of them: the first page (most urgent
first) and a filtered second page. Wall time is what a user waits; CPU time is the same request
without the waiting for other processes, worth reading on a busy machine.
Targets: the first page under 100 ms at p50 with 500 runners, and the same number of queries for 50 and for 500.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100  # p50 of the first page, 500 runners
SMALL = 50


def setup_django(db: str) -> None:
    if "://" in db:
        os.environ["DATABASE_URL"] = db
        os.environ.pop("BACKSTRIDE_DB", None)
    else:
        os.environ["BACKSTRIDE_DB"] = db
    hosts = os.environ.get("BACKSTRIDE_ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ["BACKSTRIDE_ALLOWED_HOSTS"] = f"{hosts},testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backstride.web.settings")
    import django

    django.setup()


def template_runner(start: dt.date, today: dt.date):
    """One runner with three weeks of real logs, replayed, so their stored state is what a real one looks like."""
    from backstride.runners import models as m
    from backstride.runners.services import recompute, start_runner

    intake = json.loads((ROOT / "examples" / "intake-sam.json").read_text())
    intake["start_date"] = start.isoformat()
    runner, _ = start_runner(intake)
    plan = runner.current_plan
    session_days = {s["date"] for w in plan.data["weeks"] for s in w["sessions"] if s["kind"] == "trunk_strength"}
    checkins, sessions, runs = [], [], []
    day = start
    while day < today:
        n = (day - start).days
        pain = 3 if n < 7 else 2
        weekly = n % 7 == 0
        checkins.append(
            m.CheckIn(
                runner=runner,
                date=day,
                pain=pain,
                stiffness=1,
                red_flags={} if weekly else None,
                red_flag_status="clear" if weekly else "",
            )
        )
        if day.isoformat() in session_days:
            sessions.append(
                m.SessionLog(
                    runner=runner, date=day, pain_before=pain, pain_during=2, pain_after=pain, effort=5, as_planned=True
                )
            )
        if day.weekday() in (1, 3, 6):
            runs.append(m.RunLog(runner=runner, date=day, km=5, minutes=32, pain_during=1, pain_after=pain))
        day += dt.timedelta(days=1)
    m.CheckIn.objects.bulk_create(checkins)
    m.SessionLog.objects.bulk_create(sessions)
    m.RunLog.objects.bulk_create(runs)
    recompute(runner, today - dt.timedelta(days=1))
    runner.refresh_from_db()
    return runner


def attention(rng: random.Random, base: dict, today: dt.date) -> dict:
    """A varied snapshot: most runners quiet, a few with each flag (roughly a real caseload)."""
    a = copy.deepcopy(base)
    a |= {"red_flag": None, "flare_up": None, "pain_rising": False, "sessions_missed": 0, "outcome_due": []}
    roll = rng.random()
    a["last_log"] = (today - dt.timedelta(days=rng.choice([0, 1, 1, 2, 3, 5, 9, 14]))).isoformat()
    if roll < 0.02:
        a["red_flag"] = rng.choice(["refer_urgent", "refer_emergency"])
    elif roll < 0.07:
        a["flare_up"] = (today - dt.timedelta(days=rng.randint(1, 5))).isoformat()
    if rng.random() < 0.10:
        a["pain_rising"] = True
    if rng.random() < 0.25:
        a["sessions_missed"] = rng.randint(1, 3)
    if rng.random() < 0.15:
        a["outcome_due"] = rng.sample(["odi", "psfs", "endurance"], rng.randint(1, 2))
    a["mean_morning_pain"] = round(rng.uniform(0, 6), 1)
    return a


def seed(count: int, today: dt.date):
    """`count` runners (one real, the rest copies with their own snapshot), a clinician for 50 and one for all."""
    from django.contrib.auth.models import User

    from backstride.accounts.models import Clinician
    from backstride.cli.db import ensure_database
    from backstride.clinic.models import CareLink
    from backstride.runners import models as m

    ensure_database()
    template = template_runner(today - dt.timedelta(days=20), today)
    assessment, plan = template.assessments.first(), template.current_plan
    rng = random.Random(7)
    copies = m.Runner.objects.bulk_create(
        m.Runner(
            name=f"Runner {i:03d}",
            age=rng.randint(18, 70),
            sex=rng.choice(["female", "male", "other"]),
            state=template.state | {"attention": attention(rng, template.state["attention"], today)},
            state_as_of=template.state_as_of,
        )
        for i in range(1, count)
    )
    runners = [template, *copies]
    assessments = m.Assessment.objects.bulk_create(
        m.Assessment(runner=r, intake=assessment.intake, screening_status="clear", result=assessment.result)
        for r in runners[1:]
    )
    m.Plan.objects.bulk_create(
        m.Plan(runner=r, assessment=a, start_date=plan.start_date, end_date=plan.end_date, data=plan.data)
        for r, a in zip(runners[1:], assessments, strict=True)
    )
    clinicians = []
    for username, linked in (("few", runners[:SMALL]), ("many", runners)):
        user = User.objects.create_user(username, first_name="Ada", last_name=username.title(), password=None)
        clinician = Clinician.objects.create(user=user)
        CareLink.objects.bulk_create(CareLink(clinician=clinician, runner=r) for r in linked)
        clinicians.append((len(linked), user))
    return clinicians


def measure(user, runs: int, params: dict) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    for _ in range(3):  # warm up: templates, translations, the URL resolver
        client.get("/clinic/", params)
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        response = client.get("/clinic/", params)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/clinic/", params)
    return {
        "p50": statistics.median(wall),
        "p99": statistics.quantiles(wall, n=100, method="inclusive")[98],
        "cpu": statistics.median(cpu),
        "queries": len(queries),
        "rows": response.content.decode().count('<th scope="row">'),
    }


PAGES = {"first page": {}, "filtered, page 2": {"flag": "attention", "page": 2}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an SQLite file or a database URL (default: a new temporary SQLite file)")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per roster page (default 30)")
    parser.add_argument("--runners", type=int, default=500, help="runners to seed (default 500)")
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp(prefix="backstride-roster-")) / "bench.sqlite3")
    setup_django(db)
    from django.db import connection
    from django.utils import timezone

    today = timezone.localdate()
    t0 = time.perf_counter()
    clinicians = seed(args.runners, today)
    print(f"database: {connection.vendor} ({db}); seeded {args.runners} runners in {time.perf_counter() - t0:.1f} s")
    results = {}
    for count, user in clinicians:
        for page, params in PAGES.items():
            r = results[count, page] = measure(user, args.runs, params)
            print(
                f"roster with {count:4d} runners, {page:16s} ({r['rows']:2d} rows), {args.runs} requests: "
                f"p50 {r['p50']:6.1f} ms   p99 {r['p99']:6.1f} ms   (CPU p50 {r['cpu']:5.1f} ms)   "
                f"{r['queries']} queries"
            )
    flat = all(results[SMALL, page]["queries"] == results[args.runners, page]["queries"] for page in PAGES)
    p50 = results[args.runners, "first page"]["p50"]
    verdict = "met" if p50 < TARGET_MS and flat else "MISSED"
    print(
        f"queries: {'the same' if flat else 'NOT the same'} for {SMALL} and {args.runners} runners; "
        f"target (first page p50 < {TARGET_MS} ms at {args.runners} runners, flat queries): {verdict}"
    )


if __name__ == "__main__":
    main()
