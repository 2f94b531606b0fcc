"""How each plan session went: done, partly done or missed, with the exercises as they were done.

Plain values in, plain values out: the plan as stored, the session logs and the day asked about.
"""

from __future__ import annotations

import datetime as dt

from backstride.core.planner.dosage import prescription
from backstride.core.tracking.events import SessionReport

DONE, PARTLY_DONE, MISSED = "done", "partly_done", "missed"
# a log a day or two off still stands for that week's nearest session, as the adaptation reads it
NEAR_DAYS = 3


def logs_by_session(session_dates: list[dt.date], logs: tuple[SessionReport, ...]) -> dict[dt.date, SessionReport]:
    """Each session day with the log that stands for it: one on the day, else the nearest in its week."""
    planned = set(session_dates)
    found: dict[dt.date, SessionReport] = {}
    for log in logs:
        if log.date in planned:
            found.setdefault(log.date, log)
    for log in logs:
        if log.date in planned:
            continue
        week_start = log.date - dt.timedelta(days=log.date.weekday())
        near = [
            d
            for d in session_dates
            if d not in found and abs((d - log.date).days) <= NEAR_DAYS and d - dt.timedelta(d.weekday()) == week_start
        ]
        if near:
            found[min(near, key=lambda d: (abs((d - log.date).days), d))] = log
    return found


def status_of(planned: dict, log: SessionReport | None, session_day: dt.date, today: dt.date) -> str | None:
    """Done, partly done, missed, or None for a session still ahead (or today's, not yet logged)."""
    if log is None:
        return MISSED if session_day < today else None
    completed = [e for e in log.exercises if e.completed]
    if len(completed) < len(log.exercises):
        return PARTLY_DONE
    if not log.as_planned and len(completed) < len(planned["exercises"]):
        return PARTLY_DONE
    return DONE


def exercises_done(planned: dict, log: SessionReport, library, ladders: dict) -> list[dict]:
    """The exercises as logged, each with its dose and whether it was completed.

    A log without a list of exercises was the session as planned. One the plan did not have that
    day (a swap, a settle-down walk) takes its slot from the ladder it is on.
    """
    if not log.exercises:
        return [e | {"completed": True} for e in planned["exercises"]]
    by_slug = {e["slug"]: e for e in planned["exercises"]}
    out = []
    for result in log.exercises:
        shown = by_slug.get(result.slug)
        if shown is None:
            if result.slug not in library:
                continue  # an exercise since taken out of the library: nothing to name it by
            slot = next((slot for slot, rungs in ladders.items() if any(r.slug == result.slug for r in rungs)), "")
            shown = prescription(library[result.slug], 0) | {"slot": slot or "extra"}
        shown = dict(shown)
        for key in ("sets", "reps", "hold_seconds"):
            value = getattr(result, key)
            if value:
                shown[key] = value
        out.append(shown | {"completed": result.completed})
    return out
