"""More rules pinned on both sides of their boundary: the edges the second mutation sample found unpinned.

The numbers are written out here rather than read from the code, so a wrong constant there fails a test.
"""

import datetime as dt

import pytest

from backstride.core.planner.days import choose_session_days
from backstride.core.tracking.events import CheckInReport, Clearance, ExerciseResult, RunReport, SessionReport

from .test_adaptation import START, day, mornings, program_for, run, session, stopped_runner
from .test_adaptation_safety import good_sessions


@pytest.fixture
def program(sam):
    return program_for(sam)


def running_decisions(state, kind: str, on: dt.date) -> list:
    return [d for d in state.decisions if d.target == "running" and d.kind == kind and d.date == on]


# -- The walk-run return, as the plan writes it (CLINICAL.md s7) ------------------------------------


def test_a_runner_not_yet_ready_walks_for_two_weeks_building_from_twenty_to_twenty_five_minutes(sam):
    program = stopped_runner(sam, walk_30_min_comfortable=False)
    walking = [w["running"] for w in program.plan["weeks"][:2]]
    assert [w["mode"] for w in walking] == ["walk", "walk"]
    assert "building to 20 minutes" in walking[0]["summary"]
    assert "building to 25 minutes" in walking[1]["summary"]


def test_the_walk_breaks_shorten_to_one_minute_from_the_fourth_walk_run_stage(sam):
    runs = [r for w in stopped_runner(sam).plan["weeks"] for r in w["running"]["runs"]]
    by_stage = {r["stage"]: (r["run_minutes"], r["walk_minutes"], r["repeats"]) for r in runs}
    assert by_stage[3] == (3, 2, 5)
    assert by_stage[4] == (4, 1, 5)  # 20 minutes of running in 25, where stage 3 ran 15 in 25
    assert "Stage 4: run 4 min, walk 1 min, 5 times" in [r["description"] for r in runs]


# -- The goal race and the plan's first day -----------------------------------------------------------


def race_note(sam, race_date: dt.date) -> dict:
    sam["running"]["goal_race"] = {"name": "Parkrun", "date": race_date.isoformat(), "distance_km": 5}
    return program_for(sam).plan["goal_race"]


def test_a_race_on_the_plan_start_day_counts_as_inside_the_plan(sam):
    note = race_note(sam, START)
    assert note["weeks_from_start"] == 0
    assert "falls inside the program" in note["note"]
    assert "before the program starts" not in note["note"]


def test_a_race_the_day_before_the_plan_starts_is_not_planned_for(sam):
    note = race_note(sam, START - dt.timedelta(days=1))
    assert note["in_plan"] is False
    assert note["note"] == "The goal race date is before the program starts; it is not planned for."


# -- Trunk sessions and the long run --------------------------------------------------------------


def test_a_trunk_session_avoids_the_long_run_day_when_another_day_is_free():
    # Monday's long run comes first in the week, so only the penalty keeps the session off it
    hard, _light = choose_session_days(["mon", "thu"], 1, "mon", [])
    assert hard == ["thu"]


def test_a_trunk_session_goes_on_the_long_run_day_when_that_is_the_only_day():
    hard, _light = choose_session_days(["mon"], 1, "mon", [])
    assert hard == ["mon"]


# -- The usual morning pain and the settled level (CLINICAL.md s4) ---------------------------------


def test_the_usual_morning_pain_is_the_median_of_the_last_seven_check_ins(program):
    # the last seven (1, 2, 2, 2, 1, 1, 1) have a median of 1; the last six or eight would give 1.5
    pains = dict(enumerate([2, 1, 2, 2, 2, 1, 1, 1]))
    state = run(program, 7, [], mornings(pains))
    assert state.flare_start is None and state.paused is None
    assert state.baseline == 1.0


def test_the_usual_morning_pain_is_the_runners_own_answer_until_three_check_ins(program):
    assert run(program, 1, [], mornings({0: 1, 1: 1}), baseline=4).baseline == 4.0
    assert run(program, 2, [], mornings({0: 1, 1: 1, 2: 1}), baseline=4).baseline == 1.0


