"""Demo data: a runner in week 3, a runner in maintenance, and a clinician with a dozen runners.

Used by `backstride demo`; the logs are written in bulk and then replayed once per runner, so
the stored decisions and attention flags are exactly what the app would have produced.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from collections.abc import Callable
from importlib import resources

DEMO_PASSWORD = "backstride-demo"
CLINICIAN = "clinician"
WEEK3_RUNNER = "runner"
MAINTENANCE_RUNNER = "maintainer"
ROSTER = [
    # (username, name, days since start, story)
    ("alex", "Alex Moreno", 10, "red_flag"),
    ("bea", "Bea Lindqvist", 18, "flare_up"),
    ("chen", "Chen Wei", 30, "stopped_logging"),
    ("dara", "Dara Okafor", 25, "pain_rising"),
    ("eli", "Eli Navarro", 40, "steady"),
    ("fatima", "Fatima Haddad", 5, "new"),
    ("gus", "Gus Ferreira", 27, "missing_sessions"),
    ("hana", "Hana Sato", 70, "maintenance"),
    ("ivan", "Ivan Petrov", 33, "outcome_due"),
    ("jo", "Jo Kim", 12, "steady"),
]
# Told of each step before it starts: (step number from 1, number of steps, what it is).
Progress = Callable[[int, int, str], None]


def example_intake() -> dict:
    path = resources.files("backstride") / "data" / "examples" / "intake-sam.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _intake(name: str, start: dt.date, rng: random.Random) -> dict:
    intake = copy.deepcopy(example_intake())
    intake["runner"]["name"] = name
    intake["runner"]["age"] = rng.randint(24, 58)
    intake["start_date"] = start.isoformat()
    intake["pain"]["now"] = rng.randint(2, 5)
    intake["pain"]["worst_last_week"] = intake["pain"]["now"] + rng.randint(1, 3)
    intake["endurance"] = {
        "variant": "home",
        "flexor_seconds": rng.randint(30, 60),
        "extensor_seconds": rng.randint(45, 90),
        "side_right_seconds": rng.randint(20, 45),
        "side_left_seconds": rng.randint(20, 45),
    }
    return intake


def _user(username: str, name: str):
    from django.contrib.auth.models import User

    first, _sep, last = name.partition(" ")
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _live(runner, start: dt.date, days: int, story: str, rng: random.Random) -> None:
    """Write a believable history for a story, then replay once."""
    from backstride.runners import models as m
    from backstride.runners.services import recompute

    plan = runner.current_plan
    sessions = {s["date"] for w in plan.data["weeks"] for s in w["sessions"] if s["kind"] == "trunk_strength"}
    base = plan.assessment.intake["pain"]["now"]
    checkins, logs, runs = [], [], []
    last_day = days if story != "stopped_logging" else days - 9
    for n in range(max(last_day, 0)):
        day = start + dt.timedelta(days=n)
        pain = max(0, base - n // 9 + rng.choice((0, 0, 0, 1)))
        if story == "pain_rising":
            pain = 2 if n < days - 7 else 3  # a point up on the week before: rising, not a flare
        if story == "flare_up" and n >= days - 2:
            pain = 7
        flags = None
        if n % 7 == 0:
            flags = {k: False for k in plan.assessment.intake["red_flags"]}
        status = "clear" if flags else ""
        if story == "red_flag" and n == days - 1:
            flags = {k: k == "bladder_or_bowel_change" for k in plan.assessment.intake["red_flags"]}
            status = "refer_emergency"
        checkins.append(
            m.CheckIn(
                runner=runner, date=day, pain=pain, stiffness=max(pain - 1, 0), red_flags=flags, red_flag_status=status
            )
        )
        skip = story == "missing_sessions" and n >= days - 8
        if (day.isoformat() in sessions and not skip) or (n >= 56 and day.weekday() == 0):
            logs.append(
                m.SessionLog(
                    runner=runner,
                    date=day,
                    pain_before=pain,
                    pain_during=min(pain, 2 + (n < 10)),
                    pain_after=pain,
                    effort=rng.randint(4, 6),
                    as_planned=True,
                )
            )
        if day.weekday() in (1, 3, 6):
            runs.append(
                m.RunLog(
                    runner=runner,
                    date=day,
                    km=round(4 + rng.random() * 4, 1),
                    minutes=30 + rng.randint(0, 15),
                    pain_during=min(pain, 2),
                    pain_after=pain,
                )
            )
    m.CheckIn.objects.bulk_create(checkins)
    m.SessionLog.objects.bulk_create(logs)
    m.RunLog.objects.bulk_create(runs)
    for week in (4, 8):  # the questionnaires and tests due so far, done on time (but not in one story)
        due = start + dt.timedelta(weeks=week - 1)
        if (due - start).days >= days or (story == "outcome_due" and week == 4):
            continue
        odi = max(4, 24 - 2 * week)
        m.OutcomeMeasure.objects.create(runner=runner, kind="odi", date=due, value=odi, data={"percent": odi})
        endurance = {
            "variant": "home",
            "flexor_seconds": 40 + 5 * week,
            "extensor_seconds": 60 + 6 * week,
            "side_right_seconds": 30 + 4 * week,
            "side_left_seconds": 28 + 4 * week,
        }
        m.OutcomeMeasure.objects.create(runner=runner, kind="endurance", date=due, value=None, data=endurance)
    recompute(runner, start + dt.timedelta(days=max(days - 1, 0)))


def exists() -> bool:
    from backstride.runners.models import Runner

    return Runner.objects.filter(user__username=WEEK3_RUNNER).exists()


def seed(today: dt.date | None = None, progress: Progress | None = None) -> dict:
    """Create the demo people once, telling `progress` of each step; returns the logins."""
    from django.db import transaction

    from backstride.accounts.models import Clinician
    from backstride.clinic.models import CareLink
    from backstride.runners.services import start_runner

    today = today or dt.date.today()
    rng = random.Random(20261126)
    logins = {
        "clinician": CLINICIAN,
        "runner in week 3": WEEK3_RUNNER,
        "runner in maintenance": MAINTENANCE_RUNNER,
        "password (all)": DEMO_PASSWORD,
    }
    if exists():
        return logins
    step = progress or (lambda number, total, what: None)
    reaches = (WEEK3_RUNNER, MAINTENANCE_RUNNER)  # subscribed to their calendar, with reminders on
    people = [
        (WEEK3_RUNNER, "Sam Rivera", 16, "steady"),
        (MAINTENANCE_RUNNER, "Robin Avery", 75, "maintenance"),
        *ROSTER,
    ]
    total = 1 + len(people)
    with transaction.atomic():
        step(1, total, "the clinician, Morgan Reyes")
        clinician = Clinician.objects.create(user=_user(CLINICIAN, "Morgan Reyes"))
        for number, (username, name, days, story) in enumerate(people, start=2):
            step(number, total, f"{name}: {days} days of logs ({story.replace('_', ' ')})")
            start = today - dt.timedelta(days=days)
            runner, _result = start_runner(_intake(name, start, rng))
            runner.user = _user(username, name)
            runner.save(update_fields=["user"])
            _live(runner, start, days, story, rng)
            CareLink.objects.create(clinician=clinician, runner=runner)
            if username in reaches:
                _reach(runner)
    return logins


def _reach(runner) -> None:
    """A private calendar address and email reminders at 07:30, as a runner would set them in Settings."""
    from backstride.reminders.models import ReminderSettings
    from backstride.runners.calendar_feed import renew

    renew(runner)
    ReminderSettings.objects.create(user=runner.user, enabled=True, email=True, at=dt.time(7, 30))


def calendar_path(username: str = WEEK3_RUNNER) -> str | None:
    """Where the demo runner's calendar feed answers, once the demo data exists."""
    from backstride.runners.models import CalendarFeed

    token = CalendarFeed.objects.filter(runner__user__username=username).values_list("token", flat=True).first()
    return f"/calendar/{token}.ics" if token else None
