"""Safety rules of the replay, each pinned on both sides of its boundary (CLINICAL.md s1, s4, s7, s8)."""

import datetime as dt

import pytest

from backstride.core.tracking.events import CheckInReport, Clearance, ExerciseResult, RunReport, SessionReport
from backstride.core.tracking.thresholds import DEFAULT

from .test_adaptation import day, mornings, program_for, run, session, stopped_runner


@pytest.fixture
def program(sam):
    return program_for(sam)


def leg(n: int, pain: int = 3, weakness: bool = False) -> CheckInReport:
    return CheckInReport(day(n), pain, leg_symptoms=True, leg_weakness=weakness)


def with_legs(pains: dict[int, int], legs: dict[int, bool]) -> tuple[CheckInReport, ...]:
    """Check-ins with leg symptoms on the days given (True: with weakness)."""
    out = []
    for n, p in sorted(pains.items()):
        if n in legs:
            out.append(leg(n, p, weakness=legs[n]))
        else:
            out.append(CheckInReport(day(n), p))
    return tuple(out)


def progress_after(state, when: dt.date) -> list:
    return [d for d in state.decisions if d.kind == "progress" and d.date >= when]


# -- 1. New leg symptoms ----------------------------------------------------------------------


def test_new_leg_symptoms_at_a_settled_morning_pause_training_and_running_for_a_clinicians_review(program):
    state = run(program, 3, [session(0, 1), session(2, 1)], with_legs({1: 3, 2: 3, 3: 3}, {3: False}))
    assert state.paused is not None
    assert (state.paused.status, state.paused.cause, state.paused.date) == ("refer_urgent", "leg_symptoms", day(3))
    assert "within the next few days" in state.paused.message
    assert "new leg symptoms at the morning check-in" in state.paused.reasons
    assert program.session_for(day(4), state) is None


def test_a_morning_without_leg_symptoms_does_not_pause(program):
    state = run(program, 3, [session(0, 1), session(2, 1)], mornings({1: 3, 2: 3, 3: 3}))
    assert state.paused is None


def test_leg_symptoms_during_a_flare_up_still_refer(program):
    checkins = with_legs({0: 3, 1: 8, 2: 6, 3: 6}, {3: False})
    state = run(program, 4, [], checkins)
    assert state.paused is not None and state.paused.cause == "leg_symptoms"
    assert state.flare_start is None
    flare = next(e for e in state.episodes if e.kind == "flare_up")
    assert flare.end == day(2)


def test_leg_symptoms_on_a_second_morning_within_a_week_escalate_to_the_emergency_tier(program):
    state = run(program, 7, [], with_legs({1: 3, 7: 3}, {1: False, 7: False}))
    assert state.paused.status == "refer_emergency"
    assert "emergency department" in state.paused.message
    assert any("2 mornings within 7 days" in r for r in state.paused.reasons)


def test_leg_symptoms_a_week_apart_stay_urgent(program):
    state = run(program, 8, [], with_legs({1: 3, 8: 3}, {1: False, 8: False}))
    assert state.paused.status == "refer_urgent"


def test_leg_symptoms_with_weakness_go_straight_to_the_emergency_tier(program):
    state = run(program, 2, [], with_legs({1: 3, 2: 3}, {2: True}))
    assert state.paused.status == "refer_emergency"
    assert "weakness in a leg" in state.paused.reasons


def test_a_clearance_after_leg_symptoms_resumes_and_later_symptoms_count_afresh(program):
    checkins = with_legs({1: 3, 3: 3, 5: 3}, {1: False, 5: False})
    state = run(program, 5, [], checkins, clearances=[Clearance(day(3), "Physio saw it")])
    assert state.paused.status == "refer_urgent" and state.paused.date == day(5)


# -- 2 is in the services (who may clear an emergency pause) -----------------------------------

# -- 3. Severe pain that does not settle --------------------------------------------------------


def test_a_flare_up_still_high_on_its_sixth_day_goes_on_with_the_settle_down_block(program):
    state = run(program, 7, [], mornings({0: 3} | {n: 7 if n == 1 else 6 for n in range(1, 8)}))
    assert state.flare_start == day(1) and state.paused is None
    assert program.session_for(day(7), state)["kind"] == "settle_down"


def test_after_the_longest_settle_down_block_high_mornings_keep_the_program_paused(program):
    pains = {0: 3} | {n: 7 if n == 1 else 6 for n in range(1, 15)}
    state = run(program, 14, [], mornings(pains))
    assert state.paused.cause == "pain_not_settling" and state.paused.date == day(8)
    assert not [d for d in state.decisions if d.kind in ("flare_up", "flare_over") and d.date > day(8)]
    assert program.session_for(day(14), state) is None


def test_a_paused_runner_whose_mornings_settle_resumes_one_step_lower(program):
    pains = {0: 3} | {n: 7 if n == 1 else 6 for n in range(1, 10)} | {10: 4}
    state = run(program, 10, [], mornings(pains))
    assert state.paused is None
    resume = state.decisions[-1]
    assert (resume.kind, resume.date) == ("resume", day(10))
    assert "back near your usual 3/10" in resume.reason


