"""What the runner reports, as plain values the adaptation replays in date order."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ExerciseResult:
    slug: str
    completed: bool = True
    pain: int | None = None  # pain during this exercise, if reported
    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None


@dataclass(frozen=True)
class SessionReport:
    date: dt.date
    pain_before: int
    pain_during: int  # the worst during the session
    pain_after: int
    effort: int | None = None  # Borg CR10
    as_planned: bool = False
    exercises: tuple[ExerciseResult, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class CheckInReport:
    date: dt.date
    pain: int  # next-morning pain
    stiffness: int | None = None
    red_flag_status: str | None = None  # None when not asked, else clear / refer_urgent / refer_emergency
    red_flag_message: str = ""
    leg_symptoms: bool = False  # new numbness, pins and needles or weakness, or leg pain worse
    leg_weakness: bool = False  # weakness in a leg among those symptoms
    red_flag_reasons: tuple[str, ...] = ()  # the warning signs answered yes, in the runner's words


@dataclass(frozen=True)
class RunReport:
    date: dt.date
    km: float
    minutes: float
    pain_during: int | None  # None: recorded by a watch and not yet rated; it counts for load only
    pain_after: int | None = None
    walk: bool = False  # a walk rather than a run: evidence for the return to running, not run volume
    effort: int | None = None  # session RPE 0-10: load is effort × minutes


@dataclass(frozen=True)
class Clearance:
    """A clinician cleared a referral: the program resumes."""

    date: dt.date
    note: str = ""
    by: str = ""  # the clinician's name, when it was recorded


@dataclass(frozen=True)
class PlanAdjustment:
    """A clinician's change: swap an exercise or set its dosage in a slot, or hold / advance a phase."""

    date: dt.date
    kind: str  # swap, dosage, hold_phase, advance_phase
    note: str
    slot: str = ""
    slug: str = ""
    dosage_step: int = 0  # 0-based rung of the exercise's dosage ladder
    author: str = "your clinician"


@dataclass(frozen=True)
class History:
    sessions: tuple[SessionReport, ...] = ()
    checkins: tuple[CheckInReport, ...] = ()
    runs: tuple[RunReport, ...] = ()
    clearances: tuple[Clearance, ...] = ()
    baseline_pain: int = 0
    baseline_stiffness: int | None = None
    walk_30_min_comfortable: bool = False  # said so at the assessment (CLINICAL.md s7)

    def with_session(self, report: SessionReport) -> History:
        """This history with one more session, after those logged before it (sessions are in date order,
        and a day's sessions in the order they were logged)."""
        at = bisect.bisect_right(self.sessions, report.date, key=lambda s: s.date)
        return replace(self, sessions=(*self.sessions[:at], report, *self.sessions[at:]))
