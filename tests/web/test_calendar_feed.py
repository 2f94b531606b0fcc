"""The calendar feed: a private address calendar apps subscribe to, read back here as a calendar app would."""

import datetime as dt

import pytest
from icalendar import Calendar

from backstride.runners.models import CalendarFeed, Runner

from .conftest import client_for, make_runner


@pytest.fixture
def lee(db):
    """A runner whose plan starts next Monday, so every session is still ahead when settings re-plan it."""
    from django.utils import timezone

    today = timezone.localdate()
    start = today + dt.timedelta(days=7 - today.weekday())
    return make_runner("lee", start_date=start.isoformat())


def subscribe(client) -> str:
    client.post("/settings/calendar/", {"action": "renew"})
    return "/calendar/" + CalendarFeed.objects.get(runner__user__username=client.username).token + ".ics"


def logged_in(user):
    client = client_for(user)
    client.username = user.username
    return client


def events_of(response) -> dict:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


NOT_SESSIONS = {"run", "maintenance", "checkin", "odi", "endurance", "psfs"}


def kind_of(uid: str) -> str:
    """The UID is "<date>-<kind>.runner-<id>@backstride"."""
    return uid.split(".")[0].rsplit("-", 1)[1]


def sessions_in(events: dict) -> dict:
    return {uid: e for uid, e in events.items() if kind_of(uid) not in NOT_SESSIONS}


def planned_dates(runner) -> set[dt.date]:
    plan = Runner.objects.get(pk=runner.pk).current_plan
    return {dt.date.fromisoformat(s["date"]) for w in plan.data["weeks"] for s in w["sessions"]}


def test_the_feed_has_an_event_on_each_planned_session_day_with_its_minutes_exercises_and_link(sam):
    user, runner = sam
    client = logged_in(user)
    events = events_of(client_for().get(subscribe(client)))
    sessions = sessions_in(events)
    assert {e.decoded("DTSTART") for e in sessions.values()} == planned_dates(runner)
    first = runner.current_plan.data["weeks"][0]["sessions"][0]
    event = next(e for e in sessions.values() if e.decoded("DTSTART").isoformat() == first["date"])
    assert f"({first['minutes']} min)" in str(event["SUMMARY"])
    assert first["exercises"][0]["name"] in str(event["DESCRIPTION"])
    assert str(event["URL"]) == f"http://127.0.0.1/today/?date={first['date']}"
    assert str(event["STATUS"]) == "CONFIRMED" and int(event["SEQUENCE"]) == 0
    assert [str(a["ACTION"]) for a in event.walk("VALARM")] == ["DISPLAY"]


def test_maintenance_questionnaires_and_the_weekly_check_in_are_in_the_feed(sam):
    user, runner = sam
    events = events_of(client_for(user).get("/settings/calendar/backstride.ics"))
    kinds = {kind_of(uid) for uid in events}
    assert {"maintenance", "odi", "endurance", "checkin", "run"} <= kinds
    maintenance = [e for uid, e in events.items() if "maintenance" in uid]
    start = dt.date.fromisoformat(runner.current_plan.data["maintenance"]["start_date"])
    assert min(e.decoded("DTSTART") for e in maintenance) == start
    assert all(e.decoded("DTSTART").weekday() == start.weekday() for e in maintenance)


def test_the_runners_chosen_time_makes_timed_sessions_with_an_alarm_an_hour_before(sam):
    user, runner = sam
    client = logged_in(user)
    client.post("/settings/calendar/", {"action": "time", "session_time": "07:30"})
    events = events_of(client.get("/settings/calendar/backstride.ics"))
    event = next(iter(sessions_in(events).values()))
    assert event.decoded("DTSTART").time() == dt.time(7, 30)
    assert event.decoded("DURATION") == dt.timedelta(
        minutes=runner.current_plan.data["weeks"][0]["sessions"][0]["minutes"]
    )
    assert event.walk("VALARM")[0].decoded("TRIGGER") == dt.timedelta(hours=-1)


def test_uids_survive_a_re_plan_and_a_changed_session_gets_a_higher_sequence(lee):
    user, _runner = lee
    client = logged_in(user)
    feed = subscribe(client)
    before = sessions_in(events_of(client_for().get(feed)))
    form = {"units": "km", "days": ["mon", "wed", "fri", "sat"], "minutes_per_session": "45", "equipment": ["mat"]}
    assert client.post("/settings/", form).status_code == 302

    after = sessions_in(events_of(client_for().get(feed)))
    assert set(after) == set(before)  # the same days: the same sessions, however their content changed
    changed = [uid for uid in after if after[uid]["DESCRIPTION"] != before[uid]["DESCRIPTION"]]
    assert changed
    for uid in after:
        grew = int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
        assert grew == (uid in changed or after[uid]["SUMMARY"] != before[uid]["SUMMARY"]), uid
    # served again with nothing changed, every event keeps its SEQUENCE
    again = sessions_in(events_of(client_for().get(feed)))
    assert {u: int(e["SEQUENCE"]) for u, e in again.items()} == {u: int(e["SEQUENCE"]) for u, e in after.items()}


