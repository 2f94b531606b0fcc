"""The adaptation's state at a date: where each slot stands, running, episodes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .decisions import Decision, Episode, Nudge

# Why the program is paused: a warning sign, new leg symptoms, or pain that did not settle.
RED_FLAG, LEG_SYMPTOMS, PAIN_NOT_SETTLING = "red_flag", "leg_symptoms", "pain_not_settling"


@dataclass
class Referral:
    date: dt.date
    status: str
    message: str
    reasons: list[str] = field(default_factory=list)
    cause: str = RED_FLAG

    def as_dict(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "status": self.status,
            "message": self.message,
            "reasons": self.reasons,
            "cause": self.cause,
        }


@dataclass
class ProgramState:
    as_of: dt.date
    positions: dict[str, int] = field(default_factory=dict)
    good_streak: dict[str, int] = field(default_factory=dict)
    run_pos: int = 0  # index into the plan's weekly running caps; negative = below week 1
    run_stage: int = 0  # walk-run stage index
    runs_at_stage: int = 0
    flare_start: dt.date | None = None
    flare_reason: str = ""
    paused: Referral | None = None
    reentry_start: dt.date | None = None
    reentry_end: dt.date | None = None
    baseline: float = 0.0
    decisions: list[Decision] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)
    nudges: list[Nudge] = field(default_factory=list)
    pain_free_since: dt.date | None = None
    settled_baseline: float | None = None  # the lowest weekly level the mornings settled at
    pain_rise_since: dt.date | None = None  # mornings held 2+ points above the settled baseline
    removed: dict[str, dict] = field(default_factory=dict)  # slot -> {date, phase, reason}
    walk_run_from: dt.date | None = None  # the return to running was judged ready on this day
    walk_run_missing: list[str] = field(default_factory=list)  # what the readiness rule still needs

    def decisions_for(self, target: str) -> list[Decision]:
        return [d for d in self.decisions if d.target == target]

    def in_flare(self, day: dt.date) -> bool:
        return self.flare_start is not None and day >= self.flare_start

    def in_reentry(self, day: dt.date) -> bool:
        return self.reentry_start is not None and self.reentry_start <= day <= (self.reentry_end or day)

    def as_dict(self, last_decisions: int | None = None) -> dict:
        """Plain values; only the latest `last_decisions` decisions when given."""
        decisions = self.decisions if last_decisions is None else self.decisions[-last_decisions:]
        return {
            "as_of": self.as_of.isoformat(),
            "positions": dict(self.positions),
            "run_pos": self.run_pos,
            "run_stage": self.run_stage,
            "runs_at_stage": self.runs_at_stage,
            "flare": {"start": self.flare_start.isoformat(), "reason": self.flare_reason} if self.flare_start else None,
            "paused": self.paused.as_dict() if self.paused else None,
            "reentry": {"start": self.reentry_start.isoformat(), "end": self.reentry_end.isoformat()}
            if self.reentry_start and self.reentry_end
            else None,
            "baseline": self.baseline,
            "settled_baseline": self.settled_baseline,
            "pain_rise_since": self.pain_rise_since.isoformat() if self.pain_rise_since else None,
            "removed": dict(self.removed),
            "walk_run_from": self.walk_run_from.isoformat() if self.walk_run_from else None,
            "walk_run_missing": list(self.walk_run_missing),
            "decisions": [d.as_dict() for d in decisions],
            "episodes": [e.as_dict() for e in self.episodes],
            "nudges": [n.as_dict() for n in self.nudges],
        }
