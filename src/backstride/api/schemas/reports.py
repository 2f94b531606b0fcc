"""What runners.reports returns for today and for the plan with its changes."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import NEWEST_FIRST, EpisodeOut, NudgeOut, Out, PlanChangeOut, ReferralOut
from .program import DailyMobilityOut, PrescriptionOut, SessionOut, TodayRunningOut, WeekRunningOut


class FlareUpOut(Out):
    since: dt.date
    reason: str


class CheckInDueOut(Out):
    due: bool
    red_flags_due: bool


class OutcomeDueOut(Out):
    kind: str
    week: int
    since: dt.date
    message: str
    instructions: list[str] | None = None  # for the endurance self-tests: the positions and when to stop


class LessonOut(Out):
    slug: str
    title: str
    summary: str


class TodayOut(Out):
    runner: str
    date: dt.date
    week: int
    phase: str
    paused: ReferralOut | None
    flare_up: FlareUpOut | None
    session: SessionOut | None
    session_logged: bool
    daily_mobility: DailyMobilityOut | None
    running: TodayRunningOut
    checkin: CheckInDueOut
    outcomes_due: list[OutcomeDueOut]
    nudges: list[NudgeOut]
    recent_changes: list[PlanChangeOut] = Field(
        description=f"The latest few changes with their reasons. {NEWEST_FIRST}"
    )
    lesson: LessonOut | None = None  # the lesson of the day, read in full at /learn/SLUG/


class PlanSessionOut(Out):
    planned: SessionOut
    adapted: SessionOut | None  # only within the coming week, and only where it differs


class PlanWeekOut(Out):
    number: int
    phase: str
    phase_title: str
    start_date: dt.date
    end_date: dt.date
    sessions: list[PlanSessionOut]
    running: WeekRunningOut


class MaintenanceOut(Out):
    from_week: int
    start_date: dt.date
    sessions_per_week: int
    day: str
    minutes: int
    exercises: list[PrescriptionOut]
    note: str


class PlanOut(Out):
    runner: str
    start_date: dt.date
    end_date: dt.date
    weeks: list[PlanWeekOut]
    maintenance: MaintenanceOut
    changes: list[PlanChangeOut] = Field(description=f"Every change to the plan with its reason. {NEWEST_FIRST}")
    episodes: list[EpisodeOut]
    paused: ReferralOut | None
