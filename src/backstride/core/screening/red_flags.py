"""Red-flag screening in three tiers: emergency, urgent, routine referral.

Single red flags are poor at diagnosis (IFOMPT framework, Finucane et al. 2020,
JOSPT); here they only trigger a referral and never name a condition as present.
Rules and wording follow CLINICAL.md section 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..i18n import _, gettext_noop

CLEAR = "clear"
REFER_URGENT = "refer_urgent"
REFER_EMERGENCY = "refer_emergency"

# Suspected cauda equina syndrome: any one of these with back pain or sciatica
# (UK national suspected-CES pathway; CSP 2024: immediate referral for MRI).
CAUDA_EQUINA_SIGNS = (
    "saddle_numbness",
    "bladder_or_bowel_change",
    "both_legs_symptoms",
    "leg_weakness_worsening",
)
# New sexual dysfunction is a weak sign alone; with any sign above it counts.
WEAK_CAUDA_EQUINA_SIGN = "new_sexual_dysfunction"

# Suspected spinal infection: back pain with fever or chills is an emergency (CLINICAL.md s1).
FEVER_SIGN = "fever_or_unwell"  # the intake's name; the question asks about fever or chills
# Worsening neurological signs: a change in the way the runner walks (CLINICAL.md s1).
WALKING_SIGN = "walking_changed"

# Urgent: see a doctor within days, two weeks at most (Downie et al., BMJ 2013).
URGENT_FLAGS = (
    "history_of_cancer",
    "unexplained_weight_loss",
    "unwell_without_fever",  # "feeling unwell with non-mechanical pain" (CLINICAL.md s1, urgent list)
    "night_pain_not_eased_by_position",
    "recent_significant_trauma",
    "long_term_steroids",
    "osteoporosis",
    "immunosuppressed",
)

# First-ever episode outside this age range is an urgent flag (soft: guidelines use 50-60).
FIRST_EPISODE_MIN_AGE = 15
FIRST_EPISODE_MAX_AGE = 60

# Inflammatory back pain (axial spondyloarthritis, NICE NG65).
INFLAMMATORY_ONSET_BEFORE_AGE = 45  # entry criterion: back pain that started before 45
INFLAMMATORY_EARLY_ONSET_AGE = 35  # the feature "onset before 35"
INFLAMMATORY_MIN_WEEKS = 13  # "lasted over 3 months"
WEEKS_PER_YEAR = 52.18  # 365.25 / 7: turns weeks since onset into the age the pain started
INFLAMMATORY_FEATURES = (
    "onset_before_35",
    "wakes_second_half_of_night",
    "buttock_pain",
    "better_with_movement",
    "better_with_anti_inflammatories",
    "family_history_spondyloarthritis",
    "arthritis",
    "enthesitis",
    "psoriasis",
)
INFLAMMATORY_REFER_AT = 4  # four or more: GP for a rheumatology referral
INFLAMMATORY_CONSIDER_AT = 3  # three: GP, a blood test decides

REASONS = {
    "saddle_numbness": gettext_noop("numbness around the back passage, genitals or inner thighs"),
    "bladder_or_bowel_change": gettext_noop("new trouble starting or controlling urine, or with bowel control"),
    "both_legs_symptoms": gettext_noop("symptoms in both legs"),
    "leg_weakness_worsening": gettext_noop("leg weakness that is severe or getting worse"),
    "new_sexual_dysfunction": gettext_noop("new change in sexual function"),
    "walking_changed": gettext_noop("a change in the way you walk"),
    "fever_or_unwell": gettext_noop("fever or chills with back pain"),
    "unwell_without_fever": gettext_noop("feeling generally unwell, without a fever, with back pain"),
    "history_of_cancer": gettext_noop("a past history of cancer with new back pain"),
    "unexplained_weight_loss": gettext_noop("weight loss you cannot explain"),
    "night_pain_not_eased_by_position": gettext_noop("night pain that changing position does not ease"),
    "recent_significant_trauma": gettext_noop("a recent significant fall or accident"),
    "long_term_steroids": gettext_noop("long-term steroid medicine"),
    "osteoporosis": gettext_noop("known thinning of the bones (osteoporosis)"),
    "immunosuppressed": gettext_noop("a weakened immune system"),
    "first_episode_age": gettext_noop("a first-ever episode of back pain under 15 or over 60"),
}

EMERGENCY_MESSAGE = gettext_noop(
    "Stop the program and go to an emergency department today. Some of your answers can go with "
    "pressure on the nerves at the base of the spine or with an infection, which need checking "
    "the same day. This is not a diagnosis: most people with these signs turn out to have "
    "something less serious, but only an examination can tell."
)
URGENT_MESSAGE = gettext_noop(
    "Please see a doctor within the next few days, and within two weeks at the latest, before "
    "starting or continuing the program. Some of your answers are worth a medical check. This "
    "is not a diagnosis; your program is paused until a clinician clears you."
)
CLEAR_MESSAGE = gettext_noop(
    "No warning signs in your answers. backstride guides and screens but does not replace a "
    "clinician: if anything changes, answer the questions again or see a doctor."
)
INFLAMMATORY_REFER_MESSAGE = gettext_noop(
    "Several of your answers fit a pattern of inflammatory back pain. Please book a routine "
    "appointment with your GP and ask about a referral to a rheumatologist. You can carry on "
    "with the program meanwhile."
)
INFLAMMATORY_CONSIDER_MESSAGE = gettext_noop(
    "Some of your answers fit a pattern of inflammatory back pain. Please book a routine "
    "appointment with your GP, who may suggest a blood test. You can carry on with the program "
    "meanwhile."
)


@dataclass(frozen=True)
class RedFlagAnswers:
    """Plain answers to the red-flag questions (True = yes)."""

    flags: dict[str, bool]
    age: int | None = None
    first_episode: bool = False
    weeks_since_onset: float | None = None
    onset_age: int | None = None  # as answered; derived from age and weeks_since_onset when missing
    inflammatory: dict[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class ScreeningResult:
    status: str
    reasons: list[str]
    message: str
    routine_referral: str | None = None
    routine_message: str | None = None

    @property
    def clear(self) -> bool:
        return self.status == CLEAR

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "reasons": list(self.reasons),
            "message": self.message,
            "routine_referral": self.routine_referral,
            "routine_message": self.routine_message,
        }


def _yes(answers: RedFlagAnswers, key: str) -> bool:
    return bool(answers.flags.get(key, False))


def emergency_reasons(answers: RedFlagAnswers) -> list[str]:
    ces = [k for k in CAUDA_EQUINA_SIGNS if _yes(answers, k)]
    if ces and _yes(answers, WEAK_CAUDA_EQUINA_SIGN):
        ces.append(WEAK_CAUDA_EQUINA_SIGN)
    others = [k for k in (FEVER_SIGN, WALKING_SIGN) if _yes(answers, k)]
    return [_(REASONS[k]) for k in ces + others]


def urgent_reasons(answers: RedFlagAnswers) -> list[str]:
    keys = [k for k in URGENT_FLAGS if _yes(answers, k)]
    # Alone, new sexual dysfunction is a weak sign: a prompt medical check, not an emergency.
    if _yes(answers, WEAK_CAUDA_EQUINA_SIGN) and not any(_yes(answers, k) for k in CAUDA_EQUINA_SIGNS):
        keys.append(WEAK_CAUDA_EQUINA_SIGN)
    reasons = [_(REASONS[k]) for k in keys]
    if (
        answers.first_episode
        and answers.age is not None
        and (answers.age < FIRST_EPISODE_MIN_AGE or answers.age > FIRST_EPISODE_MAX_AGE)
    ):
        reasons.append(_(REASONS["first_episode_age"]))
    return reasons


def onset_age(answers: RedFlagAnswers) -> int | None:
    """The age at which the back pain started: as answered, or else the current age less the
    weeks since onset, rounded down, so that long-standing pain that began young still counts."""
    if answers.onset_age is not None:
        return answers.onset_age
    if answers.age is None:
        return None
    if answers.weeks_since_onset is None:
        return answers.age
    return math.floor(answers.age - answers.weeks_since_onset / WEEKS_PER_YEAR)


def inflammatory_count(answers: RedFlagAnswers) -> int | None:
    """Count of inflammatory features, or None when the entry criteria do not apply."""
    began = onset_age(answers)
    if began is None or began >= INFLAMMATORY_ONSET_BEFORE_AGE:
        return None
    if answers.weeks_since_onset is None or answers.weeks_since_onset <= INFLAMMATORY_MIN_WEEKS:
        return None
    features = dict(answers.inflammatory) | {"onset_before_35": began < INFLAMMATORY_EARLY_ONSET_AGE}
    return sum(1 for k in INFLAMMATORY_FEATURES if features.get(k, False))


def screen(answers: RedFlagAnswers) -> ScreeningResult:
    """The tier the answers fall in; the most serious tier wins."""
    routine, routine_message = None, None
    count = inflammatory_count(answers)
    if count is not None and count >= INFLAMMATORY_REFER_AT:
        routine, routine_message = "inflammatory_back_pain", _(INFLAMMATORY_REFER_MESSAGE)
    elif count is not None and count >= INFLAMMATORY_CONSIDER_AT:
        routine, routine_message = "inflammatory_back_pain_possible", _(INFLAMMATORY_CONSIDER_MESSAGE)

    emergency = emergency_reasons(answers)
    urgent = urgent_reasons(answers)
    if emergency:
        return ScreeningResult(REFER_EMERGENCY, emergency + urgent, _(EMERGENCY_MESSAGE), routine, routine_message)
    if urgent:
        return ScreeningResult(REFER_URGENT, urgent, _(URGENT_MESSAGE), routine, routine_message)
    message = _(CLEAR_MESSAGE) if routine is None else f"{routine_message} {_(CLEAR_MESSAGE)}"
    return ScreeningResult(CLEAR, [], message, routine, routine_message)
