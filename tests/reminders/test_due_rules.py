"""Which reminders the pure core finds due: the right kind, on the right day, after the chosen time."""

import datetime as dt
from zoneinfo import ZoneInfo

from backstride.core.feed import Event
from backstride.core.reminders import Preferences, RunnerDay, clinician_digest_due, due_for_runner, rules
from backstride.core.reminders.due import missed_maintenance_weeks

START = dt.date(2027, 3, 1)  # a Monday
EIGHT = dt.time(8, 0)


def event(day: dt.date, kind: str, minutes: int | None = None, key_kind: str | None = None) -> Event:
    return Event(f"{day}-{key_kind or kind}", day.isoformat(), kind, "", "", minutes)


def runner(*events: Event, logged=(), paused=False, nudges=(), judged_until=None) -> RunnerDay:
    return RunnerDay(tuple(events), frozenset(logged), START, paused, tuple(nudges), judged_until)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZoneInfo("Europe/Berlin"))


def kinds(day: RunnerDay, now: dt.datetime, prefs: Preferences | None = None) -> list[str]:
    return [d.kind for d in due_for_runner(day, prefs or Preferences(EIGHT), now)]


def test_a_session_day_brings_the_session_reminder_once_the_chosen_time_has_come():
    day = runner(event(START, "session", 25))
    assert kinds(day, local(START, 7, 59)) == []
    assert due_for_runner(day, Preferences(EIGHT), local(START, 8, 0))[0].detail == {"minutes": 25}
    assert kinds(day, local(START, 8, 0)) == [rules.SESSION_DAY]


def test_a_session_already_logged_today_needs_no_reminder():
    assert kinds(runner(event(START, "session", 25), logged=[START]), local(START, 9)) == []


def test_a_reminder_that_could_not_go_out_for_hours_is_dropped_for_the_day():
    assert kinds(runner(event(START, "session", 25)), local(START, 14, 1)) == []


def test_the_day_after_a_missed_session_brings_a_kind_follow_up():
    day = runner(event(START, "session", 25))
    assert kinds(day, local(START + dt.timedelta(days=1), 8)) == [rules.MISSED_SESSION]
    assert kinds(runner(event(START, "session"), logged=[START]), local(START + dt.timedelta(days=1), 8)) == []


def test_a_follow_up_does_not_come_on_top_of_a_session_reminder():
    tuesday = START + dt.timedelta(days=1)
    assert kinds(runner(event(START, "session"), event(tuesday, "session")), local(tuesday, 8)) == [rules.SESSION_DAY]


def test_the_weekly_maintenance_day_brings_the_maintenance_reminder():
    day = runner(event(START, "maintenance", 15))
    assert kinds(day, local(START, 8)) == [rules.MAINTENANCE]


def weeks_of_maintenance(n: int) -> list[Event]:
    return [event(START + dt.timedelta(weeks=w), "maintenance", 15) for w in range(n)]


def test_one_missed_maintenance_week_brings_a_nudge_and_two_say_why_the_session_matters():
    events = weeks_of_maintenance(4)
    week = dt.timedelta(weeks=1)
    assert kinds(runner(*events), local(START + week, 8)) == [rules.MAINTENANCE_NUDGE]
    assert kinds(runner(*events), local(START + 2 * week, 8)) == [rules.MAINTENANCE_WHY]
    assert kinds(runner(*events), local(START + 3 * week, 8)) == [rules.MAINTENANCE_NUDGE]
    # a session in the last week resets the count
    assert kinds(runner(*events, logged=[START + 2 * week + dt.timedelta(days=3)]), local(START + 3 * week, 8)) == [
        rules.MAINTENANCE
    ]


def test_weeks_the_adaptation_judged_are_read_from_its_nudges_and_later_weeks_from_the_logs():
    events = weeks_of_maintenance(3)
    week = dt.timedelta(weeks=1)
    judged = runner(*events, nudges=[START + dt.timedelta(days=6)], judged_until=START + dt.timedelta(days=6))
    assert missed_maintenance_weeks(judged, START + 2 * week) == 2
    # the adaptation saw a session in the first week; the second, after its last replay, had no log
    no_nudge = runner(*events, judged_until=START + dt.timedelta(days=6))
    assert missed_maintenance_weeks(no_nudge, START + 2 * week) == 1


def test_outcome_questionnaires_and_the_weekly_safety_questions_come_on_their_day():
    day = runner(event(START, "outcome", key_kind="odi"), event(START, "checkin"))
    found = due_for_runner(day, Preferences(EIGHT), local(START, 8))
    assert [d.kind for d in found] == [rules.OUTCOME_DUE, rules.SAFETY_QUESTIONS]
    assert found[0].detail == {"outcomes": ["odi"]}


def test_nothing_is_sent_on_a_quiet_day():
    day = runner(event(START, "session"), event(START, "checkin"))
    assert kinds(day, local(START, 9), Preferences(EIGHT, frozenset({START.weekday()}))) == []
    assert kinds(day, local(START, 9), Preferences(EIGHT, frozenset({6}))) != []


def test_nothing_is_sent_while_the_program_is_paused_for_a_referral():
    assert kinds(runner(event(START, "session"), event(START, "checkin"), paused=True), local(START, 9)) == []


def test_cancelled_events_bring_no_reminder():
    cancelled = event(START, "session").cancel()
    assert kinds(runner(cancelled), local(START, 9)) == []


def test_the_clinicians_digest_comes_weekly_on_its_day_after_the_chosen_time():
    monday = START
    assert clinician_digest_due(Preferences(EIGHT), local(monday, 8)).kind == rules.CLINICIAN_DIGEST
    assert clinician_digest_due(Preferences(EIGHT), local(monday, 7)) is None
    assert clinician_digest_due(Preferences(EIGHT), local(monday + dt.timedelta(days=1), 9)) is None
    assert clinician_digest_due(Preferences(EIGHT, frozenset({0})), local(monday, 9)) is None


def test_retries_wait_longer_each_time_and_then_give_up():
    waits = [rules.retry_delay(n) for n in range(1, rules.MAX_ATTEMPTS + 1)]
    assert waits[:-1] == sorted(waits[:-1]) and waits[-1] is None


def test_while_a_flare_up_settles_the_session_day_is_gentle_and_a_left_out_session_brings_no_follow_up():
    settling = RunnerDay((event(START, "session", 25),), frozenset(), START, settling=True)
    [due] = due_for_runner(settling, Preferences(EIGHT), local(START, 8))
    assert (due.kind, due.detail) == (rules.SESSION_DAY, {"settling": True})
    assert kinds(settling, local(START + dt.timedelta(days=1), 8)) == []
