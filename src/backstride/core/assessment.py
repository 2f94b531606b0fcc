"""The whole assessment: screen, score, profile and (when clear) plan."""

from __future__ import annotations

from .intake import Intake
from .library import Library, load_library
from .planner import build_plan
from .profile import build_profile
from .questionnaires import oswestry, startback
from .screening import RedFlagAnswers, screen


def red_flag_answers(intake: Intake) -> RedFlagAnswers:
    """The intake's screening answers; the screening works out the onset age and "onset before 35"
    (from the weeks since onset when the onset age was not given), in one place."""
    infl = intake.inflammatory
    return RedFlagAnswers(
        flags=intake.red_flags.model_dump(),
        age=intake.runner.age,
        first_episode=intake.pain.previous_episodes == 0,
        weeks_since_onset=intake.pain.weeks_since_onset,
        onset_age=infl.onset_age,
        inflammatory=infl.model_dump(exclude={"onset_age"}),
    )


def assess(intake: Intake, library: Library | None = None) -> dict:
    """The assessment as plain data; the plan is None unless screening is clear."""
    screening = screen(red_flag_answers(intake))
    profile = build_profile(intake)
    plan = None
    if screening.clear:
        plan = build_plan(intake, profile, library or load_library())
    return {
        "format": "backstride.assessment/1",
        "runner": {"name": intake.runner.name, "age": intake.runner.age, "units": intake.runner.units},
        "screening": screening.as_dict(),
        "startback": startback.score(intake.startback.model_dump()).as_dict(),
        "odi": oswestry.score(intake.odi.model_dump()).as_dict(),
        "profile": profile.as_dict(),
        "plan": plan,
    }
