"""The history a replay reads is read in plain SQL (an ORM query costs more to build than to run):
it must be the history the models hold, on SQLite and PostgreSQL alike."""

import datetime as dt
import statistics

import pytest

from backstride.core.intake import RedFlags
from backstride.core.tracking.events import CheckInReport, ExerciseResult, History, RunReport, SessionReport
from backstride.core.tracking.logs import parse_checkin, parse_run, parse_session_log
from backstride.runners import models as m
from backstride.runners.program import BASELINE_STIFFNESS_CHECKINS, _warning_signs, history_for
from backstride.runners.services import checkin, clear_referral, log_run, log_session, start_runner

pytestmark = pytest.mark.django_db

START = dt.date(2026, 12, 7)
NO_FLAGS = dict.fromkeys(RedFlags.model_fields, False)


def day(n: int) -> str:
    return (START + dt.timedelta(days=n)).isoformat()


def through_the_models(runner: m.Runner, plan: m.Plan) -> History:
    """The history as the models give it, one ORM query a kind: the reference the SQL must match."""
    from backstride.core.screening.red_flags import EMERGENCY_MESSAGE, URGENT_MESSAGE

    messages = {"refer_emergency": EMERGENCY_MESSAGE, "refer_urgent": URGENT_MESSAGE}
    sessions = tuple(
        SessionReport(
            s.date,
            s.pain_before,
            s.pain_during,
            s.pain_after,
            s.effort,
            s.as_planned,
            tuple(
                ExerciseResult(e.slug, e.completed, e.pain, e.sets, e.reps, e.hold_seconds)
                for e in s.exercises.order_by("id")
            ),
            s.note,
        )
        for s in m.SessionLog.objects.filter(runner=runner).order_by("date", "id")
    )
    checkins = tuple(
        CheckInReport(
            c.date,
            c.pain,
            c.stiffness,
            c.red_flag_status or None,
            messages.get(c.red_flag_status, ""),
            c.leg_symptoms,
            c.leg_weakness,
            _warning_signs(c.red_flag_status, c.red_flags),
        )
        for c in m.CheckIn.objects.filter(runner=runner).order_by("date")
    )
    runs = tuple(
        RunReport(r.date, r.km, r.minutes, r.pain_during, r.pain_after, r.walk, r.effort)
        for r in m.RunLog.objects.filter(runner=runner).order_by("date", "id")
    )
    stiffness = [c.stiffness for c in checkins[:BASELINE_STIFFNESS_CHECKINS] if c.stiffness is not None]
    intake = plan.assessment.intake
    return History(
        sessions=sessions,
        checkins=checkins,
        runs=runs,
        clearances=history_for(runner, plan).clearances,  # compared on their own below
        baseline_pain=intake["pain"]["now"],
        baseline_stiffness=round(statistics.median(stiffness)) if len(stiffness) >= 3 else None,
        walk_30_min_comfortable=history_for(runner, plan).walk_30_min_comfortable,
    )


