"""Sessions, doses and running guidance: the pieces of `today` and `plan`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .common import Number, Out


class PrescriptionOut(Out):
    """One exercise with its dose; only the dosage fields that apply are present."""

    slug: str
    name: str
    category: str
    level: int
    dosage_type: str
    dosage_step: int
    dosage_steps: int
    sets: int
    per_side: bool
    rest_seconds: int
    slot: str
    reps: int | None = None
    hold_seconds: int | None = None
    minutes: Number | None = None
    metres: int | None = None
    planned: dict[str, Any] | None = None  # the plan's own dose, when the adaptation changed it


class SessionOut(Out):
    """A session as planned, or as adapted for the day (`note` and `hard` only where they apply)."""

    date: dt.date
    day: str
    kind: str
    minutes: int
    exercises: list[PrescriptionOut]
    note: str | None = None
    hard: bool | None = None
    lower_intensity: bool | None = None  # a trunk session on a restricted day, on the easiest doses
    left_out: list[dict[str, str]] | None = None  # exercises left out for now, each with its reason


class DailyMobilityOut(Out):
    note: str
    minutes: int
    exercises: list[PrescriptionOut]


class PlannedRunOut(Out):
    date: dt.date
    kind: str
    description: str
    km: Number | None = None
    stage: int | None = None
    run_minutes: Number | None = None
    walk_minutes: Number | None = None
    repeats: int | None = None
    done: bool = False  # a run or walk was logged or imported on its day


class RunningSoFarOut(Out):
    """This plan week's runs so far (walks are not run volume), and what is left of the week's cap."""

    km: Number
    distance: str  # in the runner's units, for showing
    runs: int
    left: str | None  # null when the week has no distance cap (walking, walk-run, paused)


class WeekRunningOut(Out):
    """A plan week's running guidance."""

    mode: str
    status: str
    summary: str
    pain_rule: str
    weekly_km_cap: Number | None
    long_run_km_cap: Number | None
    runs: list[PlannedRunOut]
    walk_run_return: bool | None = None  # the return to running goes through walking and walk-run
    # the week holding the day asked about reads as today does: adapted words and cap, and the runs so far
    adapted: bool = False
    this_week: RunningSoFarOut | None = None


class TodayRunningOut(Out):
    """Running for the day, adapted: paused, settle-down, a walk-run stage or a weekly cap."""

    status: str
    mode: str
    summary: str
    pain_rule: str
    runs_today: list[PlannedRunOut]
    stage: int | None = None
    weekly_km_cap: Number | None = None
    walk_run_missing: list[str] | None = None  # what the return to running still needs, while walking
    this_week: RunningSoFarOut | None = None