def test_the_settled_level_is_taken_from_the_first_three_check_ins_and_a_slow_rise_is_measured_from_it(program):
    # 1, 1, 2 settle at 1; a week at 3 is then 2 points above it. Taken at four check-ins (1, 1, 2, 2)
    # the level would be 1.5, and the same week would not count as a rise.
    pains = {0: 1, 1: 1, 2: 2} | {n: 2 for n in range(3, 7)} | {n: 3 for n in range(7, 14)}
    assert run(program, 2, [], mornings(pains)).settled_baseline == 1.0
    state = run(program, 13, [], mornings(pains))
    assert state.flare_start is None and state.paused is None
    assert state.settled_baseline == 1.0
    assert state.pain_rise_since == day(13)


# -- How far the replay reaches ------------------------------------------------------------------


def test_the_replay_reaches_ten_years_of_366_days_past_the_start_and_refuses_one_day_more(program):
    assert run(program, 3660).as_of == day(3660)
    with pytest.raises(ValueError, match="3660 days after the plan's start"):
        run(program, 3661)


# -- Weeks without sessions --------------------------------------------------------------------------


def no_session_last_week(state, on: dt.date) -> bool:
    return any(
        d.kind == "hold" and d.date == on and d.reason.startswith("No session logged last week")
        for d in state.decisions
    )


def test_a_session_on_the_first_day_of_a_new_week_does_not_count_for_the_week_before(program):
    state = run(program, 7, [session(7, 1)], mornings({n: 3 for n in range(8)}))
    assert no_session_last_week(state, day(7))


def test_a_session_exactly_seven_days_before_the_new_week_counts_for_the_week_before(program):
    state = run(program, 7, [session(0, 1)], mornings({n: 3 for n in range(8)}))
    assert not no_session_last_week(state, day(7))


# -- One exercise named as the one that hurt (CLINICAL.md s4) ------------------------------------------


def test_an_exercise_named_at_the_sessions_worst_pain_takes_the_blame_and_the_others_are_not_held(program):
    planned = program.session_for(day(0), run(program, 0))["exercises"]
    sore, fine = (next(e for e in planned if e["slot"] == slot) for slot in ("plank", "glute"))
    reports = [
        SessionReport(
            day(n), 2, 6, 3, 5, exercises=(ExerciseResult(sore["slug"], pain=6), ExerciseResult(fine["slug"], pain=1))
        )
        for n in (0, 2)
    ]
    state = run(program, 7, reports, mornings({n: 3 for n in range(1, 8)}))
    assert not [d for d in state.decisions if d.target == "program" and d.kind == "hold"]
    moved = {d.target for d in state.decisions if d.kind == "progress"}
    assert fine["slot"] in moved and sore["slot"] not in moved


def test_the_sessions_worst_pain_above_what_any_named_exercise_had_holds_everything(program):
    planned = program.session_for(day(0), run(program, 0))["exercises"]
    fine = next(e for e in planned if e["slot"] in program.ladders)
    report = SessionReport(day(0), 2, 6, 3, 5, exercises=(ExerciseResult(fine["slug"], pain=5),))
    state = run(program, 1, [report], mornings({1: 3}))
    hold = [d for d in state.decisions if d.target == "program" and d.kind == "hold"]
    assert hold and "log each exercise's pain" in hold[0].reason


# -- Running volume steps back one week (CLINICAL.md s7) ----------------------------------------------


def runs_on(pains: dict[int, int]) -> list[RunReport]:
    return [RunReport(day(n), 4, 25, p) for n, p in sorted(pains.items())]


def test_a_painful_week_of_running_steps_back_to_the_week_before_not_two_weeks(program):
    runs = runs_on({1: 1, 3: 1, 5: 1, 8: 1, 10: 6, 12: 1})
    moved_on = run(program, 6, [], mornings({n: 3 for n in range(7)}), runs)
    assert moved_on.run_pos == 1  # week 1 went well: week 2's volume
    state = run(program, 13, [], mornings({n: 3 for n in range(14)}), runs)
    assert running_decisions(state, "step_back", day(13))
    assert state.run_pos == 0  # back to week 1's volume


