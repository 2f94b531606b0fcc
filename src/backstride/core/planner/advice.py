"""Advice added to a plan from the runner's answers, each with its reason."""

from __future__ import annotations

from ..i18n import _, gettext_noop
from ..intake import Intake
from ..profile import Profile
from ..questionnaires import startback
from .running import ACCEPTABLE_RUN_PAIN, walk_run_return
from .templates import IRRITABLE_MAX_MINUTES, IRRITABLE_START_WEEKS

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
STARTBACK_MEDIUM_RISK = gettext_noop(
    "Your answers show a medium risk that the pain will keep bothering you. Consider having a "
    "physiotherapist review your back alongside the program."
)
HIGH_IRRITABILITY = gettext_noop(
    "Your back is easily irritated at the moment, so the first {weeks} weeks start gently: shorter sessions "
    "(up to {minutes} minutes), fewer exercises and the easiest doses. The plan builds from week {next_week}."
)
TRUNK_DAYS_RESTRICTED = gettext_noop(
    "Every day you have for the trunk sessions is the day before your long run or a workout. Rather than "
    "leave the trunk work out, those sessions are lighter: fewer exercises at the easiest doses. A free day "
    "that is not the day before a long run or a workout allows the full sessions."
)
WALK_RUN_FOR_RUNNING_PAIN = gettext_noop(
    "Running hurts more than {limit}/10 at the moment, above the level at which a run should stop. Rather "
    "than run less, the plan brings running back through walk-run stages, building to 30 minutes of easy "
    "running."
)
FINISH_THE_PROGRAM = gettext_noop(
    "Keep going after the pain settles: most people feel better in a few weeks, stop, and the "
    "pain comes back. Finishing the 8 weeks builds the endurance that protects your back."
)


def for_runner(intake: Intake, profile: Profile, trunk_days_restricted: bool = False) -> list[dict]:
    items = [{"code": "finish_the_program", "message": _(FINISH_THE_PROGRAM)}]
    risk = startback.score(intake.startback.model_dump()).risk
    if risk == "high":
        items.append({"code": "startback_high_risk", "message": _(startback.HIGH_RISK_ADVICE)})
    elif risk == "medium":
        items.append({"code": "startback_medium_risk", "message": _(STARTBACK_MEDIUM_RISK)})
    if profile.irritability == "high":
        message = _(HIGH_IRRITABILITY).format(
            weeks=len(IRRITABLE_START_WEEKS), minutes=IRRITABLE_MAX_MINUTES, next_week=max(IRRITABLE_START_WEEKS) + 1
        )
        items.append({"code": "high_irritability", "message": message})
    if trunk_days_restricted:
        items.append({"code": "trunk_days_restricted", "message": _(TRUNK_DAYS_RESTRICTED)})
    if intake.running.status != "stopped_due_to_pain" and walk_run_return(
        intake.running.status, intake.running.pain_during_run
    ):
        message = _(WALK_RUN_FOR_RUNNING_PAIN).format(limit=ACCEPTABLE_RUN_PAIN)
        items.append({"code": "walk_run_for_running_pain", "message": message})
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
