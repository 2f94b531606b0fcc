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


def test_while_a_flare_up_settles_the_session_day_speaks_of_gentle_movement_and_no_follow_up_comes(sam, claimed):
    from backstride.core.reminders.messages import runner_message
    from backstride.core.tracking.logs import parse_checkin
    from backstride.reminders.models import Delivery
    from backstride.runners.services import checkin

    _user, runner = sam
    for day, pain in ((FIRST_SESSION, 2), (FIRST_SESSION + DAY, 7)):  # a 7/10 morning starts a settle-down block
        checkin(runner, parse_checkin({"date": day.isoformat(), "pain": pain}))
    runner.refresh_from_db()
    assert runner.state["flare"]
    assert kinds(claimed(at(WEDNESDAY, 8, 5))) == ["session_day"]
    detail = Delivery.objects.get(local_date=WEDNESDAY, kind="session_day").detail
    assert detail == {"settling": True}
    message = runner_message("session_day", detail)
    assert message.subject == "Gentle movement today" and "minutes" not in message.text
    assert "flare" not in message.push_body.lower() and "pain" not in message.push_body.lower()
    assert claimed(at(WEDNESDAY + DAY, 8, 5)) == []  # leaving the session out was what the program asked