def test_a_flare_up_steps_the_running_volume_back_one_week(program):
    runs = runs_on({1: 1, 3: 1, 5: 1})
    pains = {n: 3 for n in range(8)} | {8: 7, 9: 3, 10: 3, 11: 3}  # over on day 11
    state = run(program, 11, [], mornings(pains), runs)
    assert [(e.start, e.end) for e in state.episodes if e.kind == "flare_up"] == [(day(8), day(10))]
    assert state.run_pos == 0  # week 2's volume was earned; it resumes at week 1's


# -- Which weeks the running judgement skips --------------------------------------------------------


def test_a_week_with_a_cleared_referral_is_still_judged_for_running(program):
    red_flag = CheckInReport(day(1), 3, red_flag_status="refer_urgent", red_flag_message="See a doctor.")
    checkins = (*mornings({n: 3 for n in range(7) if n != 1}), red_flag)
    state = run(program, 6, [], checkins, runs_on({3: 1, 5: 6}), clearances=[Clearance(day(2), "GP saw it")])
    assert state.paused is None
    back = running_decisions(state, "step_back", day(6))
    assert back and "pain up to 6/10 on this week's runs" in back[0].reason


def test_a_flare_up_that_began_on_the_last_day_of_last_week_does_not_excuse_this_weeks_painful_run(program):
    pains = {n: 3 for n in range(6)} | {6: 7} | {n: 3 for n in range(7, 14)}  # the flare-up is over on day 9
    state = run(program, 13, [], mornings(pains), runs_on({10: 1, 12: 6}))
    assert [(e.start, e.end) for e in state.episodes if e.kind == "flare_up"] == [(day(6), day(8))]
    back = running_decisions(state, "step_back", day(13))
    assert back and "pain up to 6/10 on this week's runs" in back[0].reason


def test_a_flare_up_on_the_first_day_of_the_week_excuses_that_whole_weeks_running_judgement(program):
    pains = {n: 3 for n in range(7)} | {7: 7} | {n: 3 for n in range(8, 14)}  # the settle-down block handled it
    state = run(program, 13, [], mornings(pains), runs_on({9: 1, 11: 6}))
    assert [e.start for e in state.episodes if e.kind == "flare_up"] == [day(7)]
    assert not running_decisions(state, "step_back", day(13))


# -- A recurrence starts the count of good sessions again (CLINICAL.md s8) --------------------------


def test_after_a_recurrence_good_sessions_from_before_it_do_not_move_anything_up(program):
    good = good_sessions(30)  # Monday, Wednesday and Friday, pain 1/10, until the recurrence
    calm = {n: 0 for n in range(36)}
    recurred = calm | {30: 2, 31: 2}
    before = run(program, 35, good, mornings(calm), baseline=0)
    assert [d.date for d in before.decisions if d.kind == "progress"][-1] == day(35)  # the plan's week 6
    state = run(program, 35, good, mornings(recurred), baseline=0)
    assert [d.date for d in state.decisions if d.kind == "recurrence"] == [day(31)]
    assert not [d for d in state.decisions if d.kind == "progress" and d.date > day(31)]


# -- Walk-run after a flare-up (CLINICAL.md s4, s7) ------------------------------------------------------


def test_a_flare_up_at_walk_run_stage_one_resumes_at_stage_one_and_counts_two_good_runs_afresh(sam):
    program = stopped_runner(sam)
    pains = {0: 2, 1: 2, 2: 2, 3: 2, 4: 2, 5: 7, 6: 2, 7: 2, 8: 2, 9: 2, 10: 2, 11: 2, 12: 2, 13: 2}
    runs = [RunReport(day(n), 2, 24, 1) for n in (3, 10, 12)]  # one good run before the flare-up, two after

    def stage_on(n: int) -> int:
        return run(program, n, [], mornings(pains), runs, baseline=2, walk_ok=True).run_stage

    assert stage_on(8) == 0  # the flare-up is over, back at the first stage (index 0)
    assert stage_on(11) == 0  # the run before the flare-up no longer counts
    assert stage_on(13) == 1


