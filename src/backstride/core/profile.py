"""From an intake to the runner's profile: the facts the planner works from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .questionnaires import oswestry

if TYPE_CHECKING:
    from .intake import Intake

FLEXION_SENSITIVE = "flexion_sensitive"
EXTENSION_SENSITIVE = "extension_sensitive"
NO_PREFERENCE = "none"

# Activities that bend the spine forward or load it bent (sitting, bending, lifting)
# versus those that hold it upright or arched. A back that hurts with one and is
# eased by the other shows a directional preference (McKenzie-style reasoning).
FLEXION_ACTIVITIES = frozenset({"sitting", "bending_forward", "lifting", "getting_up_from_sitting"})
EXTENSION_ACTIVITIES = frozenset({"standing", "walking", "arching_back", "lying_on_front", "running_downhill"})
# A preference needs this many more signs one way than the other.
DIRECTION_MARGIN = 1
# Twisting that brings the pain on makes rotation a sensitive direction too, left out early like
# flexion or extension (project rule, soft; the same reasoning as above).
ROTATION_ACTIVITIES = frozenset({"twisting"})

CHRONIC_AFTER_WEEKS = 12  # pain beyond three months
MANY_PREVIOUS_EPISODES = 2  # more than two episodes roughly triples recurrence risk (CLINICAL s8)
# A highly irritable back starts gentler (project rule, soft; the 7/10 mirrors the flare-up level of
# CLINICAL.md s4). Any one of these counts:
HIGH_IRRITABILITY_WORST = 7  # worst pain last week 7/10 or more
HIGH_IRRITABILITY_NOW = 6  # pain now 6/10 or more
ACUTE_ONSET_WEEKS = 6  # an episode that began less than 6 weeks ago ...
ACUTE_HIGH_IRRITABILITY_WORST = 6  # ... with worst pain 6/10 or more ...
ACUTE_HIGH_IRRITABILITY_NOW = 5  # ... and pain now still 5/10 or more
HIGH_IRRITABILITY_ODI_BANDS = frozenset({"severe", "crippling", "bed_bound"})  # Oswestry 41 % or more (CLINICAL s3)
RETURN_TO_RUN_MAX_REST_PAIN = 2  # walk-run starts at rest pain 2/10 or less (CLINICAL s7, soft)


@dataclass(frozen=True)
class Profile:
    directional_preference: str
    irritability: str  # "high" or "normal"
    chronic: bool
    recurrent: bool
    leg_symptoms: bool
    running_status: str
    return_to_run_ready: bool
    equipment: frozenset[str]
    age: int
    sex: str
    rotation_sensitive: bool = False
    irritability_reasons: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "directional_preference": self.directional_preference,
            "rotation_sensitive": self.rotation_sensitive,
            "irritability": self.irritability,
            "irritability_reasons": list(self.irritability_reasons),
            "chronic": self.chronic,
            "recurrent": self.recurrent,
            "leg_symptoms": self.leg_symptoms,
            "running_status": self.running_status,
            "return_to_run_ready": self.return_to_run_ready,
            "equipment": sorted(self.equipment),
        }


def directional_preference(aggravated_by: list[str], eased_by: list[str]) -> str:
    aggravated, eased = set(aggravated_by), set(eased_by)
    flexion_signs = len(aggravated & FLEXION_ACTIVITIES) + len(eased & EXTENSION_ACTIVITIES)
    extension_signs = len(aggravated & EXTENSION_ACTIVITIES) + len(eased & FLEXION_ACTIVITIES)
    if aggravated & FLEXION_ACTIVITIES and flexion_signs >= extension_signs + DIRECTION_MARGIN:
        return FLEXION_SENSITIVE
    if aggravated & EXTENSION_ACTIVITIES and extension_signs >= flexion_signs + DIRECTION_MARGIN:
        return EXTENSION_SENSITIVE
    return NO_PREFERENCE


def rotation_sensitive(aggravated_by: list[str]) -> bool:
    return bool(set(aggravated_by) & ROTATION_ACTIVITIES)


def irritability_reasons(now: int, worst: int, weeks_since_onset: float, odi_band: str | None) -> tuple[str, ...]:
    """Why a back counts as highly irritable; empty when it does not."""
    reasons = []
    if worst >= HIGH_IRRITABILITY_WORST:
        reasons.append("worst_pain")
    if now >= HIGH_IRRITABILITY_NOW:
        reasons.append("pain_now")
    if (
        weeks_since_onset < ACUTE_ONSET_WEEKS
        and worst >= ACUTE_HIGH_IRRITABILITY_WORST
        and now >= ACUTE_HIGH_IRRITABILITY_NOW
    ):
        reasons.append("acute_onset")
    if odi_band in HIGH_IRRITABILITY_ODI_BANDS:
        reasons.append("oswestry")
    return tuple(reasons)


def return_to_run_ready(intake: Intake) -> bool:
    """Walking 30 minutes is comfortable and pain at rest is low (CLINICAL.md section 7)."""
    comfortable = intake.running.walk_30_min_comfortable
    if comfortable is None:  # not asked: infer from whether walking aggravates the pain
        comfortable = "walking" not in intake.aggravated_by
    return comfortable and intake.pain.now <= RETURN_TO_RUN_MAX_REST_PAIN


def build_profile(intake: Intake) -> Profile:
    pain = intake.pain
    odi_band = oswestry.score(intake.odi.model_dump()).band
    irritable = irritability_reasons(pain.now, pain.worst_last_week, pain.weeks_since_onset, odi_band)
    return Profile(
        directional_preference=directional_preference(intake.aggravated_by, intake.eased_by),
        irritability="high" if irritable else "normal",
        chronic=intake.pain.weeks_since_onset > CHRONIC_AFTER_WEEKS,
        recurrent=intake.pain.previous_episodes > MANY_PREVIOUS_EPISODES,
        leg_symptoms=intake.pain.pain_below_knee,
        running_status=intake.running.status,
        return_to_run_ready=return_to_run_ready(intake),
        equipment=frozenset(intake.equipment),
        age=intake.runner.age,
        sex=intake.runner.sex,
        rotation_sensitive=rotation_sensitive(intake.aggravated_by),
        irritability_reasons=irritable,
    )