def test_the_history_read_in_sql_is_the_one_the_models_hold(sam):
    sam["start_date"] = START.isoformat()
    runner, _ = start_runner(sam)
    for n in range(6):
        checkin(runner, parse_checkin({"date": day(n), "pain": 2 + n % 3, "stiffness": n % 4}))
    log_session(runner, parse_session_log({"date": day(0), "pain_before": 2, "pain_during": 3, "pain_after": 2}))
    exercises = [
        {"slug": "dead-bug", "completed": True, "sets": 2, "reps": 8, "pain": 2},
        {"slug": "bird-dog", "completed": False, "pain": 6},
        {"slug": "mcgill-curl-up", "completed": True, "sets": 1, "hold_seconds": 10},
    ]
    body = {"date": day(2), "pain_before": 1, "pain_during": 6, "pain_after": 3, "effort": 6, "exercises": exercises}
    log_session(runner, parse_session_log(body))
    evening = {"date": day(2), "pain_before": 1, "pain_during": 1, "pain_after": 1, "note": "Evening, ünïcode ✓"}
    log_session(runner, parse_session_log(evening))
    log_run(runner, parse_run({"date": day(1), "km": 4.5, "minutes": 27.5, "pain_during": 1, "pain_after": 2}))
    log_run(runner, parse_run({"date": day(3), "km": 2.0, "minutes": 25.0, "pain_during": 0, "walk": True}))
    m.RunLog.objects.create(runner=runner, date=day(4), km=8.25, minutes=50, sport="running")  # a watch's, unrated
    # a warning sign one morning, then a clinician's clearance; the leg symptoms the morning after
    flags = NO_FLAGS | {"bladder_or_bowel_change": True}
    checkin(runner, parse_checkin({"date": day(6), "pain": 4, "red_flags": flags}))
    clear_referral(runner, dt.date.fromisoformat(day(6)), "Seen and examined", "Dr Lee")
    checkin(runner, parse_checkin({"date": day(7), "pain": 3, "leg_symptoms": True, "leg_weakness": True}))
    plan = m.Plan.objects.get(runner=runner, active=True)

    history = history_for(runner, plan)

    assert history == through_the_models(runner, plan)
    assert [len(s.exercises) for s in history.sessions] == [0, 3, 0]
    assert history.sessions[1].exercises[1] == ExerciseResult("bird-dog", False, 6, None, None, None)
    assert history.sessions[2].note == "Evening, ünïcode ✓"
    runs = [(r.km, r.pain_during, r.walk) for r in history.runs]
    assert runs == [(4.5, 1, False), (2.0, 0, True), (8.25, None, False)]
    warned = history.checkins[6]
    assert warned.red_flag_status == "refer_emergency" and warned.red_flag_reasons and warned.red_flag_message
    assert history.checkins[7].leg_weakness and history.checkins[7].red_flag_reasons == ()
    assert history.baseline_stiffness is not None
    assert [(c.date, c.by) for c in history.clearances] == [(dt.date.fromisoformat(day(6)), "Dr Lee")]


def test_a_clearance_given_before_a_later_warning_sign_for_its_day_is_left_out(sam):
    sam["start_date"] = START.isoformat()
    runner, _ = start_runner(sam)
    flags = NO_FLAGS | {"saddle_numbness": True}
    checkin(runner, parse_checkin({"date": day(0), "pain": 4, "red_flags": flags}))
    clear_referral(runner, START, "Seen and examined", "Dr Lee")
    plan = m.Plan.objects.get(runner=runner, active=True)
    assert len(history_for(runner, plan).clearances) == 1
    # a warning sign reported after the clearance was recorded, dated on or before its day: nobody has seen it
    m.CheckIn.objects.filter(runner=runner, date=START).delete()
    checkin(runner, parse_checkin({"date": day(0), "pain": 4, "red_flags": flags}))

    assert history_for(runner, plan).clearances == ()


def test_the_active_plan_read_through_the_process_copy_is_the_stored_one_and_each_reader_gets_its_own(sam):
    sam["start_date"] = START.isoformat()
    runner, _ = start_runner(sam)
    stored = m.Plan.objects.select_related("assessment").get(runner=runner, active=True)
    first = m.Runner.objects.get(pk=runner.pk).current_plan
    first.data["weeks"][0]["phase"] = "changed by one reader"  # a reader's change stays its own
    first.assessment.intake["pain"]["now"] = 10
    again = m.Runner.objects.get(pk=runner.pk).current_plan

    assert again.data == stored.data and again.data["weeks"][0]["phase"] != "changed by one reader"
    a, b = again.assessment, stored.assessment
    for field in ("pk", "runner_id", "created_at", "screening_status", "intake", "result"):
        assert getattr(a, field) == getattr(b, field), field
    assert (again.pk, again.start_date, again.end_date, again.created_at) == (
        stored.pk,
        stored.start_date,
        stored.end_date,
        stored.created_at,
    )
