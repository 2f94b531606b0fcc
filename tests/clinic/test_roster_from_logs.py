"""The roster's "pain rising" and "sessions missed" worked out from real logs, not from hand-written snapshots."""

import datetime as dt

import pytest

from backstride.core.tracking.logs import parse_checkin, parse_session_log
from backstride.runners.services import checkin, log_session, red_flags_due

from .conftest import START, client_for

pytestmark = pytest.mark.django_db

ROSTER = "/clinic/"


def morning(runner, day: dt.date, pain: int) -> None:
    """A morning check-in, answering no to the weekly warning-sign questions when they are due."""
    data = {"date": day.isoformat(), "pain": pain}
    if red_flags_due(runner, day):
        flags = runner.assessments.first().intake["red_flags"]
        data["red_flags"] = {name: False for name in flags if name != "walking_changed"}
    checkin(runner, parse_checkin(data))


def two_weeks_of_mornings(runner, last_week: list[int], this_week: list[int]) -> dt.date:
    """Check-ins on the first days of week 1 and the last days of week 2; returns the last morning."""
    for n, pain in enumerate(last_week):
        morning(runner, START + dt.timedelta(days=n), pain)
    last = START + dt.timedelta(days=13)
    for n, pain in enumerate(this_week):
        morning(runner, last - dt.timedelta(days=len(this_week) - 1 - n), pain)
    return last


@pytest.mark.parametrize(
    "last_week, this_week, rise",
    [
        ([3] * 7, [4] * 7, 1.0),
        ([2, 3, 3, 4, 3, 4, 2], [3, 4, 4, 5, 4, 5, 3], 1.0),
        ([3, 4], [4, 4, 4, 5, 5], 0.9),
        ([3] * 7, [3, 4, 4, 4, 4, 4, 3], 5 / 7),
        ([4] * 7, [4] * 7, 0.0),
    ],
    ids=["1.0-steady", "1.0-uneven", "0.9", "0.7", "flat"],
)
def test_morning_pain_is_flagged_rising_when_the_weekly_mean_is_up_a_whole_point(
    runner, clinician, today, last_week, this_week, rise
):
    last = two_weeks_of_mornings(runner, last_week, this_week)
    today.day = last + dt.timedelta(days=1)
    assert sum(this_week) / len(this_week) - sum(last_week) / len(last_week) == pytest.approx(rise)

    html = client_for(clinician.user).get(ROSTER).content.decode()

    runner.refresh_from_db()
    attention = runner.state["attention"]
    assert attention["mean_morning_pain"] == round(sum(this_week) / len(this_week), 1)
    # no flare-up, so "rising" can only come from the week-on-week rule
    assert attention["flare_up"] is None and "Flare-up since" not in html
    flagged = rise >= 1.0  # a point or more (the same rule as the adaptation)
    assert attention["pain_rising"] is flagged
    assert ("Morning pain rising" in html) is flagged


def planned_trunk_sessions(runner, first: dt.date, last: dt.date) -> list[dt.date]:
    return list(
        runner.current_plan.sessions.filter(kind="trunk_strength", date__range=(first, last))
        .order_by("date")
        .values_list("date", flat=True)
    )


def test_planned_sessions_that_were_not_logged_are_counted_as_missed(runner, clinician, today):
    week_one = planned_trunk_sessions(runner, START, START + dt.timedelta(days=6))
    assert len(week_one) >= 2, week_one  # Sam trains on several days a week
    done = week_one[0]
    log_session(
        runner,
        parse_session_log({"date": done.isoformat(), "pain_before": 2, "pain_during": 2, "pain_after": 2}),
    )
    morning(runner, START + dt.timedelta(days=7), 3)  # Monday of week 2: the week before is judged
    today.day = START + dt.timedelta(days=7)

    html = client_for(clinician.user).get(ROSTER).content.decode()

    runner.refresh_from_db()
    missed = len(week_one) - 1
    assert runner.state["attention"]["sessions_missed"] == missed
    assert f"{missed} session{'s' if missed > 1 else ''} missed this week" in html


def test_a_week_with_every_planned_session_logged_misses_none(runner, clinician, today):
    for day in planned_trunk_sessions(runner, START, START + dt.timedelta(days=6)):
        log_session(
            runner,
            parse_session_log({"date": day.isoformat(), "pain_before": 2, "pain_during": 2, "pain_after": 2}),
        )
    morning(runner, START + dt.timedelta(days=7), 3)
    today.day = START + dt.timedelta(days=7)

    html = client_for(clinician.user).get(ROSTER).content.decode()

    runner.refresh_from_db()
    assert runner.state["attention"]["sessions_missed"] == 0
    assert "missed this week" not in html