def test_walk_run_readiness_on_the_first_day_does_not_count_the_next_mornings_check_in(sam):
    # check-ins from before the start (an earlier plan's) count; the third good morning is the day after the start,
    # so a run on the first day comes before walk-run was allowed
    program = stopped_runner(sam)
    checkins = mornings({-1: 2, 0: 2, 1: 2})
    state = run(program, 1, [], checkins, [RunReport(day(0), 2, 24, 1)], baseline=2, walk_ok=True)
    assert state.walk_run_from == day(1)
    assert state.runs_at_stage == 0
    held = running_decisions(state, "hold", day(0))
    assert held and "does not count towards walk-run stages yet" in held[0].reason


# -- Edges the third mutation sample found ---------------------------------------------------------


def test_a_recurrence_episode_starts_on_the_first_of_the_two_sore_mornings(program):
    pains = {n: 0 for n in range(30)} | {30: 2, 31: 2}
    state = run(program, 31, [], mornings(pains), baseline=0)
    assert [e.start for e in state.episodes if e.kind == "recurrence"] == [day(30)]


def test_a_missing_check_in_holds_nothing_that_is_already_at_this_weeks_planned_level(program):
    state = run(program, 1, [session(0, 1)], ())
    assert all(
        program.ceiling(slot, day(1)) == state.positions.get(slot, program.first_planned(slot))
        for slot in program.ladders
    )
    assert not [d for d in state.decisions if d.kind == "hold" and d.target in program.ladders]


def test_a_session_on_the_long_run_day_is_preferred_to_two_sessions_on_consecutive_days():
    hard, _light = choose_session_days(["mon", "tue", "sun"], 2, "sun", [])
    assert hard == ["tue", "sun"]


def test_the_maintenance_day_falls_on_a_session_day_when_every_free_day_comes_before_a_hard_run():
    from backstride.core.planner.days import maintenance_day

    assert maintenance_day(["mon", "sat"], ["sat"], "sun", ["tue"]) == "sat"


def test_the_first_checkpoint_is_kept_once_a_week_has_been_replayed_past_it(program):
    from backstride.core.tracking.adapt import replay_resuming
    from backstride.core.tracking.events import History

    history = History(checkins=mornings({n: 2 for n in range(14)}), baseline_pain=2)
    assert replay_resuming(program, history, day(12)).checkpoint is None
    assert replay_resuming(program, history, day(13)).checkpoint.day == day(6)


def test_a_race_on_the_programs_last_day_is_inside_it_and_the_day_after_is_not(sam):
    last = START + dt.timedelta(weeks=8, days=-1)
    assert "falls inside the program" in race_note(sam, last)["note"]
    after = race_note(sam, last + dt.timedelta(days=1))["note"]
    assert "falls inside the program" not in after and "weeks after the start" in after


def test_a_recurrence_never_puts_an_exercise_below_its_easiest_step(program):
    pains = {n: 0 for n in range(30)} | {30: 2, 31: 2}
    state = run(program, 31, [], mornings(pains), baseline=0)
    assert state.positions and min(state.positions.values()) == 0


def test_an_exercise_left_out_comes_back_named_at_its_easiest_step(program):
    first = program.session_for(day(0), run(program, 0))
    target = next(e for e in first["exercises"] if e["slot"] == "anti_rotation")
    hurt = SessionReport(day(0), 2, 6, 3, 5, exercises=(ExerciseResult(target["slug"], pain=6),))
    state = run(program, 14, [hurt], mornings({1: 3}))
    easiest = program.library[program.ladders["anti_rotation"][0].slug].name
    back = [d.reason for d in state.decisions if d.kind == "allowed" and d.target == "anti_rotation"]
    assert back == [f"{easiest} comes back at its easiest step with the new phase."]


