"""The pain monitoring model, replayed on plain values (no database)."""

import datetime as dt

import pytest

from backstride.core.assessment import assess
from backstride.core.intake import parse_intake
from backstride.core.library import load_library
from backstride.core.profile import build_profile
from backstride.core.tracking.adapt import replay
from backstride.core.tracking.events import CheckInReport, Clearance, ExerciseResult, History, RunReport, SessionReport
from backstride.core.tracking.ladder import build_ladders
from backstride.core.tracking.resolve import Program
from backstride.core.tracking.thresholds import DEFAULT

START = dt.date(2026, 12, 7)  # Sam's start, a Monday; sessions mon, wed, fri


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def program_for(data: dict) -> Program:
    intake = parse_intake(data)
    profile = build_profile(intake)
    plan = assess(intake)["plan"]
    library = load_library()
    return Program(plan, build_ladders(plan, library, profile.equipment, profile.directional_preference), library)


@pytest.fixture
def program(sam) -> Program:
    return program_for(sam)


def stopped_runner(sam: dict, walk_30_min_comfortable: bool = True) -> Program:
    """Sam, returning to running after stopping because of the pain, at rest pain 2/10."""
    sam["running"] = {
        "status": "stopped_due_to_pain",
        "runs_per_week": 0,
        "weekly_km": 0,
        "run_days": ["tue", "thu", "sat"],
        "walk_30_min_comfortable": walk_30_min_comfortable,
    }
    sam["pain"]["now"] = 2
    return program_for(sam)


def session(n: int, during: int, effort: int = 5, **kw) -> SessionReport:
    return SessionReport(day(n), during, during, during, effort, as_planned=True, **kw)


def mornings(pains: dict[int, int]) -> tuple[CheckInReport, ...]:
    return tuple(CheckInReport(day(n), p) for n, p in sorted(pains.items()))


def run(program, today: int, sessions=(), checkins=(), runs=(), clearances=(), baseline=3, walk_ok=False):
    history = History(
        tuple(sessions),
        tuple(checkins),
        tuple(runs),
        tuple(clearances),
        baseline_pain=baseline,
        walk_30_min_comfortable=walk_ok,
    )
    return replay(program, history, day(today))


def kinds(state, target=None) -> list[tuple]:
    return [(d.date, d.target, d.kind) for d in state.decisions if target in (None, d.target)]


def test_two_good_sessions_and_settled_mornings_follow_the_plan_into_week_two(program):
    state = run(program, 8, [session(0, 1), session(2, 2), session(4, 1)], mornings({1: 3, 3: 3, 5: 2, 7: 3}))
    rung = program.rung_for("anti_rotation", day(7), state.positions)
    assert rung == program.ladders["anti_rotation"][program.ceiling("anti_rotation", day(7))]
    progress = [d for d in state.decisions if d.kind == "progress" and d.target == "anti_rotation"]
    assert progress and progress[0].date == day(7)
    assert "2/10 or less in your last two sessions" in progress[0].reason


def test_pain_of_three_to_five_holds_the_dose_when_the_plan_moves_on(program):
    state = run(program, 8, [session(0, 1), session(2, 1), session(4, 4)], mornings({1: 3, 3: 3, 5: 3}))
    hold = [d for d in state.decisions if d.kind == "hold" and d.target == "anti_rotation"]
    assert hold and hold[0].date == day(7)
    assert hold[0].reason == "Four-Point Leg Slide held at 1 × 6 reps: pain 4/10 during Friday's session"
    assert program.rung_for("anti_rotation", day(7), state.positions).step == 0