def test_a_paused_runner_one_point_too_high_stays_paused(program):
    pains = {0: 3} | {n: 7 if n == 1 else 6 for n in range(1, 10)} | {10: 5}
    state = run(program, 10, [], mornings(pains))
    assert state.paused is not None


# -- 4. Walk-run starts on the runner's own logs ------------------------------------------------


@pytest.fixture
def stopped(sam):
    return stopped_runner(sam)


def test_walk_run_waits_for_three_mornings_at_two_or_less_even_when_the_calendar_says_run(stopped):
    runs = [RunReport(day(n), 2, 24, 1) for n in (1, 3)]
    state = run(stopped, 4, [], mornings({2: 2, 4: 2}), runs, baseline=2, walk_ok=True)
    assert state.walk_run_from is None and state.run_stage == 0
    assert any("last 3 check-ins (so far: 2/10, 2/10)" in m for m in state.walk_run_missing)


def test_walk_run_may_start_on_the_third_morning_at_two_or_less(stopped):
    state = run(stopped, 2, [], mornings({0: 2, 1: 1, 2: 2}), baseline=2, walk_ok=True)
    assert state.walk_run_from == day(2) and state.walk_run_missing == []


def test_a_morning_at_three_among_the_last_three_keeps_the_runner_walking(stopped):
    state = run(stopped, 2, [], mornings({0: 2, 1: 3, 2: 2}), baseline=2, walk_ok=True)
    assert state.walk_run_from is None


def test_without_a_comfortable_walk_walk_run_waits_for_a_logged_thirty_minute_walk(stopped):
    short = RunReport(day(1), 2.5, 29, 1, walk=True)
    state = run(stopped, 3, [], mornings({0: 2, 1: 2, 2: 2, 3: 2}), [short], baseline=2)
    assert state.walk_run_from is None and "30-minute walk" in state.walk_run_missing[0]
    enough = RunReport(day(1), 2.5, 30, 1, walk=True)
    state = run(stopped, 3, [], mornings({0: 2, 1: 2, 2: 2, 3: 2}), [enough], baseline=2)
    assert state.walk_run_from == day(2)


def test_a_painful_thirty_minute_walk_does_not_count_as_comfortable(stopped):
    sore = RunReport(day(1), 2.5, 35, 3, walk=True)
    state = run(stopped, 3, [], mornings({0: 2, 1: 2, 2: 2, 3: 2}), [sore], baseline=2)
    assert state.walk_run_from is None


# -- 7. Slowly rising morning pain ------------------------------------------------------------

# Weekly means 3.0, 3.4, 3.9, 4.3, 4.7, 5.1: never a point up on the week before, yet 2 above settled.
RISING = [3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 4, 3, 4, 4, 4, 3, 4, 4, 4, 4, 4, 4, 4, 5, 4, 4, 5, 5, 5, 4, 5, 5, 5, 4]
RISING += [5, 5, 5, 5, 5, 6, 5]


def good_sessions(until: int) -> list[SessionReport]:
    return [session(n, 1) for n in range(until) if day(n).weekday() in (0, 2, 4)]


def test_morning_pain_held_two_points_above_the_settled_level_steps_back_and_asks_for_a_review(program):
    pains = dict(enumerate(RISING))
    state = run(program, len(RISING) - 1, good_sessions(len(RISING)), mornings(pains))
    assert state.settled_baseline == 3.0
    assert state.pain_rise_since is not None
    rise = state.pain_rise_since
    week = [p for n, p in pains.items() if rise - dt.timedelta(days=6) <= day(n) <= rise]
    assert sum(week) / len(week) >= 5.0
    kinds_that_day = [d.kind for d in state.decisions if d.date == rise and d.target == "program"]
    assert "step_back" in kinds_that_day and "review" in kinds_that_day
    assert not progress_after(state, rise)


# A week at 3, a week at 4, then a week at 5: the rolling median climbs too, so no flare-up starts.
STAIRS = {n: 3 for n in range(7)} | {n: 4 for n in range(7, 14)}


def test_mornings_one_point_nine_above_the_settled_level_do_not_trigger_the_sustained_rise(program):
    pains = STAIRS | {n: 5 for n in range(14, 21)} | {20: 4}  # a mean of 4.86 over the last week
    state = run(program, 20, [], mornings(pains))
    assert state.flare_start is None and state.paused is None
    assert state.settled_baseline == 3.0 and state.pain_rise_since is None


def test_exactly_two_points_above_the_settled_level_for_a_week_triggers_it(program):
    pains = STAIRS | {n: 5 for n in range(14, 21)}
    state = run(program, 20, [], mornings(pains))
    assert state.flare_start is None and state.pain_rise_since == day(20)


def test_once_mornings_come_back_down_exercises_may_move_up_again(program):
    pains = STAIRS | {n: 5 for n in range(14, 21)} | {n: 3 for n in range(21, 28)}
    state = run(program, 27, [], mornings(pains))
    assert state.pain_rise_since is None
    assert any(d.kind == "allowed" and "may move up again" in d.reason for d in state.decisions)


