"""Reminders go out at the chosen wall-clock time in the runner's own zone, across both daylight-saving changes."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from backstride.core.reminders import local_now, past_send_time
from backstride.runners.models import Runner
from tests.web.conftest import make_runner

from .conftest import FIRST_SESSION, at, turn_on

UTC = ZoneInfo("UTC")


def first_moment(zone: str, day: dt.date, chosen: dt.time) -> dt.datetime:
    """The first whole UTC minute of the day at which the reminder is due."""
    moment = dt.datetime.combine(day, dt.time(0), tzinfo=ZoneInfo(zone)).astimezone(UTC) - dt.timedelta(hours=2)
    for _minute in range(30 * 60):
        if local_now(moment, zone).date() == day and past_send_time(local_now(moment, zone), chosen):
            return moment
        moment += dt.timedelta(minutes=1)
    raise AssertionError("never due")


@pytest.mark.parametrize(
    ("zone", "before", "after", "hours_before", "hours_after"),
    [
        # spring forward: 29 March 2027 in Berlin (+1 → +2); 14 March 2027 in New York (−5 → −4)
        ("Europe/Berlin", dt.date(2027, 3, 27), dt.date(2027, 3, 29), 7, 6),
        ("America/New_York", dt.date(2027, 3, 13), dt.date(2027, 3, 15), 13, 12),
        # fall back: 31 October 2027 in Berlin (+2 → +1); 7 November 2027 in New York (−4 → −5)
        ("Europe/Berlin", dt.date(2027, 10, 30), dt.date(2027, 11, 1), 6, 7),
        ("America/New_York", dt.date(2027, 11, 6), dt.date(2027, 11, 8), 12, 13),
    ],
)
def test_eight_oclock_local_is_a_different_utc_hour_on_each_side_of_a_change(
    zone, before, after, hours_before, hours_after
):
    chosen = dt.time(8, 0)
    assert first_moment(zone, before, chosen) == at(before, hours_before)
    assert first_moment(zone, after, chosen) == at(after, hours_after)


def test_on_the_spring_forward_day_a_time_in_the_skipped_hour_comes_when_the_clocks_land():
    day = dt.date(2027, 3, 28)  # Berlin skips 02:00-03:00
    assert first_moment("Europe/Berlin", day, dt.time(2, 30)) == at(day, 1, 0)  # 03:00 local
    assert first_moment("Europe/Berlin", day, dt.time(8, 0)) == at(day, 6)


def test_on_the_fall_back_day_a_repeated_time_is_due_at_its_first_occurrence():
    day = dt.date(2027, 10, 31)  # Berlin repeats 02:00-03:00
    assert first_moment("Europe/Berlin", day, dt.time(2, 30)) == at(day, 0, 30)  # the first 02:30, summer time
    ny = dt.date(2027, 11, 7)
    assert first_moment("America/New_York", ny, dt.time(1, 30)) == at(ny, 5, 30)


@pytest.mark.parametrize(
    ("zone", "sunday", "repeated"),
    [
        ("Europe/Berlin", dt.date(2027, 10, 31), dt.time(2, 30)),
        ("America/New_York", dt.date(2027, 11, 7), dt.time(1, 30)),
    ],
)
def test_the_fall_back_day_sends_a_reminder_once_though_its_time_comes_twice(db, claimed, zone, sunday, repeated):
    # sessions on Sundays, so the day the clocks go back is a session day
    days = {"days": ["sun", "tue", "thu"], "minutes_per_session": 30}
    user, runner = make_runner("kit", start_date="2027-10-04", availability=days)
    assert sunday.isoformat() in {s["date"] for w in runner.current_plan.data["weeks"] for s in w["sessions"]}
    Runner.objects.filter(pk=runner.pk).update(time_zone=zone)
    turn_on(user, at=repeated)
    tz = ZoneInfo(zone)
    first = dt.datetime.combine(sunday, repeated.replace(fold=0), tzinfo=tz).astimezone(UTC)
    second = dt.datetime.combine(sunday, repeated.replace(fold=1), tzinfo=tz).astimezone(UTC)
    assert second - first == dt.timedelta(hours=1)
    assert claimed(first - dt.timedelta(minutes=1)) == []
    assert claimed(first) == [("session_day", "email")]
    assert claimed(second) == []  # the same wall-clock time again: already claimed for the day


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York"])
def test_a_runner_far_from_utc_gets_the_reminder_on_their_own_date(sam, claimed, zone):
    user, runner = sam
    Runner.objects.filter(pk=runner.pk).update(time_zone=zone)
    monday = FIRST_SESSION + dt.timedelta(weeks=1)
    # 23:30 UTC on Sunday is already Monday 00:30 in Berlin, still Sunday evening in New York
    turn_on(user, at=dt.time(0, 15))
    found = claimed(at(monday - dt.timedelta(days=1), 23, 30))
    assert (("session_day", "email") in found) == (zone == "Europe/Berlin")