def test_pain_above_five_on_an_exercise_steps_that_exercise_back_straight_away(program):
    plank = program.session_for(day(9), run(program, 8))["exercises"]
    slug = next(e["slug"] for e in plank if e["slot"] == "plank")
    hurt = SessionReport(day(9), 6, 6, 4, 5, as_planned=True, exercises=(ExerciseResult(slug, pain=6),))
    state = run(
        program,
        10,
        [session(0, 1), session(2, 1), session(4, 1), session(7, 1), hurt],
        mornings({1: 3, 3: 3, 5: 3, 8: 3}),
    )
    back = [d for d in state.decisions if d.kind == "step_back" and d.target == "plank"]
    assert back and back[-1].date == day(9)
    assert "pain 6/10 during Wednesday's session" in back[-1].reason


def test_a_worse_next_morning_steps_back_even_with_low_pain_during(program):
    state = run(program, 3, [session(0, 1), session(2, 1)], mornings({1: 3, 3: 5}), baseline=3)
    back = [d for d in state.decisions if d.kind == "step_back" and d.date == day(3)]
    assert back and "morning pain 5/10 after Wednesday's session, above your usual 3/10" in back[0].reason


def test_high_effort_holds_even_when_pain_is_low(program):
    state = run(
        program,
        8,
        [session(0, 1, effort=8), session(2, 1, effort=8), session(4, 1, effort=8)],
        mornings({1: 3, 3: 3, 5: 3}),
    )
    assert any("effort 8/10" in d.reason for d in state.decisions if d.kind == "hold")


def test_an_exercise_not_completed_is_held(program):
    skipped = (ExerciseResult("four-point-leg-slide", completed=False),)
    reports = [SessionReport(day(n), 1, 1, 1, 5, exercises=skipped) for n in (0, 2, 4)]
    state = run(program, 8, reports, mornings({1: 3, 3: 3, 5: 3}))
    assert any("the full dose was not completed" in d.reason for d in state.decisions if d.target == "anti_rotation")


def test_seven_out_of_ten_in_a_morning_starts_a_settle_down_block(program):
    state = run(program, 2, [], mornings({0: 3, 1: 7}))
    assert kinds(state, "program") == [(day(1), "program", "flare_up")]
    settle = program.session_for(day(2), state)
    assert settle["kind"] == "settle_down"
    assert {e["slug"] for e in settle["exercises"]} >= {"brisk-walk"}


def test_two_mornings_two_points_above_baseline_start_a_flare_up(program):
    state = run(program, 2, [], mornings({0: 5, 1: 5}), baseline=3)
    flare = [d for d in state.decisions if d.kind == "flare_up"]
    assert flare and "5/10 and 5/10, two days above your usual 3/10" in flare[0].reason


def test_one_high_morning_is_not_a_flare_up(program):
    state = run(program, 2, [], mornings({0: 5, 1: 3}), baseline=3)
    assert not [d for d in state.decisions if d.kind == "flare_up"]


def test_a_flare_up_ends_after_three_days_once_mornings_settle_and_resumes_one_step_lower(program):
    sessions = [session(n, 1) for n in (0, 2, 4, 7, 9)]
    pains = {1: 3, 3: 3, 5: 3, 8: 3, 10: 7, 11: 5, 12: 4, 13: 3}
    state = run(program, 13, sessions, mornings(pains))
    assert [k for _, _, k in kinds(state, "program")][-2:] == ["flare_up", "flare_over"]
    over = state.decisions[-1]
    assert over.date == day(13) and "one step below" in over.reason
    assert state.episodes[0].kind == "flare_up" and state.episodes[0].end == day(12)


def test_a_flare_up_that_does_not_settle_in_seven_days_pauses_with_a_review_instead_of_resuming(program):
    state = run(program, 8, [], mornings({n: 7 if n == 1 else 6 for n in range(1, 9)}))
    assert [k for _, _, k in kinds(state, "program")] == ["flare_up", "pause", "review"]
    assert "ask a physiotherapist or doctor" in state.decisions[-1].reason
    assert state.paused.status == "refer_urgent" and state.paused.cause == "pain_not_settling"
    assert program.session_for(day(9), state) is None


