"""The roster flags running up more than 30 % over two weeks, from the snapshot each log refreshes."""

import datetime as dt

import pytest

from backstride.core.tracking.logs import parse_run
from backstride.runners.services import log_run

from .conftest import START, client_for, clone_runners, quiet

pytestmark = pytest.mark.django_db

ROSTER = "/clinic/"
BADGE = '<span class="badge badge-amber">Running up'  # the badge, not the filter's option


def three_weeks_of_running(runner, week_three_km: float) -> dt.date:
    """5 km twice in weeks 1 and 2, then week 3's distance in two runs; returns the day of the last run."""
    days = [(1, 5), (3, 5), (8, 5), (10, 5), (15, week_three_km / 2), (17, week_three_km / 2)]
    for n, km in days:
        day = START + dt.timedelta(days=n)
        log_run(runner, parse_run({"date": day.isoformat(), "km": km, "minutes": km * 6, "pain_during": 1}))
    return START + dt.timedelta(days=17)


def test_a_runner_whose_running_rose_more_than_thirty_percent_over_two_weeks_is_flagged(runner, clinician, today):
    last = three_weeks_of_running(runner, 14)  # 10, 10, then 14 km: 40 % up on week 1
    today.day = last + dt.timedelta(days=1)

    runner.refresh_from_db()
    attention = runner.state["attention"]
    assert attention["load_jump"] is True
    assert attention["two_week_change"] == {"week": 3, "change_km": 0.4, "change_minutes": 0.4}

    client = client_for(clinician.user)
    html = client.get(ROSTER).content.decode()
    assert "Running up 40 % over two weeks (week 3)" in html
    assert "Running up over 30 % in two weeks: 1" in html  # the summary of flags
    assert runner.name in client.get(ROSTER, {"flag": "load_jump"}).content.decode()


def test_a_rise_of_thirty_percent_or_less_is_not_flagged(runner, clinician, today):
    last = three_weeks_of_running(runner, 13)  # exactly 30 % up
    today.day = last + dt.timedelta(days=1)

    runner.refresh_from_db()
    assert runner.state["attention"]["load_jump"] is False
    client = client_for(clinician.user)
    assert BADGE not in client.get(ROSTER).content.decode()
    assert runner.name not in client.get(ROSTER, {"flag": "load_jump"}).content.decode()


def test_the_flag_comes_after_a_rising_morning_pain_and_before_missed_sessions(make_runner, clinician, today):
    template = make_runner()
    jump = {"week": 3, "change_km": 0.5, "change_minutes": None}
    clone_runners(
        template,
        clinician,
        [
            quiet(today.day, sessions_missed=2),
            quiet(today.day, load_jump=True, two_week_change=jump),
            quiet(today.day, pain_rising=True),
        ],
        today.day,
    )
    html = client_for(clinician.user).get(ROSTER).content.decode()
    names = ["Runner 000", "Runner 001", "Runner 002"]
    assert sorted(names, key=html.index) == ["Runner 002", "Runner 001", "Runner 000"]
    assert "Running up 50 % over two weeks (week 3)" in html


def test_a_snapshot_stored_before_the_flag_existed_shows_no_load_badge(make_runner, clinician, today):
    clone_runners(make_runner(), clinician, [quiet(today.day)], today.day)
    client = client_for(clinician.user)
    assert BADGE not in client.get(ROSTER).content.decode()
    assert "Runner 000" not in client.get(ROSTER, {"flag": "load_jump"}).content.decode()