def test_a_flare_up_ends_with_every_exercise_one_step_below_the_level_it_had_reached(program):
    good = [session(n, 1) for n in range(35) if n % 7 in (0, 2, 4)]
    calm = {n: 2 for n in range(36)}
    before = run(program, 35, good, mornings(calm), baseline=2)
    assert max(before.positions.values()) >= 2  # far enough up that one step and two steps differ
    reached = {
        slot: min(before.positions.get(slot, program.first_planned(slot)), program.ceiling(slot, day(36)))
        for slot in program.ladders
    }
    flare = calm | {36: 7, 37: 2, 38: 2, 39: 2, 40: 2}
    after = run(program, 40, good, mornings(flare), baseline=2)
    flares = [(e.start, e.end) for e in after.episodes if e.kind == "flare_up"]
    assert len(flares) == 1 and flares[0][0] == day(36) and flares[0][1] is not None
    assert after.positions == {slot: max(pos - 1, 0) for slot, pos in reached.items()}


def test_a_walk_run_at_five_out_of_ten_with_a_worse_morning_blames_the_morning(sam):
    program = stopped_runner(sam)
    pains = {0: 2, 1: 2, 2: 2, 3: 2, 4: 4}
    state = run(program, 4, [], mornings(pains), [RunReport(day(3), 2, 24, 5)], baseline=2, walk_ok=True)
    back = running_decisions(state, "step_back", day(4))
    assert back and "morning pain 4/10 after" in back[0].reason and "pain 5/10 during" not in back[0].reason


def test_the_goal_race_note_gives_the_current_long_run_to_a_tenth(sam):
    sam["running"]["long_run_km"] = 12.5
    assert race_note(sam, START + dt.timedelta(weeks=4))["current_long_run_km"] == 12.5


# -- Edges the fourth mutation sample (seed 29) found ---------------------------------------------


def test_a_one_point_drop_from_two_is_a_meaningful_change_but_from_four_is_not():
    from backstride.core.questionnaires.pain_scale import change

    assert change(2, 1) != "no_meaningful_change"  # 50 %, and a whole point
    assert change(4, 3) == "no_meaningful_change"  # 25 %: under both thresholds


def test_sunday_and_monday_are_back_to_back_so_never_both_run_days(sam):
    from backstride.core.intake import parse_intake
    from backstride.core.planner.running import _run_days

    sam["running"]["run_days"] = ["mon", "wed", "sun"]
    sam["running"]["long_run_day"] = "sun"
    assert _run_days(parse_intake(sam), 3) == ["mon", "wed"]


def test_two_inflammatory_features_suggest_nothing_and_three_suggest_a_gp_visit():
    from backstride.core.screening import screen
    from tests.unit.test_red_flags import _inflammatory

    assert screen(_inflammatory(2, age=40)).routine_referral is None
    assert screen(_inflammatory(3, age=40)).routine_referral == "inflammatory_back_pain_possible"


def test_a_flexor_to_extensor_ratio_of_nine_tenths_or_more_is_off_target():
    from backstride.core.questionnaires.endurance import EnduranceTimes, ratios

    assert ratios(EnduranceTimes(95, 100, 60, 60))["flexion_extension"]["on_target"] is True
    assert ratios(EnduranceTimes(100, 100, 60, 60))["flexion_extension"]["on_target"] is False


def test_psfs_ratings_are_whole_numbers_from_zero_and_the_mean_change_keeps_its_tenth():
    from backstride.core.errors import InputError
    from backstride.core.questionnaires.psfs import meaningful_change, score

    assert score({"running": 0}).mean == 0
    with pytest.raises(InputError):
        score({"running": -1})
    change = meaningful_change(score({"running": 2, "stairs": 3}), score({"running": 5, "stairs": 5}))
    assert change["mean"] == 2.5


def test_a_flare_up_in_the_first_week_leaves_every_exercise_at_its_easiest_step_at_that_step(program):
    before = run(program, 0, [], mornings({0: 3}))
    easiest = {
        slot
        for slot in program.ladders
        if min(before.positions.get(slot, program.first_planned(slot)), program.ceiling(slot, day(1))) == 0
    }
    assert len(easiest) > 5
    state = run(program, 6, [], mornings({0: 3, 1: 7, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3}))
    flares = [e for e in state.episodes if e.kind == "flare_up"]
    assert flares and flares[0].end is not None
    assert {state.positions[slot] for slot in easiest} == {0}


