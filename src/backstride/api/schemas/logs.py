"""What a runner has logged, and what the adaptation made of a new log."""

from __future__ import annotations

import datetime as dt

from .common import DecisionOut, Out, ReferralOut


class ExerciseDoneOut(Out):
    slug: str
    completed: bool
    sets: int | None
    reps: int | None
    hold_seconds: int | None
    pain: int | None


class SessionLogOut(Out):
    id: int
    date: dt.date
    pain_before: int
    pain_during: int
    pain_after: int
    effort: int | None
    as_planned: bool
    note: str
    exercises: list[ExerciseDoneOut]


class CheckInOut(Out):
    id: int
    date: dt.date
    pain: int
    stiffness: int | None
    leg_symptoms: bool
    leg_weakness: bool
    red_flags: dict[str, bool] | None  # the weekly answers, on the days they were asked
    red_flag_status: str | None


class RunLogOut(Out):
    id: int
    date: dt.date
    km: float
    minutes: float  # moving time, for a recorded run
    pain_during: int | None  # null: a recorded run waiting for the runner's answer (it guides nothing yet)
    pain_after: int | None
    effort: int | None
    walk: bool
    started_at: dt.datetime | None  # recorded runs only, from here on
    elapsed_minutes: float | None
    ascent_m: float | None
    avg_hr: int | None
    sport: str
    source_name: str
    source_format: str  # fit, gpx or tcx; empty for a run typed by hand


class LoggedOut(Out):
    """A log was stored: the changes it made to the program, and a pause if it raised a red flag."""

    date: dt.date
    changes: list[DecisionOut]
    paused: ReferralOut | None
