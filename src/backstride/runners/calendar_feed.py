"""The runner's calendar feed: the private address, the events' versions, and the iCalendar text."""

from __future__ import annotations

import datetime as dt
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar
from icalendar import Event as CalendarEntry

from backstride.core.feed import Event, planned_events

from .models import CalendarEvent, CalendarFeed, OutcomeMeasure, Runner

TOKEN_BYTES = 32  # 43 URL-safe characters: not guessable, and the address is all a calendar app has
TIMED_ALARM = dt.timedelta(hours=-1)  # an hour before a session at the runner's chosen time
ALL_DAY_ALARM = dt.timedelta(hours=8)  # 08:00 on the day of an all-day session
ADAPTED_DAYS = dt.timedelta(days=7)  # the coming week is shown as the program stands; later days as planned


def renew(runner: Runner) -> CalendarFeed:
    """A new private address; the old one, if any, stops working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(
        runner=runner, defaults={"token": secrets.token_urlsafe(TOKEN_BYTES)}
    )
    return feed


def revoke(runner: Runner) -> None:
    CalendarFeed.objects.filter(runner=runner).update(token=None)


def runner_for_token(token: str) -> Runner | None:
    if not token:
        return None
    feed = CalendarFeed.objects.filter(token=token).select_related("runner").first()
    return feed.runner if feed else None


def events_for(runner: Runner, today: dt.date) -> list[Event]:
    plan = runner.current_plan
    if plan is None:  # no plan (or one retired by a referral): whatever was sent before is cancelled
        return []
    paused = (runner.state or {}).get("paused")
    has_psfs = (
        bool(plan.assessment.intake.get("psfs"))
        or OutcomeMeasure.objects.filter(runner=runner, kind=OutcomeMeasure.PSFS).exists()
    )
    irritable = plan.assessment.result.get("profile", {}).get("irritability") == "high"
    adapted, on_hold, runs_now = ({}, frozenset(), {}) if paused else days_ahead(runner, plan, today)
    return planned_events(
        plan.data,
        today,
        dt.date.fromisoformat(paused["date"]) if paused else None,
        has_psfs=has_psfs,
        irritable=irritable,
        adapted=adapted,
        runs_on_hold=on_hold,
        runs_now=runs_now,
    )


def days_ahead(runner: Runner, plan, today: dt.date) -> tuple[dict[str, dict | None], frozenset[str], dict[str, dict]]:
    """The next days' sessions as Today will show them, the days whose planned run is on hold, and the
    runs as Today will show them.

    Further ahead the calendar keeps the plan: the program adapts as the runner logs, so only the
    coming week can be said as it stands.
    """
    from .program import state_for
    from .reports import RUNS_ON_HOLD, running_for

    if today < plan.start_date - ADAPTED_DAYS:
        return {}, frozenset(), {}
    program, _history, state = state_for(runner, plan, today)
    sessions: dict[str, dict | None] = {}
    on_hold, runs_now = set(), {}
    for n in range(ADAPTED_DAYS.days):
        day = today + dt.timedelta(days=n)
        if day < plan.start_date:
            continue
        session = program.session_for(day, state)
        if session is not None:
            session = session | {"phase_title": _phase_title(program, plan.data, session, day)}
        sessions[day.isoformat()] = session
        running = running_for(program, state, day, runner.units)
        if running["mode"] in RUNS_ON_HOLD:
            on_hold.add(day.isoformat())
        runs_now |= {run["date"]: run for run in running["runs_today"]}
    return sessions, frozenset(on_hold), runs_now


def _phase_title(program, plan: dict, session: dict, day: dt.date) -> str:
    if session["kind"] == "settle_down":
        return _("settle-down")
    if session["kind"] == "reentry":
        return _("re-entry")
    week = min(max(program.week_of(day), 1), len(plan["weeks"]))
    return plan["weeks"][week - 1]["phase_title"]


def sequenced(runner: Runner, events: list[Event], today: dt.date) -> list[tuple[Event, int]]:
    """Each event with its SEQUENCE: raised when what the calendar shows changes, kept when it does not.

    An event sent before that no longer comes is sent again: cancelled when it was still ahead, as it
    was when it is past (the past is not rewritten).
    """
    with transaction.atomic():
        stored = {row.key: row for row in CalendarEvent.objects.select_for_update().filter(runner=runner)}
        current = {e.key: e for e in events}
        for key, row in stored.items():
            if key not in current:
                old = Event(**row.data)
                current[key] = old.cancel() if old.date >= today else old
        new, changed, out = [], [], []
        for key, event in sorted(current.items(), key=lambda item: (item[1].day, item[0])):
            digest, row = event.digest(), stored.get(key)
            if row is None:
                new.append(CalendarEvent(runner=runner, key=key, sequence=0, digest=digest, data=event.as_dict()))
            elif row.digest != digest:
                row.sequence, row.digest, row.data = row.sequence + 1, digest, event.as_dict()
                changed.append(row)
            out.append((event, row.sequence if row else 0))
        CalendarEvent.objects.bulk_create(new, ignore_conflicts=True)
        CalendarEvent.objects.bulk_update(changed, ["sequence", "digest", "data"])
    return out


def _entry(runner: Runner, event: Event, sequence: int, site_url: str, at: dt.time | None, now) -> CalendarEntry:
    entry = CalendarEntry()
    entry.add("uid", f"{event.key}.runner-{runner.pk}@backstride")
    entry.add("dtstamp", now)
    entry.add("sequence", sequence)
    entry.add("summary", event.summary)
    if event.description:
        entry.add("description", event.description)
    entry.add("url", f"{site_url.rstrip('/')}/today/?date={event.day}")
    timed = at is not None and event.minutes is not None
    if timed:
        # floating local time: the session is at this hour wherever the runner is
        entry.add("dtstart", dt.datetime.combine(event.date, at))
        entry.add("duration", dt.timedelta(minutes=event.minutes))
    else:
        entry.add("dtstart", event.date)
        entry.add("dtend", event.date + dt.timedelta(days=1))
        entry.add("transp", "TRANSPARENT")
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if event.alarm:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event.summary)
        alarm.add("trigger", TIMED_ALARM if timed else ALL_DAY_ALARM)
        entry.add_component(alarm)
    return entry


def calendar_ics(runner: Runner, site_url: str, today: dt.date | None = None) -> bytes:
    """The runner's whole calendar as iCalendar text."""
    today = today or timezone.localdate()
    feed = CalendarFeed.objects.filter(runner=runner).first()
    at = feed.session_time if feed else None
    cal = Calendar()
    cal.add("prodid", "-//backstride//calendar feed//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Back program: {name}").format(name=runner.name))
    now = timezone.now()
    for event, sequence in sequenced(runner, events_for(runner, today), today):
        cal.add_component(_entry(runner, event, sequence, site_url, at, now))
    return cal.to_ical()