def test_a_flare_up_with_leg_symptoms_refers_instead(program):
    checkins = (CheckInReport(day(0), 3), CheckInReport(day(1), 8, leg_symptoms=True))
    state = run(program, 2, [], checkins)
    assert state.paused is not None and state.paused.status == "refer_urgent"
    assert program.session_for(day(2), state) is None


def test_a_red_flag_pauses_until_a_clearance(program):
    checkins = (CheckInReport(day(7), 3, red_flag_status="refer_urgent", red_flag_message="See a doctor."),)
    paused = run(program, 9, [], checkins)
    assert paused.paused.date == day(7) and program.session_for(day(9), paused) is None
    cleared = run(program, 9, [], checkins, clearances=[Clearance(day(9), "GP saw it")])
    assert cleared.paused is None
    assert cleared.decisions[-1].kind == "resume" and "GP saw it" in cleared.decisions[-1].reason


def test_a_rise_in_weekly_morning_pain_steps_everything_back(program):
    pains = {n: 2 for n in range(0, 7)} | {n: 3 for n in range(7, 14)}
    state = run(program, 13, [], mornings(pains), baseline=2)
    weekly = [d for d in state.decisions if d.target == "program" and d.kind == "step_back"]
    assert weekly and weekly[0].date == day(13)
    assert "averaged 3.0/10 this week against 2.0/10" in weekly[0].reason


def test_a_recurrence_needs_thirty_pain_free_days_then_two_mornings_at_two_or_more(program):
    pains = {n: 0 for n in range(0, 40)} | {40: 2, 41: 3}
    state = run(program, 42, [], mornings(pains), baseline=0)
    recurrence = [d for d in state.decisions if d.kind == "recurrence"]
    assert recurrence and recurrence[0].date == day(41)
    assert state.reentry_start == day(42) and state.reentry_end == day(41 + 14)
    assert program.session_for(day(42), state)["kind"] == "reentry"


def test_no_recurrence_before_thirty_pain_free_days(program):
    pains = {n: 0 for n in range(0, 20)} | {20: 3, 21: 3}
    state = run(program, 22, [], mornings(pains), baseline=0)
    assert not [d for d in state.decisions if d.kind == "recurrence"]


def test_a_missed_maintenance_week_leaves_a_nudge(program):
    state = run(program, 69, [], mornings({}))
    nudges = [n for n in state.nudges]
    assert [n.date for n in nudges] == [day(62), day(69)]
    assert "No core session in week 9" in nudges[0].message and "Monday" in nudges[0].message


def test_walk_run_moves_up_a_stage_after_two_good_runs(sam):
    program = stopped_runner(sam)
    runs = [RunReport(day(n), 2, 24, 1) for n in (3, 5)]
    state = run(program, 6, [], mornings({0: 2, 1: 2, 2: 2, 4: 2, 6: 2}), runs, baseline=2, walk_ok=True)
    assert state.run_stage == 1
    assert [d.reason for d in state.decisions if d.target == "running"][1:] == [
        "Walk-run moves up to stage 2 (run 2 min, walk 2 min, 6 times): 2 runs at stage 1 with pain 2/10 or less"
    ]


def test_walk_run_steps_back_after_a_painful_run(sam):
    program = stopped_runner(sam)
    runs = [RunReport(day(n), 2, 24, p) for n, p in ((3, 1), (5, 1), (7, 6))]
    state = run(program, 8, [], mornings({0: 2, 1: 2, 2: 2, 4: 2, 6: 2, 8: 2}), runs, baseline=2, walk_ok=True)
    assert state.run_stage == 0
    assert "pain 6/10 during Monday's run" in state.decisions[-1].reason


def test_thresholds_are_settings_with_defaults_from_the_clinical_rules():
    assert (DEFAULT.safe_pain, DEFAULT.acceptable_pain, DEFAULT.flare_any_pain) == (2, 5, 7)
    assert DEFAULT.with_overrides(pain_free_max=1).pain_free_max == 1


