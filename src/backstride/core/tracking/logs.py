"""Validating what a runner logs: sessions, check-ins, runs (format backstride.session-log/1)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from ..intake import PlausibleDate, RedFlags
from ..validation import validate
from .events import CheckInReport, ExerciseResult, RunReport, SessionReport

Pain = Annotated[int, Field(ge=0, le=10, strict=True)]
SESSION_LOG_FORMAT = "backstride.session-log/1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExerciseEntry(_Strict):
    slug: Annotated[str, Field(min_length=1, max_length=80)]
    completed: StrictBool = True
    sets: Annotated[int, Field(ge=0, le=20, strict=True)] | None = None
    reps: Annotated[int, Field(ge=0, le=200, strict=True)] | None = None
    hold_seconds: Annotated[int, Field(ge=0, le=600, strict=True)] | None = None
    pain: Pain | None = None


class SessionLogInput(_Strict):
    format: Literal["backstride.session-log/1"] = SESSION_LOG_FORMAT
    date: PlausibleDate
    pain_before: Pain
    pain_during: Pain
    pain_after: Pain
    effort: Pain | None = None
    note: Annotated[str, Field(max_length=2000)] = ""
    as_planned: StrictBool = False
    exercises: Annotated[list[ExerciseEntry], Field(max_length=40)] = []

    def report(self) -> SessionReport:
        return SessionReport(
            date=self.date,
            pain_before=self.pain_before,
            pain_during=self.pain_during,
            pain_after=self.pain_after,
            effort=self.effort,
            as_planned=self.as_planned or not self.exercises,
            note=self.note,
            exercises=tuple(
                ExerciseResult(e.slug, e.completed, e.pain, e.sets, e.reps, e.hold_seconds) for e in self.exercises
            ),
        )


class CheckInInput(_Strict):
    date: PlausibleDate
    pain: Pain
    stiffness: Pain | None = None
    leg_symptoms: StrictBool = False
    leg_weakness: StrictBool = False  # weakness is a leg symptom too: it implies leg_symptoms
    red_flags: RedFlags | None = None

    def report(self, status: str | None = None, message: str = "") -> CheckInReport:
        legs = self.leg_symptoms or self.leg_weakness
        return CheckInReport(self.date, self.pain, self.stiffness, status, message, legs, self.leg_weakness)


class RunInput(_Strict):
    date: PlausibleDate
    km: Annotated[float, Field(ge=0, le=300, strict=True)]
    minutes: Annotated[float, Field(gt=0, le=1800, strict=True)]
    pain_during: Pain
    pain_after: Pain | None = None
    walk: StrictBool = False  # a walk rather than a run (the return to running counts comfortable walks)
    effort: Pain | None = None  # how hard it felt, 0-10 (session RPE)

    def report(self) -> RunReport:
        return RunReport(self.date, self.km, self.minutes, self.pain_during, self.pain_after, self.walk, self.effort)


class RunRating(_Strict):
    """The runner's answers for a run a watch recorded: the pain that guides the program, and the effort."""

    pain_during: Pain
    pain_after: Pain | None = None
    effort: Pain | None = None


def parse_session_log(data: object) -> SessionLogInput:
    return validate(SessionLogInput, data, "session log")


def parse_checkin(data: object) -> CheckInInput:
    return validate(CheckInInput, data, "check-in")


def parse_run(data: object) -> RunInput:
    return validate(RunInput, data, "run")


def parse_run_rating(data: object) -> RunRating:
    return validate(RunRating, data, "run rating")
