"""A runner's record for their clinician: recent logs, the plan, what changed and why, and the charts, each in
the section of the record that holds it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from backstride.core.tracking.logs import parse_run, parse_session_log
from backstride.runners.models import Decision
from backstride.runners.services import log_run, log_session

from .conftest import START, client_for, morning

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged(runner, today):
    log_session(
        runner,
        parse_session_log(
            {
                "date": START.isoformat(),
                "pain_before": 2,
                "pain_during": 3,
                "pain_after": 2,
                "effort": 5,
                "as_planned": True,
                "note": "Felt the side plank",
            }
        ),
    )
    morning(runner, START + dt.timedelta(days=1), 4)
    log_run(
        runner,
        parse_run({"date": (START + dt.timedelta(days=1)).isoformat(), "km": 5.2, "minutes": 33, "pain_during": 2}),
    )
    today.day = START + dt.timedelta(days=8)
    return runner


def section(clinician, runner, name: str) -> str:
    return client_for(clinician.user).get(reverse("clinic:runner_section", args=[runner.pk, name])).content.decode()


def test_the_record_shows_recent_sessions_check_ins_and_runs(logged, clinician):
    html = section(clinician, logged, "logs")
    assert "Felt the side plank" in html
    assert "Tuesday 8 December 2026" in html and "4/10" in html
    assert "5.2 km" in html and "33 min" in html


def test_the_record_shows_the_plan_and_the_history_of_changes(logged, clinician):
    html = section(clinician, logged, "plan")
    assert "Settle and activate" in html and "Run-specific" in html
    html = section(clinician, logged, "changes")
    assert "What changed and why" in html
    reasons = list(Decision.objects.filter(runner=logged).values_list("reason", flat=True))
    assert reasons and all(escape(reason) in html for reason in reasons)


def test_the_record_shows_the_progress_charts_as_markup(logged, clinician, monkeypatch):
    seen = {}

    def charts(progress):
        seen["progress"] = progress
        return {"pain_trend": '<svg data-test="pain-trend" role="img" aria-label="Pain"></svg>'}

    monkeypatch.setattr("backstride.pages.charts.progress_charts", charts)
    html = section(clinician, logged, "logs")
    assert '<svg data-test="pain-trend" role="img" aria-label="Pain"></svg>' in html  # not escaped
    assert seen["progress"]["runner"] == logged.name and "pain_trend" in seen["progress"]


def test_the_record_of_a_runner_referred_at_intake_explains_why_there_is_no_plan(make_runner, clinician, today, sam):
    from backstride.clinic.services import link

    referred = make_runner("Ina Intake", red_flags=sam["red_flags"] | {"saddle_numbness": True})
    link(clinician, referred)
    response = client_for(clinician.user).get(reverse("clinic:runner", args=[referred.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "No plan yet" in html and "Emergency referral" in html
