"""Decisions the adaptation makes, each with a reason a runner can read."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from ..i18n import _, gettext_noop

PROGRESS, HOLD, STEP_BACK = "progress", "hold", "step_back"
FLARE_UP, FLARE_OVER, PAUSE, RESUME = "flare_up", "flare_over", "pause", "resume"
RECURRENCE, NUDGE, REVIEW = "recurrence", "nudge", "review"
REMOVED = "removed"  # an exercise left out: it hurt even at its easiest step
ALLOWED = "allowed"  # a hold on moving up is lifted (mornings settled, or walk-run may start)
ADJUSTED = "adjusted"  # a clinician changed the plan


@dataclass(frozen=True)
class Decision:
    date: dt.date  # when it was decided
    target: str  # a slot, "running" or "program"
    kind: str
    reason: str
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "target": self.target,
            "kind": self.kind,
            "reason": self.reason,
            "details": copy.deepcopy(self.details),
        }


@dataclass(frozen=True)
class Episode:
    kind: str  # flare_up, recurrence, referral
    start: dt.date
    end: dt.date | None
    reason: str
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "reason": self.reason,
            "details": self.details,
        }


@dataclass(frozen=True)
class Nudge:
    date: dt.date
    kind: str
    message: str

    def as_dict(self) -> dict:
        return {"date": self.date.isoformat(), "kind": self.kind, "message": self.message}


WEEKDAYS = (
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
)


def day_name(day: dt.date) -> str:
    return _(WEEKDAYS[day.weekday()])


def dose_words(values: dict) -> str:
    """A dose as the adaptation's reasons word it. Reasons are stored and compared by their text, so they
    keep these words; pages, printouts and the command line use core.library.dose_words."""
    sets = values.get("sets", 1)
    if "reps" in values and "hold_seconds" in values:
        return _("{sets} × {reps} reps with {hold} s holds").format(
            sets=sets, reps=values["reps"], hold=values["hold_seconds"]
        )
    if "reps" in values:
        return _("{sets} × {reps} reps").format(sets=sets, reps=values["reps"])
    if "hold_seconds" in values:
        return _("{sets} × {hold} s").format(sets=sets, hold=values["hold_seconds"])
    if "minutes" in values:
        return _("{sets} × {minutes:g} min").format(sets=sets, minutes=values["minutes"])
    return _("{sets} × {metres} m").format(sets=sets, metres=values.get("metres", 0))
