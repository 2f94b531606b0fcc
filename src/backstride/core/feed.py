"""The calendar feed's events, worked out from a plan: plain values in, plain values out (no Django)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass

from .i18n import _
from .library.dose_words import dose_words
from .tracking.outcomes import PROGRAM_WEEKS, _due_weeks, _week_start

MAINTENANCE_WEEKS_AHEAD = 12  # the weekly maintenance session, this many weeks past today
SAFETY_QUESTION_DAYS = 7  # the weekly check-in's red-flag questions (services.RED_FLAG_INTERVAL_DAYS)


@dataclass(frozen=True)
class Event:
    """One calendar entry. `key` names the session itself (day and kind), never the plan it came from,
    so a re-plan that keeps or moves a session's content keeps its identity."""

    key: str
    day: str  # ISO date
    kind: str  # session, run, maintenance, outcome, checkin
    summary: str
    description: str
    minutes: int | None = None
    cancelled: bool = False

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.day)

    @property
    def alarm(self) -> bool:
        return self.kind in ("session", "maintenance") and not self.cancelled

    def as_dict(self) -> dict:
        return asdict(self)

    def digest(self) -> str:
        """What a calendar shows of the event: a change to it must raise the event's SEQUENCE."""
        return hashlib.sha256(json.dumps(self.as_dict(), sort_keys=True).encode()).hexdigest()[:16]

    def cancel(self) -> Event:
        return Event(**(self.as_dict() | {"cancelled": True}))


def exercise_lines(exercises: list[dict]) -> str:
    lines = []
    for e in exercises:
        lines.append(f"- {e['name']}: {dose_words(e)}")  # "each side" comes with the dose
    return "\n".join(lines)


def _session(s: dict, week: dict, paused_from: dt.date | None) -> Event:
    title = _("Back program: {phase} session ({minutes} min)").format(phase=week["phase_title"], minutes=s["minutes"])
    cancelled = paused_from is not None and s["date"] >= paused_from.isoformat()
    return Event(
        f"{s['date']}-{s['kind']}", s["date"], "session", title, exercise_lines(s["exercises"]), s["minutes"], cancelled
    )


def _run(r: dict, paused_from: dt.date | None) -> Event:
    cancelled = paused_from is not None and r["date"] >= paused_from.isoformat()
    return Event(
        f"{r['date']}-run", r["date"], "run", _("Run: {what}").format(what=r["description"]), "", None, cancelled
    )


def _maintenance(plan: dict, today: dt.date, paused_from: dt.date | None) -> list[Event]:
    m = plan["maintenance"]
    day, last = dt.date.fromisoformat(m["start_date"]), today + dt.timedelta(weeks=MAINTENANCE_WEEKS_AHEAD)
    title = _("Weekly maintenance session ({minutes} min)").format(minutes=m["minutes"])
    events = []
    while day <= last:
        cancelled = paused_from is not None and day >= paused_from
        events.append(
            Event(
                f"{day}-maintenance",
                day.isoformat(),
                "maintenance",
                title,
                exercise_lines(m["exercises"]),
                m["minutes"],
                cancelled,
            )
        )
        day += dt.timedelta(weeks=1)
    return events


def _outcomes(plan: dict, today: dt.date, has_psfs: bool, irritable: bool) -> list[Event]:
    start = dt.date.fromisoformat(plan["start_date"])
    horizon_week = max((today - start).days // 7 + 1, PROGRAM_WEEKS) + MAINTENANCE_WEEKS_AHEAD
    labels = {
        "odi": _("Oswestry questionnaire due"),
        "endurance": _("Trunk endurance self-tests due"),
        "psfs": _("Re-rate your chosen activities (PSFS)"),
    }
    events = []
    for kind in ("odi", "endurance", "psfs"):
        if kind == "psfs" and not has_psfs:
            continue
        for week in _due_weeks(kind, horizon_week, irritable):
            day = _week_start(start, week).isoformat()
            text = _("Record it on the Outcomes page when you have a few quiet minutes.")
            events.append(Event(f"{day}-{kind}", day, "outcome", labels[kind], text))
    return events


def _checkins(plan: dict, today: dt.date) -> list[Event]:
    day = dt.date.fromisoformat(plan["start_date"]) + dt.timedelta(days=SAFETY_QUESTION_DAYS)
    last = today + dt.timedelta(weeks=MAINTENANCE_WEEKS_AHEAD)
    title = _("Weekly check-in: the safety questions")
    text = _("Answer the morning check-in with the weekly safety questions.")
    events = []
    while day <= last:
        events.append(Event(f"{day}-checkin", day.isoformat(), "checkin", title, text))
        day += dt.timedelta(days=SAFETY_QUESTION_DAYS)
    return events


def _adapted(day: str, session: dict | None) -> list[Event]:
    """The session a day holds as the program stands now (settle-down, re-entry, a held week, new doses).

    The session carries `phase_title`, the phase it belongs to now, which the plan's week may not say."""
    if session is None:
        return []
    kind = "maintenance" if session["kind"] == "maintenance" else "session"
    if kind == "maintenance":
        title = _("Weekly maintenance session ({minutes} min)").format(minutes=session["minutes"])
    else:
        title = _("Back program: {phase} session ({minutes} min)").format(
            phase=session["phase_title"], minutes=session["minutes"]
        )
    lines = exercise_lines(session["exercises"])
    return [Event(f"{day}-{session['kind']}", day, kind, title, lines, session["minutes"])]


def planned_events(
    plan: dict,
    today: dt.date,
    paused_from: dt.date | None = None,
    has_psfs: bool = False,
    irritable: bool = False,
    adapted: dict[str, dict | None] | None = None,
    runs_on_hold: frozenset[str] = frozenset(),
    runs_now: dict[str, dict] | None = None,
) -> list[Event]:
    """Every session and run of the plan, maintenance and check-ins until some weeks ahead, and the
    outcome measures' due days. While the program is paused, what falls from the pause on is cancelled.

    `adapted` gives the days just ahead as the program stands now (ISO day to its session, or None for
    none), replacing what the plan had on them; runs on the days in `runs_on_hold` are cancelled, and
    `runs_now` gives a day's run as it stands (shorter in a week held below the plan's volume).
    """
    adapted, runs_now = adapted or {}, runs_now or {}
    events = []
    for week in plan["weeks"]:
        events += [_session(s, week, paused_from) for s in week["sessions"] if s["date"] not in adapted]
        events += [
            _run(runs_now.get(r["date"], r), paused_from)
            if r["date"] not in runs_on_hold
            else _run(r, paused_from).cancel()
            for r in week["running"]["runs"]
        ]
    for day, session in adapted.items():
        events += _adapted(day, session)
    events += [e for e in _maintenance(plan, today, paused_from) if e.day not in adapted]
    events += _outcomes(plan, today, has_psfs, irritable)
    events += _checkins(plan, today)
    return sorted(events, key=lambda e: (e.day, e.key))
