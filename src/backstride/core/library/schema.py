"""The schema every exercise file is validated against when it is loaded."""

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .vocabulary import (
    DOSAGE_FIELDS,
    SHORT_HOLD_MAX_SECONDS,
    Category,
    DosageType,
    Equipment,
    Position,
    SpineLoading,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Lines = Annotated[list[Text], Field(min_length=1)]

# A stop_if line names the sign in its first sentence and says what to do in the
# rest: what to do now (the second sentence opens with one of STOP_NOW), then what
# comes next (at least one of NEXT_STEPS: the log or the morning check-in the plan
# adapts from, a clinician, or what to do next time).
STOP_NOW = ("stop", "slow down", "record")
NEXT_STEPS = (
    "check-in",
    "when you log",
    "physiotherapist",
    "doctor",
    "easier version",
    "next time",
    "next session",
)
# A line about leg symptoms names all three nerve signs the morning check-in asks
# about, so none is taken for harmless (CLINICAL.md section 1, the caution).
LEG_SIGNS = ("numbness", "pins and needles", "weakness")
_LEG = re.compile(r"\blegs?\b")
_NERVE_WORDS = re.compile(r"numb|pins and needles|tingl|weak|electric|spreads? into")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def stop_if_problem(line: str) -> str | None:
    """Why a stop_if line does not say what to do next, or None when it does."""
    _sign, *rest = _SENTENCE_BREAK.split(line.strip(), maxsplit=1)
    action = rest[0].lower() if rest else ""
    if not action:
        return "must name the sign in one sentence, then say what to do in the next"
    if not action.startswith(STOP_NOW):
        return f"must say what to do now, starting the second sentence with one of {list(STOP_NOW)}"
    if not any(step in action for step in NEXT_STEPS):
        return f"must say what to do next, with one of {list(NEXT_STEPS)}"
    text = line.lower()
    if _LEG.search(text) and _NERVE_WORDS.search(text) and not all(s in text for s in LEG_SIGNS):
        return f"is about leg symptoms, so must name all of {list(LEG_SIGNS)}"
    return None


class DosageStep(BaseModel):
    """One rung of an exercise's dosage ladder."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: int = Field(ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=60)
    hold_seconds: int | None = Field(default=None, ge=1, le=180)
    minutes: float | None = Field(default=None, gt=0, le=90)
    metres: int | None = Field(default=None, ge=5, le=2000)

    def values(self) -> dict[str, float]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class Dosage(BaseModel):
    """How an exercise is dosed: its type and a ladder of steps, easiest first.

    Consecutive steps change exactly one number, upwards, so the planner can
    progress one variable at a time (CLINICAL.md section 4).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: DosageType
    per_side: bool
    rest_seconds: int = Field(ge=0, le=300)
    steps: Annotated[list[DosageStep], Field(min_length=2, max_length=8)]

    @model_validator(mode="after")
    def _steps_fit_type_and_rise_one_at_a_time(self) -> "Dosage":
        wanted = set(DOSAGE_FIELDS[self.type])
        for n, step in enumerate(self.steps, start=1):
            given = set(step.values())
            if given != wanted:
                raise ValueError(
                    f"dosage.steps[{n}] must give exactly {sorted(wanted)} "
                    f"for type {self.type.value}, got {sorted(given)}"
                )
        for n, (a, b) in enumerate(zip(self.steps, self.steps[1:], strict=False), start=2):
            changed = [k for k in wanted if a.values()[k] != b.values()[k]]
            if len(changed) != 1 or b.values()[changed[0]] < a.values()[changed[0]]:
                raise ValueError(f"dosage.steps[{n}] must raise exactly one number over the step before")
        return self


class ExerciseSchema(BaseModel):
    """One exercise of the library, as written in its YAML file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: Slug
    name: Text
    category: Category
    level: int = Field(ge=1, le=5)
    position: Position
    equipment: list[Equipment]
    spine_loading: list[SpineLoading]
    purpose: Text
    setup: Text
    steps: Lines
    cues: Lines
    common_mistakes: Lines
    should_feel: Text
    stop_if: Lines
    dosage: Dosage
    short_holds: bool = False
    progression: Slug | None
    regression: Slug | None
    author: Text
    licence: Text

    @field_validator("stop_if")
    @classmethod
    def _stop_if_says_what_to_do_next(cls, lines: list[str]) -> list[str]:
        for n, line in enumerate(lines, start=1):
            problem = stop_if_problem(line)
            if problem:
                raise ValueError(f"stop_if[{n}] {problem}: {line!r}")
        return lines

    @model_validator(mode="after")
    def _short_holds_stay_short(self) -> "ExerciseSchema":
        if self.short_holds:
            for step in self.dosage.steps:
                if (step.hold_seconds or 0) > SHORT_HOLD_MAX_SECONDS:
                    raise ValueError(f"short_holds exercises keep hold_seconds at or below {SHORT_HOLD_MAX_SECONDS}")
        if self.slug in (self.progression, self.regression):
            raise ValueError("an exercise cannot progress or regress to itself")
        return self
