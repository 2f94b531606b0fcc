"""Sam's real plan, read through the calendar feed's events: each kind of reminder on its own day and time."""

import datetime as dt

from backstride.runners.models import Runner, SessionLog

from .conftest import FIRST_SESSION, WEDNESDAY, at, turn_on

DAY = dt.timedelta(days=1)


def kinds(found):
    return [kind for kind, _channel in found]


def test_the_first_day_brings_the_session_and_the_starting_questionnaires(sam, claimed):
    assert claimed(at(FIRST_SESSION, 7, 55)) == []
    assert kinds(claimed(at(FIRST_SESSION, 8, 0))) == ["outcome_due", "session_day"]


def test_the_day_after_an_unlogged_session_brings_the_follow_up_and_a_logged_one_does_not(sam, claimed):
    _user, runner = sam
    assert kinds(claimed(at(WEDNESDAY + DAY, 8, 5))) == ["missed_session"]
    SessionLog.objects.create(runner=runner, date=WEDNESDAY + 2 * DAY, pain_before=1, pain_during=1, pain_after=1)
    assert claimed(at(WEDNESDAY + 3 * DAY, 8, 5)) == []  # Saturday after Friday's logged session


def test_the_weekly_safety_questions_come_every_seventh_day(sam, claimed):
    monday = FIRST_SESSION + dt.timedelta(weeks=1)
    assert kinds(claimed(at(monday, 8, 5))) == ["safety_questions", "session_day"]


def test_each_channel_chosen_gets_its_own_record(sam, claimed):
    from backstride.reminders.models import PushSubscription

    user, _runner = sam
    PushSubscription.objects.create(user=user, endpoint="https://push.example.net/1", p256dh="k", auth="a")
    turn_on(user, push=True)
    assert claimed(at(WEDNESDAY, 8, 5)) == [("session_day", "email"), ("session_day", "push")]


def test_a_runner_without_a_plan_gets_nothing(sam, claimed):
    _user, runner = sam
    runner.plans.update(active=False)
    assert claimed(at(WEDNESDAY, 8, 5)) == []


def test_the_runners_own_zone_decides_the_hour(sam, claimed):
    _user, runner = sam
    Runner.objects.filter(pk=runner.pk).update(time_zone="Asia/Tokyo")  # 08:00 there is 23:00 UTC the day before
    assert kinds(claimed(at(WEDNESDAY - DAY, 23, 0))) == ["session_day"]
