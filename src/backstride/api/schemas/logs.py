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
    minutes: float
    pain_during: int
    pain_after: int | None
    walk: bool


class LoggedOut(Out):
    """A log was stored: the changes it made to the program, and a pause if it raised a red flag."""

    date: dt.date
    changes: list[DecisionOut]
    paused: ReferralOut | None
