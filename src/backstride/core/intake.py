"""The intake file (format backstride.intake/1): parsing and validation.

The field names and meanings are a public contract (PRODUCT.md); new fields are
optional. Any error names the field and the allowed values.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from .errors import InputError
from .inputs import PLAIN_TEXT
from .validation import validate

FORMAT = "backstride.intake/1"

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Activity = Literal[
    "sitting",
    "bending_forward",
    "lifting",
    "getting_up_from_sitting",
    "standing",
    "walking",
    "arching_back",
    "lying_on_front",
    "running",
    "running_downhill",
    "twisting",
]
EquipmentName = Literal[
    "mat",
    "wall",
    "chair",
    "step",
    "band",
    "loop_band",
    "dumbbells",
    "kettlebell",
    "stability_ball",
    "foam_roller",
    "bench",
]
RunningStatus = Literal["running_pain_free", "running_with_pain", "stopped_due_to_pain"]
Bother = Literal["not_at_all", "slightly", "moderately", "very_much", "extremely"]
Pain = Annotated[int, Field(ge=0, le=10, strict=True)]
# Far-off dates are typing mistakes, and date arithmetic near the year 9999 overflows.
PlausibleDate = Annotated[dt.date, Field(ge=dt.date(2000, 1, 1), le=dt.date(2099, 12, 31))]
OdiAnswer = Annotated[int, Field(ge=0, le=5, strict=True)] | None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Runner(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=120), PLAIN_TEXT]
    age: Annotated[int, Field(ge=10, le=100, strict=True)]
    sex: Literal["female", "male", "other", "prefer_not_to_say"]
    units: Literal["km", "mi"] = "km"


class RedFlags(_Strict):
    saddle_numbness: StrictBool
    bladder_or_bowel_change: StrictBool
    new_sexual_dysfunction: StrictBool
    both_legs_symptoms: StrictBool
    leg_weakness_worsening: StrictBool
    fever_or_unwell: StrictBool  # fever or chills: the emergency sign (the name predates the wording)
    history_of_cancer: StrictBool
    unexplained_weight_loss: StrictBool
    recent_significant_trauma: StrictBool
    long_term_steroids: StrictBool
    osteoporosis: StrictBool
    night_pain_not_eased_by_position: StrictBool
    immunosuppressed: StrictBool
    walking_changed: StrictBool = False
    unwell_without_fever: StrictBool = False  # feeling generally unwell without a fever: urgent


class Inflammatory(_Strict):
    """Optional questions on inflammatory back pain (NICE NG65)."""

    onset_age: Annotated[int, Field(ge=5, le=100, strict=True)] | None = None
    wakes_second_half_of_night: StrictBool = False
    buttock_pain: StrictBool = False
    better_with_movement: StrictBool = False
    better_with_anti_inflammatories: StrictBool = False
    family_history_spondyloarthritis: StrictBool = False
    arthritis: StrictBool = False
    enthesitis: StrictBool = False
    psoriasis: StrictBool = False


class PainReport(_Strict):
    now: Pain
    worst_last_week: Pain
    weeks_since_onset: Annotated[float, Field(ge=0, le=2600, strict=True)]
    previous_episodes: Annotated[int, Field(ge=0, le=100, strict=True)]
    pain_below_knee: StrictBool


class StartBackAnswers(_Strict):
    leg_pain: StrictBool
    neck_or_shoulder_pain: StrictBool
    walked_short_distances_only: StrictBool
    dressed_more_slowly: StrictBool
    unsafe_to_be_active: StrictBool
    worrying_thoughts: StrictBool
    never_get_better: StrictBool
    not_enjoyed_things: StrictBool
    bothersomeness: Bother


class OdiAnswers(_Strict):
    pain_intensity: OdiAnswer = None
    personal_care: OdiAnswer = None
    lifting: OdiAnswer = None
    walking: OdiAnswer = None
    sitting: OdiAnswer = None
    standing: OdiAnswer = None
    sleeping: OdiAnswer = None
    sex_life: OdiAnswer = None
    social_life: OdiAnswer = None
    travelling: OdiAnswer = None


class GoalRace(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=120), PLAIN_TEXT]
    date: PlausibleDate
    distance_km: Annotated[float, Field(gt=0, le=250, strict=True)]


class Running(_Strict):
    status: RunningStatus
    runs_per_week: Annotated[int, Field(ge=0, le=14, strict=True)]
    weekly_km: Annotated[float, Field(ge=0, le=400, strict=True)]
    long_run_km: Annotated[float, Field(ge=0, le=100, strict=True)] | None = None
    pain_during_run: Pain | None = None
    run_days: list[Day] = []
    long_run_day: Day | None = None
    workout_days: list[Day] = []
    walk_30_min_comfortable: StrictBool | None = None
    goal_race: GoalRace | None = None

    @field_validator("run_days", "workout_days")
    @classmethod
    def _no_repeated_days(cls, days: list[str]) -> list[str]:
        if len(set(days)) != len(days):
            raise ValueError("lists a day twice")
        return days


class Availability(_Strict):
    days: Annotated[list[Day], Field(min_length=1)]
    minutes_per_session: Annotated[int, Field(ge=10, le=120, strict=True)]
    sessions_per_week: Annotated[int, Field(ge=2, le=4, strict=True)] | None = None

    @field_validator("days")
    @classmethod
    def _no_repeated_days(cls, days: list[str]) -> list[str]:
        if len(set(days)) != len(days):
            raise ValueError("lists a day twice")
        return days


class EnduranceTest(_Strict):
    variant: Literal["mcgill", "home"] = "home"
    flexor_seconds: Annotated[float, Field(gt=0, le=600, strict=True)]
    extensor_seconds: Annotated[float, Field(gt=0, le=600, strict=True)]
    side_right_seconds: Annotated[float, Field(gt=0, le=600, strict=True)]
    side_left_seconds: Annotated[float, Field(gt=0, le=600, strict=True)]


class PsfsActivity(_Strict):
    activity: Annotated[str, Field(min_length=1, max_length=120), PLAIN_TEXT]
    score: Pain


class Consent(_Strict):
    """When the runner agreed to their health data being stored (asked before the first health question)."""

    health_data_at: dt.datetime


class Intake(_Strict):
    format: Literal["backstride.intake/1"] = FORMAT
    runner: Runner
    start_date: PlausibleDate
    red_flags: RedFlags
    inflammatory: Inflammatory = Inflammatory()
    pain: PainReport
    aggravated_by: list[Activity] = []
    eased_by: list[Activity] = []
    startback: StartBackAnswers
    odi: OdiAnswers
    running: Running
    availability: Availability
    equipment: list[EquipmentName] = []
    endurance: EnduranceTest | None = None
    psfs: Annotated[list[PsfsActivity], Field(max_length=5)] = []
    consent: Consent | None = None


def parse_intake(data: object) -> Intake:
    """Validate an intake; the first problem is raised as an InputError naming the field."""
    if not isinstance(data, dict):
        raise InputError("intake", "must be a JSON object")
    intake = validate(Intake, data)
    check_consistency(intake)
    return intake


def check_consistency(intake: Intake) -> None:
    running = intake.running
    if running.long_run_day and running.run_days and running.long_run_day not in running.run_days:
        raise InputError("running.long_run_day", "must be one of the days in running.run_days")
    onset = intake.inflammatory.onset_age
    if onset is not None and onset > intake.runner.age:
        raise InputError("inflammatory.onset_age", f"cannot be more than runner.age ({intake.runner.age})")
    if intake.pain.worst_last_week < intake.pain.now:
        raise InputError("pain.worst_last_week", "cannot be lower than pain.now")
    if running.status != "stopped_due_to_pain" and (running.weekly_km <= 0 or running.runs_per_week < 1):
        raise InputError(
            "running.weekly_km",
            "must be more than 0, with runs_per_week at least 1, unless running.status is stopped_due_to_pain",
        )
    if running.status == "running_with_pain" and running.pain_during_run is None:
        raise InputError("running.pain_during_run", "is required when running.status is running_with_pain")


def read_intake_text(text: str) -> Intake:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("intake", f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return parse_intake(data)
