"""Fixtures for the clinician pages: a clinician, their runners (Sam's intake), clients and a fixed today."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

START = dt.date(2026, 12, 7)  # Sam's first day, a Monday


class Clock:
    def __init__(self, day: dt.date):
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def today(monkeypatch) -> Clock:
    """The clinic's today, set to Wednesday of Sam's first week; a test may move it."""
    clock = Clock(START + dt.timedelta(days=2))
    monkeypatch.setattr("backstride.clinic.services.today", clock)
    return clock


@pytest.fixture
def make_runner(db, sam):
    from backstride.runners.services import start_runner

    def make(name: str = "Sam Rivera", username: str | None = None, **changes):
        data = copy.deepcopy(sam)
        data["runner"]["name"] = name
        for key, value in changes.items():
            data[key] = value
        runner, _result = start_runner(data)
        if username:
            runner.user = User.objects.create_user(username, password=None)
            runner.save(update_fields=["user"])
        return runner

    return make


def make_clinician(username: str, first: str = "", last: str = ""):
    from backstride.accounts.models import Clinician

    user = User.objects.create_user(username, first_name=first, last_name=last, password=None)
    return Clinician.objects.create(user=user)


@pytest.fixture
def clinician(db):
    return make_clinician("okafor", "Ada", "Okafor")


@pytest.fixture
def stranger(db):
    """A clinician with runners of their own, but not ours."""
    return make_clinician("stranger", "Sol", "Stranger")


@pytest.fixture
def runner(make_runner, clinician):
    from backstride.clinic.services import link

    sam = make_runner(username="sam")
    link(clinician, sam)
    return sam


def client_for(user=None, **kwargs) -> Client:
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


def red_flag_checkin(runner, day: dt.date, flag: str = "history_of_cancer", pain: int = 3):
    """A morning check-in that answers yes to one warning-sign question (which pauses the program)."""
    from backstride.core.tracking.logs import parse_checkin
    from backstride.runners.services import checkin

    flags = dict.fromkeys(runner.assessments.first().intake["red_flags"], False)
    flags = {k: v for k, v in flags.items() if k != "walking_changed"}
    flags[flag] = True
    return checkin(runner, parse_checkin({"date": day.isoformat(), "pain": pain, "red_flags": flags}))


def morning(runner, day: dt.date, pain: int):
    from backstride.core.tracking.logs import parse_checkin
    from backstride.runners.services import checkin

    return checkin(runner, parse_checkin({"date": day.isoformat(), "pain": pain}))


def clone_runners(template, clinician, attentions: list[dict], as_of: dt.date):
    """Many runners in a few queries: each a copy of the template's assessment and plan, with its own snapshot.

    The roster reads only the stored snapshot, so this is what it sees after real logs.
    """
    from backstride.clinic.models import CareLink
    from backstride.runners.models import Assessment, Plan, Runner

    assessment, plan = template.assessments.first(), template.current_plan
    runners = Runner.objects.bulk_create(
        Runner(name=f"Runner {i:03d}", age=30 + i % 30, sex="other", state={"attention": a}, state_as_of=as_of)
        for i, a in enumerate(attentions)
    )
    assessments = Assessment.objects.bulk_create(
        Assessment(runner=r, intake=assessment.intake, screening_status="clear", result=assessment.result)
        for r in runners
    )
    Plan.objects.bulk_create(
        Plan(runner=r, assessment=a, start_date=plan.start_date, end_date=plan.end_date, data={})
        for r, a in zip(runners, assessments, strict=True)
    )
    CareLink.objects.bulk_create(CareLink(clinician=clinician, runner=r) for r in runners)
    return runners


def quiet(last_log: dt.date, **flags) -> dict:
    """An attention snapshot with nothing to flag unless a test says so."""
    return {
        "red_flag": None,
        "flare_up": None,
        "pain_rising": False,
        "sessions_missed": 0,
        "outcome_due": [],
        "last_log": last_log.isoformat(),
        "mean_morning_pain": 2.0,
    } | flags