def test_a_session_dropped_by_a_re_plan_stays_in_the_feed_marked_cancelled(lee):
    user, runner = lee
    client = logged_in(user)
    feed = subscribe(client)
    before = sessions_in(events_of(client_for().get(feed)))
    form = {"units": "km", "days": ["tue", "thu", "sat"], "minutes_per_session": "30", "equipment": ["mat"]}
    assert client.post("/settings/", form).status_code == 302

    after = sessions_in(events_of(client_for().get(feed)))
    dropped = set(before) - {uid for uid, e in after.items() if str(e["STATUS"]) == "CONFIRMED"}
    assert dropped and dropped <= set(after)
    for uid in dropped:
        assert str(after[uid]["STATUS"]) == "CANCELLED"
        assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) + 1
    confirmed = {e.decoded("DTSTART") for e in after.values() if str(e["STATUS"]) == "CONFIRMED"}
    assert confirmed == planned_dates(runner)


def test_a_renewed_or_revoked_address_gets_404_at_once(sam):
    user, _runner = sam
    client = logged_in(user)
    old = subscribe(client)
    new = subscribe(client)
    assert new != old
    assert client_for().get(old).status_code == 404
    assert client_for().get(new).status_code == 200
    client.post("/settings/calendar/", {"action": "revoke"})
    assert client_for().get(new).status_code == 404
    assert client_for().get("/calendar/not-a-token.ics").status_code == 404


def test_another_runners_address_never_shows_this_runners_plan(sam, other):
    (sam_user, sam_runner), (robin_user, _robin_runner) = sam, other
    sam_feed = subscribe(logged_in(sam_user))
    robin_feed = subscribe(logged_in(robin_user))
    robin = client_for().get(robin_feed).content.decode()
    assert "Robin" in robin and "Sam" not in robin
    assert f"runner-{sam_runner.pk}@" not in robin
    sam_events = events_of(client_for(robin_user).get(sam_feed))  # being logged in as Robin changes nothing
    assert all(f"runner-{sam_runner.pk}@" in uid for uid in sam_events)


def test_the_settings_page_shows_the_private_address_once_made(sam):
    user, _runner = sam
    client = logged_in(user)
    page = client.get("/settings/").content.decode()
    assert "Make my calendar address" in page and 'id="calendar-address"' not in page
    feed = subscribe(client)
    assert f"http://127.0.0.1{feed}" in client.get("/settings/").content.decode()


def test_the_download_needs_a_login(db):
    response = client_for().get("/settings/calendar/backstride.ics")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_coming_week_shows_the_sessions_as_they_stand_and_cancels_runs_on_hold(db):
    """A flare-up turns the next days into a settle-down block: the calendar says so, not the old plan."""
    from django.utils import timezone

    from backstride.core.tracking.logs import CheckInInput
    from backstride.runners import services

    today = timezone.localdate()
    user, runner = make_runner("kai", start_date=(today - dt.timedelta(days=16)).isoformat())
    for n, pain in ((2, 3), (1, 8), (0, 8)):
        day = today - dt.timedelta(days=n)
        due = services.red_flags_due(runner, day)
        services.checkin(runner, CheckInInput(date=day, pain=pain, red_flags=_all_clear() if due else None))
    runner.refresh_from_db()
    assert runner.state["flare"] is not None, "two mornings at 8/10 start a flare-up"
    events = events_of(client_for().get(subscribe(logged_in(user))))
    by_day: dict[str, list] = {}
    for uid, event in events.items():
        by_day.setdefault(uid.split(".")[0][:10], []).append((kind_of(uid), event))
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    kinds = {kind for kind, _e in by_day[tomorrow] if kind != "run"}  # a run that day is cancelled (below)
    assert kinds == {"settle_down"}  # the settle-down block, every day of it
    settle = next(e for kind, e in by_day[tomorrow] if kind == "settle_down")
    assert "settle-down" in str(settle["SUMMARY"]) and str(settle["STATUS"]) == "CONFIRMED"
    week = [(today + dt.timedelta(days=n)).isoformat() for n in range(7)]
    runs = [e for day in week for kind, e in by_day.get(day, []) if kind == "run"]
    assert runs and all(str(e["STATUS"]) == "CANCELLED" for e in runs)
    planned = [e for day in week for kind, e in by_day.get(day, []) if kind == "trunk_strength"]
    assert all(str(e["STATUS"]) == "CANCELLED" for e in planned)  # the plan's core sessions make way
    # beyond the coming week the calendar keeps the plan as it was
    later = [e for uid, e in events.items() if kind_of(uid) == "trunk_strength" and uid[:10] > week[-1]]
    assert later and all(str(e["STATUS"]) == "CONFIRMED" for e in later)


def _all_clear() -> dict:
    from backstride.core.intake import RedFlags

    return {name: False for name in RedFlags.model_fields}


def test_a_week_held_below_the_plan_shows_its_shorter_runs_as_today_does(db):
    from django.utils import timezone

    from backstride.core.tracking.logs import RunInput
    from backstride.runners import services

    today = timezone.localdate()
    start = today - dt.timedelta(days=7)  # today opens week 2
    user, runner = make_runner("noor", start_date=start.isoformat())
    services.log_run(  # a painful run in week 1 holds week 2 below the plan's volume
        runner, RunInput(date=start + dt.timedelta(days=1), km=5, minutes=35, pain_during=6, pain_after=5, effort=6)
    )
    planned = {r["date"]: r for r in Runner.objects.get(pk=runner.pk).current_plan.data["weeks"][1]["running"]["runs"]}
    events = events_of(client_for().get(subscribe(logged_in(user))))
    runs = {uid[:10]: e for uid, e in events.items() if kind_of(uid) == "run" and uid[:10] in planned}
    assert runs, "week 2 has runs in the coming days"
    for day, event in runs.items():
        assert f"{planned[day]['km']:.1f} km" not in str(event["SUMMARY"]), "the plan's distance, not the held one"
        assert str(event["STATUS"]) == "CONFIRMED"