# -- 8. Pain after a session ------------------------------------------------------------------


def sessions_with_after(after: int) -> list[SessionReport]:
    return [SessionReport(day(n), 1, 1, after, 5, as_planned=True) for n in (0, 2, 4)]


def test_pain_after_a_session_above_five_stops_progression(program):
    state = run(program, 8, sessions_with_after(6), mornings({1: 3, 3: 3, 5: 3, 7: 3}))
    assert not [d for d in state.decisions if d.kind == "progress"]
    assert any("pain 6/10 after Friday's session" in d.reason for d in state.decisions)


def test_pain_after_a_session_of_five_still_allows_progression(program):
    state = run(program, 8, sessions_with_after(5), mornings({1: 3, 3: 3, 5: 3, 7: 3}))
    assert [d for d in state.decisions if d.kind == "progress"]


# -- 10. The bottom rung, and blame for the worst exercise ---------------------------------------


def test_pain_above_five_at_the_easiest_step_leaves_the_exercise_out_with_a_reason(program):
    first = program.session_for(day(0), run(program, 0))
    target = next(e for e in first["exercises"] if e["slot"] == "anti_rotation")
    assert (
        program.ladders["anti_rotation"].index(
            next(r for r in program.ladders["anti_rotation"] if r.slug == target["slug"])
        )
        == 0
    )
    hurt = SessionReport(day(0), 2, 6, 3, 5, exercises=(ExerciseResult(target["slug"], pain=6),))
    state = run(program, 1, [hurt], mornings({1: 3}))
    removed = [d for d in state.decisions if d.kind == "removed"]
    assert removed and target["name"] in removed[0].reason and "pain 6/10" in removed[0].reason
    nxt = program.session_for(day(2), state)
    assert target["slug"] not in {e["slug"] for e in nxt["exercises"]}
    assert nxt["left_out"][0]["slug"] == target["slug"]


def test_an_exercise_left_out_comes_back_with_the_next_phase(program):
    first = program.session_for(day(0), run(program, 0))
    target = next(e for e in first["exercises"] if e["slot"] == "anti_rotation")
    hurt = SessionReport(day(0), 2, 6, 3, 5, exercises=(ExerciseResult(target["slug"], pain=6),))
    state = run(program, 14, [hurt], mornings({1: 3}))
    assert "anti_rotation" not in state.removed
    assert any(d.kind == "allowed" and d.target == "anti_rotation" for d in state.decisions)


def test_the_quick_form_does_not_step_every_exercise_back_for_the_worst_one(program):
    worst = SessionReport(day(9), 2, 6, 4, 5, as_planned=True)
    state = run(
        program,
        10,
        [session(0, 1), session(2, 1), session(4, 1), session(7, 1), worst],
        mornings({1: 3, 3: 3, 5: 3, 8: 3}),
    )
    assert not [d for d in state.decisions if d.kind == "step_back" and d.date == day(9)]
    hold = [d for d in state.decisions if d.kind == "hold" and d.date == day(9)]
    assert hold and "log each exercise's pain" in hold[0].reason


def test_each_exercise_is_judged_by_its_own_pain_when_the_runner_gave_it(program):
    planned = program.session_for(day(0), run(program, 0))["exercises"]
    trunk = [e for e in planned if e["slot"] in program.ladders]
    sore, fine = trunk[0], trunk[1]
    report = SessionReport(
        day(0), 2, 6, 3, 5, exercises=(ExerciseResult(sore["slug"], pain=6), ExerciseResult(fine["slug"], pain=1))
    )
    state = run(program, 1, [report], mornings({1: 3}))
    touched = {d.target for d in state.decisions if d.kind in ("step_back", "removed")}
    assert touched == {sore["slot"]}


# -- 11. Re-entry after a recurrence -----------------------------------------------------------


def test_re_entry_starts_one_step_below_the_level_reached_and_fits_the_runners_minutes(program):
    pains = {n: 0 for n in range(0, 70)} | {70: 2, 71: 3}
    good = good_sessions(70)
    reached = run(program, 69, good, mornings({n: 0 for n in range(70)}), baseline=0)
    state = run(program, 72, good, mornings(pains), baseline=0)
    assert state.reentry_start == day(72)
    for slot, pos in reached.positions.items():
        assert state.positions[slot] == max(min(pos, program.ceiling(slot, day(71))) - 1, 0)
    reentry = next(program.session_for(day(n), state) for n in range(72, 79) if program.session_for(day(n), state))
    assert reentry["kind"] == "reentry"
    assert reentry["minutes"] <= program.session_budget


def test_thresholds_for_the_safety_rules_are_named_settings():
    assert (DEFAULT.sustained_rise, DEFAULT.leg_symptom_mornings_to_escalate, DEFAULT.pain_after_limit) == (2.0, 2, 5)
    assert (DEFAULT.return_walk_minutes, DEFAULT.return_max_morning_pain, DEFAULT.return_checkins) == (30, 2, 3)