def test_the_replay_is_deterministic(program):
    args = ([session(0, 2), session(2, 4)], mornings({1: 3, 3: 4, 5: 6, 6: 6}))
    assert run(program, 10, *args).as_dict() == run(program, 10, *args).as_dict()


def adjusted(sam, *adjustments) -> Program:
    from backstride.core.tracking.events import PlanAdjustment  # noqa: F401

    base = program_for(sam)
    return Program(base.plan, base.ladders, base.library, adjustments)


def test_a_clinicians_swap_replaces_the_exercise_from_its_date_with_the_reason(sam):
    from backstride.core.tracking.events import PlanAdjustment

    swap = PlanAdjustment(day(2), "swap", "Easier on the wrists for now", "plank", "dead-bug", 1, "Dr Lee")
    program = adjusted(sam, swap)
    state = run(program, 2)
    before = program.session_for(day(0), state)
    after = program.session_for(day(2), state)
    assert next(e for e in before["exercises"] if e["slot"] == "plank")["slug"] == "kneeling-plank"
    plank = next(e for e in after["exercises"] if e["slot"] == "plank")
    assert (plank["slug"], plank["dosage_step"]) == ("dead-bug", 2)
    assert plank["planned"]["slug"] == "kneeling-plank"
    reason = [d.reason for d in state.decisions if d.kind == "adjusted"]
    assert reason == ["Dr Lee swapped in Dead Bug at 1 × 6 reps: Easier on the wrists for now"]


def test_holding_a_phase_repeats_the_week_and_advancing_moves_to_the_next_phase(sam):
    from backstride.core.tracking.events import PlanAdjustment

    held = adjusted(sam, PlanAdjustment(day(9), "hold_phase", "Let it settle"))
    assert [held.week_of(day(n)) for n in (9, 14, 21)] == [2, 2, 3]
    advanced = adjusted(sam, PlanAdjustment(day(15), "advance_phase", "Moving well"))
    assert [advanced.week_of(day(n)) for n in (15, 21, 28)] == [3, 5, 6]
    state = run(advanced, 21)
    assert advanced.session_for(day(21), state)["exercises"]


@pytest.mark.parametrize("as_planned", [True, False])
@pytest.mark.parametrize(("during", "after"), [(0, 0), (2, 3), (3, 5), (4, 4), (5, 6), (6, 3)])
def test_a_log_without_exercises_gives_each_planned_exercise_what_the_exercise_rules_would(
    program, during, after, as_planned
):
    from backstride.core.tracking.adapt import Replay

    report = SessionReport(day(0), during, during, after, 5, as_planned=as_planned)
    replayed = Replay(program, History((report,), (), (), (), baseline_pain=3))
    replayed.run(day(0))
    [(logged, outcomes)] = replayed.pending
    assert logged is report and outcomes
    hold = next(iter(outcomes.values()))[2]
    assert bool(hold) == (after > DEFAULT.pain_after_limit or during > DEFAULT.acceptable_pain)
    # the same log through the exercise-by-exercise rules (which a log naming exercises takes)
    assert outcomes == replayed._outcomes(day(0), replayed.planned_near(day(0)), report, hold)


def test_a_days_later_plain_logs_share_the_outcomes_of_one_like_them_and_no_other(program):
    from backstride.core.tracking.adapt import Replay

    first, again, worse = (SessionReport(day(0), p, p, p, 5, as_planned=True) for p in (1, 1, 4))
    replayed = Replay(program, History((first, again, worse), (), (), (), baseline_pain=3))
    replayed.run(day(0))
    (_, a), (_, b), (_, c) = replayed.pending
    assert a is b  # the same pains, the same session: worked out once
    assert c is not a and {v[0] for v in c.values()} == {min(4, DEFAULT.acceptable_pain)}
    assert c == replayed._outcomes(day(0), replayed.planned_near(day(0)), worse, "")
