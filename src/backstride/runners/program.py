"""Loading a runner's plan and history from the database into the pure core."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import OrderedDict

from backstride.core.library import load_library
from backstride.core.screening.red_flags import EMERGENCY_MESSAGE, URGENT_MESSAGE
from backstride.core.tracking.adapt import replay
from backstride.core.tracking.events import (
    CheckInReport,
    ExerciseResult,
    History,
    PlanAdjustment,
    RunReport,
    SessionReport,
)
from backstride.core.tracking.events import (
    Clearance as ClearanceEvent,
)
from backstride.core.tracking.ladder import build_ladders
from backstride.core.tracking.resolve import Program
from backstride.core.tracking.state import ProgramState

from .models import Adjustment, CheckIn, Clearance, ExerciseLog, Plan, RunLog, Runner, SessionLog

BASELINE_STIFFNESS_CHECKINS = 3


# A stored plan never changes, so its ladders are built once per process and kept by plan id.
_LADDERS: OrderedDict[int, dict] = OrderedDict()
LADDER_CACHE_SIZE = 512


def _ladders(plan: Plan) -> dict:
    ladders = _LADDERS.get(plan.id)
    if ladders is None:
        profile = plan.assessment.result["profile"]
        ladders = build_ladders(
            plan.data, load_library(), frozenset(profile["equipment"]), profile["directional_preference"]
        )
        _LADDERS[plan.id] = ladders
        if len(_LADDERS) > LADDER_CACHE_SIZE:
            _LADDERS.popitem(last=False)
    return ladders


def adjustments_for(plan: Plan) -> tuple[PlanAdjustment, ...]:
    """A clinician's changes to this runner's plan, as the core reads them."""
    rows = Adjustment.objects.filter(runner_id=plan.runner_id).select_related("author").order_by("date", "id")
    return tuple(
        PlanAdjustment(
            a.date,
            a.kind,
            a.note,
            a.slot,
            a.slug,
            a.dosage_step or 0,
            (a.author.get_full_name() or a.author.username) if a.author else "your clinician",
        )
        for a in rows
    )


def program_for(plan: Plan) -> Program:
    return Program(plan.data, _ladders(plan), load_library(), adjustments_for(plan))


def history_for(runner: Runner, plan: Plan) -> History:
    intake = plan.assessment.intake
    exercises: dict[int, list[ExerciseResult]] = {}
    for log_id, slug, completed, pain, sets, reps, hold in ExerciseLog.objects.filter(
        session_log__runner=runner
    ).values_list("session_log_id", "slug", "completed", "pain", "sets", "reps", "hold_seconds"):
        exercises.setdefault(log_id, []).append(ExerciseResult(slug, completed, pain, sets, reps, hold))
    sessions = tuple(
        SessionReport(d, before, during, after, effort, as_planned, tuple(exercises.get(pk, ())), note)
        for pk, d, before, during, after, effort, as_planned, note in SessionLog.objects.filter(runner=runner)
        .order_by("date", "id")
        .values_list("id", "date", "pain_before", "pain_during", "pain_after", "effort", "as_planned", "note")
    )
    messages = {"refer_emergency": EMERGENCY_MESSAGE, "refer_urgent": URGENT_MESSAGE}
    checkins = tuple(
        CheckInReport(d, pain, stiff, status or None, messages.get(status, ""), legs)
        for d, pain, stiff, status, legs in CheckIn.objects.filter(runner=runner)
        .order_by("date")
        .values_list("date", "pain", "stiffness", "red_flag_status", "leg_symptoms")
    )
    runs = tuple(
        RunReport(*row)
        for row in RunLog.objects.filter(runner=runner)
        .order_by("date", "id")
        .values_list("date", "km", "minutes", "pain_during", "pain_after")
    )
    clearances = tuple(
        ClearanceEvent(d, note) for d, note in Clearance.objects.filter(runner=runner).values_list("date", "note")
    )
    stiffness = [c.stiffness for c in checkins[:BASELINE_STIFFNESS_CHECKINS] if c.stiffness is not None]
    return History(
        sessions=sessions,
        checkins=checkins,
        runs=runs,
        clearances=clearances,
        baseline_pain=intake["pain"]["now"],
        baseline_stiffness=round(statistics.median(stiffness))
        if len(stiffness) >= BASELINE_STIFFNESS_CHECKINS
        else None,
    )


def state_for(runner: Runner, plan: Plan, day: dt.date) -> tuple[Program, History, ProgramState]:
    program = program_for(plan)
    history = history_for(runner, plan)
    return program, history, replay(program, history, day)
