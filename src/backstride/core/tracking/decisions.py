"""Decisions the adaptation makes, each with a reason a runner can read."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

PROGRESS, HOLD, STEP_BACK = "progress", "hold", "step_back"
FLARE_UP, FLARE_OVER, PAUSE, RESUME = "flare_up", "flare_over", "pause", "resume"
RECURRENCE, NUDGE, REVIEW = "recurrence", "nudge", "review"
ADJUSTED = "adjusted"  # a clinician changed the plan


@dataclass(frozen=True)
class Decision:
    date: dt.date  # when it was decided
    target: str  # a slot, "running" or "program"
    kind: str
    reason: str
    details: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple:
        return (self.date.isoformat(), self.target, self.kind)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        return d


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


def day_name(day: dt.date) -> str:
    return day.strftime("%A")


def dose_words(values: dict) -> str:
    sets = values.get("sets", 1)
    if "reps" in values and "hold_seconds" in values:
        return f"{sets} × {values['reps']} reps with {values['hold_seconds']} s holds"
    if "reps" in values:
        return f"{sets} × {values['reps']} reps"
    if "hold_seconds" in values:
        return f"{sets} × {values['hold_seconds']} s"
    if "minutes" in values:
        return f"{sets} × {values['minutes']:g} min"
    return f"{sets} × {values.get('metres', 0)} m"
