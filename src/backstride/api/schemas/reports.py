"""What runners.reports returns for today and for the plan with its changes."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .common import NEWEST_FIRST, EpisodeOut, NudgeOut, Number, Out, PlanChangeOut, ReferralOut
from .program import DailyMobilityOut, PrescriptionOut, SessionOut, TodayRunningOut, WeekRunningOut

PLAN_CHANGES = 20  # the plan lists its latest changes; a year holds hundreds, paged at /plan/changes
CHANGES_PAGE = 50


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


class RunToRateOut(Out):
    """A recorded run waiting for how it felt: rate it with POST /runs/{id}/rating."""

    id: int
    date: dt.date
    km: Number
    distance: str  # in the runner's units, for showing
    minutes: int
    walk: bool
    sport: str
    source: str  # the file it came from


class TodayOut(Out):
    runner: str
    date: dt.date
    week: int = Field(description="The program's week; 0 before it starts")
    starts: dt.date = Field(description="The first day of week 1")
    phase: str
    paused: ReferralOut | None
    flare_up: FlareUpOut | None
    session: SessionOut | None
    session_logged: bool
    daily_mobility: DailyMobilityOut | None
    running: TodayRunningOut
    runs_to_rate: list[RunToRateOut] = Field(default_factory=list)
    checkin: CheckInDueOut
    outcomes_due: list[OutcomeDueOut]
    nudges: list[NudgeOut]
    recent_changes: list[PlanChangeOut] = Field(
        description=f"The latest few changes with their reasons. {NEWEST_FIRST}"
    )
    lesson: LessonOut | None = None  # the lesson of the day, read in full at /learn/SLUG/


class PlanExerciseOut(PrescriptionOut):
    completed: bool | None = None  # on a logged session: whether this exercise was done in full


class PlanSessionOut(Out):
    planned: SessionOut
    adapted: SessionOut | None  # only within the coming week, and only where it differs
    status: Literal["done", "partly_done", "missed"] | None = Field(
        description="How the session went: done, partly done (some exercises not completed), "
        "or missed (a past session day with no log); null for a session still ahead or today's not yet logged."
    )
    logged_on: dt.date | None  # the day of the log that stands for it (a log a day or two off counts)
    exercises: list[PlanExerciseOut] = Field(
        description="The exercises with their doses: as logged, else as adapted for the coming week, else as planned."
    )


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


class MaintenanceSessionOut(SessionOut):
    week: int  # the program week it falls in (9 and on)


class PlanOut(Out):
    runner: str
    start_date: dt.date
    end_date: dt.date
    weeks: list[PlanWeekOut]
    maintenance: MaintenanceOut
    maintenance_sessions: list[MaintenanceSessionOut] = Field(
        description="The weekly core sessions of the four weeks after the 8 weeks, as they stand; none while paused"
    )
    changes: list[PlanChangeOut] = Field(
        description=f"The latest {PLAN_CHANGES} changes to the plan, each with its reason. {NEWEST_FIRST} "
        "Every change is listed, a page at a time, at /api/v1/plan/changes."
    )
    changes_total: int = Field(description="How many changes there are in all")
    episodes: list[EpisodeOut]
    paused: ReferralOut | None


class PlanChangesOut(Out):
    """Every change to the plan, a page at a time."""

    page: int
    pages: int
    total: int
    changes: list[PlanChangeOut] = Field(description=f"{CHANGES_PAGE} changes a page. {NEWEST_FIRST}")