def test_a_weekly_step_back_lowers_every_exercise_that_is_above_its_easiest_step(program):
    good = [session(n, 1) for n in range(21) if n % 7 in (0, 2, 4)]
    worse = {n: 2 for n in range(21)} | {n: 3 for n in range(21, 28)}  # a week a point above the one before
    eve = run(program, 26, good, mornings(worse), baseline=2)
    after = run(program, 27, good, mornings(worse), baseline=2)
    assert [d.date for d in after.decisions if d.kind == "step_back" and d.target == "program"] == [day(27)]
    level = {
        slot: min(eve.positions.get(slot, program.first_planned(slot)), program.ceiling(slot, day(27)))
        for slot in program.ladders
    }
    assert sum(1 for pos in level.values() if pos > 0) > 5
    assert {slot: after.positions.get(slot, pos) for slot, pos in level.items()} == {
        slot: max(pos - 1, 0) for slot, pos in level.items()
    }


def test_a_walk_run_race_on_the_programs_last_day_is_inside_it(sam):
    start = stopped_runner(sam).start  # sam now returns to running through walk-run
    last = start + dt.timedelta(weeks=8, days=-1)
    sam["running"]["goal_race"] = {"name": "Parkrun", "date": last.isoformat(), "distance_km": 5}
    assert "while you are returning to running" in program_for(sam).plan["goal_race"]["note"]


STAIRS = {n: 3 for n in range(7)} | {n: 4 for n in range(7, 14)}  # settled at 3, the median climbing with it


def test_three_mornings_in_the_last_week_are_enough_to_judge_a_sustained_rise_and_two_are_not(program):
    three = STAIRS | {18: 5, 19: 5, 20: 5}
    assert run(program, 20, [], mornings(three)).pain_rise_since == day(20)
    two = STAIRS | {19: 5, 20: 5}
    assert run(program, 20, [], mornings(two)).pain_rise_since is None


def test_after_a_walk_run_step_back_two_good_runs_move_up_a_stage(sam):
    program = stopped_runner(sam)
    pains = {n: 2 for n in range(10)}
    runs = [RunReport(day(3), 2, 24, 6), RunReport(day(5), 2, 24, 1), RunReport(day(7), 2, 24, 1)]
    state = run(program, 8, [], mornings(pains), runs, baseline=2, walk_ok=True)
    assert running_decisions(state, "step_back", day(4))
    assert state.run_stage == 1


def test_a_clinicians_dose_at_an_exercises_last_step_is_named_with_that_dose(sam):
    from backstride.core.tracking.decisions import dose_words
    from backstride.core.tracking.events import PlanAdjustment
    from backstride.core.tracking.resolve import Program

    base = program_for(sam)
    steps = base.library["dead-bug"].dosage.steps
    last = len(steps) - 1
    change = PlanAdjustment(day(2), "dosage", "Ready for the full dose", "anti_extension", "dead-bug", last, "Dr Lee")
    state = run(Program(base.plan, base.ladders, base.library, (change,)), 2)
    reasons = [d.reason for d in state.decisions if d.kind == "adjusted"]
    assert len(reasons) == 1 and dose_words(steps[last].values()) in reasons[0]
    assert dose_words(steps[last].values()) != dose_words(steps[last - 1].values())


def test_the_weekly_trend_leaves_out_a_fortnight_holding_a_flare_up_that_began_thirteen_days_before(program):
    this_week = dict(zip(range(21, 28), [5, 3, 5, 3, 4, 3, 4], strict=True))  # up over a point, never two days high

    def weekly_step_backs(pains: dict) -> list:
        state = run(program, 27, [], mornings(pains), baseline=2)
        return [d for d in state.decisions if d.kind == "step_back" and d.target == "program" and d.date == day(27)]

    calm = {n: 2 for n in range(21)} | this_week
    assert weekly_step_backs(calm)  # against a calm week before, this week steps back
    flared = calm | {14: 7}  # a flare-up on day 14, thirteen days before the week's end
    state = run(program, 27, [], mornings(flared), baseline=2)
    assert [e.start for e in state.episodes if e.kind == "flare_up"] == [day(14)]
    assert not weekly_step_backs(flared)  # its mornings were handled by the flare-up already
