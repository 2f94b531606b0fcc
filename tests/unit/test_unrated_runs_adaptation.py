"""A run a watch recorded carries no pain report: it counts for load but moves nothing that pain guides."""

from backstride.core.tracking.events import RunReport
from tests.unit.test_adaptation import day, mornings, run, stopped_runner

MORNINGS = {0: 2, 1: 2, 2: 2, 4: 2, 6: 2}


def test_two_unrated_walk_run_sessions_do_not_move_the_walk_run_stage(sam):
    program = stopped_runner(sam)
    runs = [RunReport(day(n), 2, 24, None) for n in (3, 5)]
    state = run(program, 6, [], mornings(MORNINGS), runs, baseline=2, walk_ok=True)
    assert state.run_stage == 0 and state.runs_at_stage == 0
    assert not [d for d in state.decisions if d.target == "running" and "moves up" in d.reason]


def test_the_same_runs_once_rated_move_the_walk_run_stage_up(sam):
    program = stopped_runner(sam)
    runs = [RunReport(day(n), 2, 24, 1, effort=4) for n in (3, 5)]
    state = run(program, 6, [], mornings(MORNINGS), runs, baseline=2, walk_ok=True)
    assert state.run_stage == 1


def test_an_unrated_run_does_not_start_a_flare_up_or_step_back_running(sam):
    program = stopped_runner(sam)
    runs = [RunReport(day(n), 2, 24, p) for n, p in ((3, 1), (5, 1), (7, None))]
    state = run(program, 8, [], mornings(MORNINGS | {8: 2}), runs, baseline=2, walk_ok=True)
    assert state.run_stage == 1 and state.flare_start is None


def test_an_unrated_walk_is_not_evidence_of_a_comfortable_thirty_minute_walk(sam):
    program = stopped_runner(sam, walk_30_min_comfortable=False)
    walks = [RunReport(day(1), 3, 35, None, walk=True)]
    state = run(program, 4, [], mornings({0: 2, 1: 2, 2: 2, 3: 2, 4: 2}), walks, baseline=2)
    assert state.walk_run_from is None
