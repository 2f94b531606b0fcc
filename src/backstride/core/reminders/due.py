"""Which messages are due for one person at one local moment: plain values in, plain values out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..feed import Event
from . import rules
from .clock import past_send_time

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Preferences:
    at: dt.time  # the wall-clock time messages go out at, in the person's own zone
    quiet_days: frozenset[int] = frozenset()  # weekdays without messages, 0 = Monday


@dataclass(frozen=True)
class RunnerDay:
    """What the reminders need to know of one runner around one local day."""

    events: tuple[Event, ...]  # the calendar feed's events (only the days around today are read)
    logged_days: frozenset[dt.date]  # days with a session logged
    plan_start: dt.date
    paused: bool = False
    # the adaptation's missed-maintenance-week nudges (state.nudges), and the day it has judged up to
    nudge_dates: tuple[dt.date, ...] = ()
    judged_until: dt.date | None = None
    settling: bool = False  # in a flare-up's settle-down block: gentle movement stands in for the sessions


@dataclass(frozen=True)
class Due:
    kind: str
    day: dt.date  # the person's local date: one message of a kind a day
    detail: dict = field(default_factory=dict)  # plain values the message's words use


def _week_of(day: dt.date, start: dt.date) -> tuple[dt.date, dt.date]:
    """The program week holding `day` (weeks run from the plan's first day), as first and last day."""
    first = start + dt.timedelta(weeks=(day - start).days // 7)
    return first, first + dt.timedelta(days=6)


def missed_maintenance_weeks(runner: RunnerDay, today: dt.date) -> int:
    """Maintenance weeks in a row, up to last week, that went by without a session.

    Where the adaptation has judged a week (up to `judged_until`) its nudge is the answer; the weeks
    after it, which nothing has replayed yet because the runner logged nothing, are read from the logs.
    """
    weeks = sorted(
        {_week_of(e.date, runner.plan_start) for e in runner.events if e.kind == "maintenance" and e.date < today},
        reverse=True,
    )
    missed = 0
    for first, last in weeks[: rules.MISSED_WEEKS_LOOKBACK + 1]:
        if last >= today:
            continue  # this week is not over yet
        if runner.judged_until is not None and last <= runner.judged_until:
            gone_by = any(first <= d <= last for d in runner.nudge_dates)
        else:
            gone_by = not any(first <= d <= last for d in runner.logged_days)
        if not gone_by:
            break
        missed += 1
    return missed


def _outcome_kind(event: Event) -> str:
    return event.key.rsplit("-", 1)[1]  # the feed's keys are "<date>-<kind>"


def _quiet_or_early(prefs: Preferences, now_local: dt.datetime) -> bool:
    return now_local.weekday() in prefs.quiet_days or not past_send_time(now_local, prefs.at)


def due_for_runner(runner: RunnerDay, prefs: Preferences, now_local: dt.datetime) -> list[Due]:
    """The runner's messages due now: none on a quiet day or before the chosen time."""
    if _quiet_or_early(prefs, now_local) or (runner.paused and not rules.SEND_WHILE_PAUSED):
        return []
    today = now_local.date()
    todays = [e for e in runner.events if e.date == today and not e.cancelled]
    done_today = today in runner.logged_days
    out: list[Due] = []
    session = next((e for e in todays if e.kind == "session"), None)
    if session and not done_today:
        # while a flare-up settles, the day's page has gentle movement instead of the session
        detail = {"settling": True} if runner.settling else {"minutes": session.minutes}
        out.append(Due(rules.SESSION_DAY, today, detail))
    maintenance = next((e for e in todays if e.kind == "maintenance"), None)
    if maintenance and not done_today:
        missed = missed_maintenance_weeks(runner, today)
        out.append(Due(rules.maintenance_kind(missed), today, {"minutes": maintenance.minutes, "missed_weeks": missed}))
    yesterday = today - DAY
    missed_yesterday = any(
        e.date == yesterday and e.kind == "session" and not e.cancelled for e in runner.events
    ) and not ({yesterday, today} & runner.logged_days)
    # one nudge a day is enough (today's session message says it all), and none while a flare-up settles:
    # leaving a session out then is what the program asked for
    if missed_yesterday and not out and not runner.settling:
        out.append(Due(rules.MISSED_SESSION, today))
    outcomes = sorted({_outcome_kind(e) for e in todays if e.kind == "outcome"})
    if outcomes:
        out.append(Due(rules.OUTCOME_DUE, today, {"outcomes": outcomes}))
    if any(e.kind == "checkin" for e in todays):
        out.append(Due(rules.SAFETY_QUESTIONS, today))
    return out


def clinician_digest_due(prefs: Preferences, now_local: dt.datetime) -> Due | None:
    if now_local.weekday() != rules.DIGEST_WEEKDAY or _quiet_or_early(prefs, now_local):
        return None
    return Due(rules.CLINICIAN_DIGEST, now_local.date())


def lapsed_weeks(runner: RunnerDay, today: dt.date) -> int:
    """Missed maintenance weeks as the roster sees them: a session this week already ends the lapse."""
    first, _last = _week_of(today, runner.plan_start)
    if any(first <= d <= today for d in runner.logged_days):
        return 0
    return missed_maintenance_weeks(runner, today)


def roster_flag(missed_weeks: int) -> bool:
    return missed_weeks >= rules.ROSTER_FLAG_MISSED_WEEKS


def kinds(dues: Iterable[Due]) -> list[str]:
    return [d.kind for d in dues]
