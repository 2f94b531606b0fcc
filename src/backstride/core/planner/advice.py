"""Advice added to a plan from the runner's answers, each with its reason."""

from __future__ import annotations

from ..i18n import _, gettext_noop
from ..intake import Intake
from ..profile import Profile
from ..questionnaires import startback

NOT_A_DIAGNOSIS = gettext_noop(
    "backstride guides and screens but does not diagnose and does not replace a clinician. "
    "If your pain changes in a way that worries you, see a doctor or physiotherapist."
)
LEG_SYMPTOMS = gettext_noop(
    "Your pain reaches below the knee. The program can go on, but stop an exercise and check in "
    "if leg pain spreads or worsens, or if you notice new numbness, pins and needles or weakness: "
    "those need a clinician's review."
)
RECURRENT = gettext_noop(
    "You have had more than two earlier episodes, which roughly triples the chance of another. "
    "Finishing all 8 weeks and keeping the weekly core session matters even more for you."
)
CHRONIC = gettext_noop(
    "Your pain has lasted more than three months. Progress may be slower; steady, regular "
    "sessions help more than hard ones."
)
NO_MAT = gettext_noop(
    "Most trunk exercises are done lying or kneeling on the floor. Without a mat your plan is "
    "built from standing exercises only; a mat, or a folded blanket on carpet, opens up the full "
    "program: add 'mat' to your equipment."
)
FINISH_THE_PROGRAM = gettext_noop(
    "Keep going after the pain settles: most people feel better in a few weeks, stop, and the "
    "pain comes back. Finishing the 8 weeks builds the endurance that protects your back."
)


def for_runner(intake: Intake, profile: Profile) -> list[dict]:
    items = [{"code": "finish_the_program", "message": _(FINISH_THE_PROGRAM)}]
    risk = startback.score(intake.startback.model_dump()).risk
    if risk == "high":
        items.append({"code": "startback_high_risk", "message": _(startback.HIGH_RISK_ADVICE)})
    if profile.leg_symptoms:
        items.append({"code": "pain_below_knee", "message": _(LEG_SYMPTOMS)})
    if profile.recurrent:
        items.append({"code": "recurrent_episodes", "message": _(RECURRENT)})
    if profile.chronic:
        items.append({"code": "persistent_pain", "message": _(CHRONIC)})
    if "mat" not in profile.equipment:
        items.append({"code": "no_mat", "message": _(NO_MAT)})
    items.append({"code": "not_a_diagnosis", "message": _(NOT_A_DIAGNOSIS)})
    return items
