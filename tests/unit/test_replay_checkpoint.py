"""Carrying the replay on from a checkpoint gives exactly what replaying from the start gives."""

import copy
import dataclasses
import datetime as dt
import json
import os
import random

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from backstride.core.tracking.adapt import (
    CHECKPOINT_LAG_DAYS,
    holds_enough,
    inputs_digest,
    reads_from,
    replay,
    replay_resuming,
)
from backstride.core.tracking.attention import attention
from backstride.core.tracking.events import CheckInReport, Clearance, ExerciseResult, History, RunReport, SessionReport
from tests.conftest import EXAMPLES as EXAMPLE_FILES
from tests.unit.test_adaptation import day, program_for, stopped_runner

PROPERTY_EXAMPLES = int(os.environ.get("BACKSTRIDE_PROPERTY_EXAMPLES", "60"))
# Reports come from one drawn seed, which shrinking cannot simplify: a failure is reported as found.
SETTINGS = settings(
    max_examples=PROPERTY_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)
SLUGS = ("dead-bug", "bird-dog", "front-plank")


@st.composite
def reports(draw, days: int = 120):
    """A runner's reports over `days` days: mornings that wander, sessions, runs and the odd warning sign."""
    rnd = random.Random(draw(st.integers(0, 2**32)))  # one drawn seed: a small input, replayed exactly
    checkins, sessions, runs, clearances = [], [], [], []
    pain = rnd.randint(0, 6)
    for n in range(days):
        pain = min(10, max(0, pain + rnd.choice((-1, 0, 0, 0, 1, 2))))
        if rnd.random() < 0.8:
            legs = rnd.random() < 0.02
            status = rnd.choice((None,) * 12 + ("clear", "refer_urgent"))
            checkins.append(
                CheckInReport(day(n), pain, rnd.randint(0, 6), status, "see a clinician" if status else "", legs)
            )
            if (legs or status == "refer_urgent") and rnd.random() < 0.5:
                clearances.append(Clearance(day(n + rnd.randint(1, 5)), "seen"))
        if n % 7 in (0, 2, 4) and rnd.random() < 0.8:
            exercises = tuple(
                ExerciseResult(slug, rnd.random() < 0.8, rnd.choice((None, rnd.randint(0, 8))))
                for slug in rnd.sample(SLUGS, rnd.randint(0, 2))
            )
            sessions.append(SessionReport(day(n), pain, rnd.randint(0, 8), pain, rnd.randint(2, 9), True, exercises))
        if n % 7 in (1, 5) and rnd.random() < 0.5:
            runs.append(RunReport(day(n), rnd.randint(2, 12), 40, rnd.randint(0, 7), pain))
    return checkins, sessions, runs, sorted(clearances, key=lambda c: c.date)


def history(reports, until: dt.date, baseline: int = 3) -> History:
    """What had been reported by the end of `until`."""
    checkins, sessions, runs, clearances = reports
    return History(
        tuple(s for s in sessions if s.date <= until),
        tuple(c for c in checkins if c.date <= until),
        tuple(r for r in runs if r.date <= until),
        tuple(c for c in clearances if c.date <= until),
        baseline_pain=baseline,
        walk_30_min_comfortable=True,
    )


@pytest.fixture(scope="module")
def programs():
    reference = json.loads((EXAMPLE_FILES / "intake-sam.json").read_text())
    return {"running": program_for(copy.deepcopy(reference)), "walk_run": stopped_runner(copy.deepcopy(reference))}


def same(a, b) -> None:
    assert dataclasses.asdict(a) == dataclasses.asdict(b)


@SETTINGS
@given(reports(), st.integers(20, 100), st.integers(1, 19), st.sampled_from(("running", "walk_run")))
def test_a_replay_carried_on_from_the_last_write_checkpoint_matches_a_replay_from_the_start(
    programs, logs, first, later, kind
):
    program = programs[kind]
    earlier = replay_resuming(program, history(logs, day(first)), day(first))
    assert earlier.checkpoint is not None and earlier.checkpoint.day == day(first - CHECKPOINT_LAG_DAYS)
    now = history(logs, day(first + later))
    resumed = replay_resuming(program, now, day(first + later), earlier.checkpoint)
    if now.clearances == history(logs, day(first)).clearances:  # a clinician's clearance may reach back: all count
        assert resumed.resumed_from == earlier.checkpoint  # the reports after its day never reach back before it
    else:
        assert resumed.resumed_from is None
    same(resumed.state, replay(program, now, day(first + later)))


@SETTINGS
@given(reports(), st.integers(30, 100), st.sampled_from(("running", "walk_run")))
def test_a_report_changed_on_or_before_the_checkpoint_day_replays_from_the_start(programs, logs, first, kind):
    program = programs[kind]
    earlier = replay_resuming(program, history(logs, day(first)), day(first))
    cut = earlier.checkpoint.day
    checkins, sessions, runs, clearances = logs
    before = next((c.pain for c in checkins if c.date == cut), None)
    changed = [c for c in checkins if c.date != cut] + [CheckInReport(cut, 3 if before == 9 else 9, 2)]
    now = history((sorted(changed, key=lambda c: c.date), sessions, runs, clearances), day(first + 3))
    resumed = replay_resuming(program, now, day(first + 3), earlier.checkpoint)
    assert resumed.resumed_from is None
    same(resumed.state, replay(program, now, day(first + 3)))


def test_a_clinicians_later_clearance_or_adjustment_is_never_missed_by_a_checkpoint(programs):
    program = programs["running"]
    logs = ([CheckInReport(day(n), 3) for n in range(30)], [], [], [])
    earlier = replay_resuming(program, history(logs, day(29)), day(29))
    moved = dataclasses.replace(history(logs, day(32)), clearances=(Clearance(day(3), "seen"),))
    assert replay_resuming(program, moved, day(32), earlier.checkpoint).resumed_from is None


def test_the_checkpoint_holds_every_decision_made_up_to_its_day_and_the_later_ones_are_appended(programs):
    program = programs["running"]
    logs = (
        [CheckInReport(day(n), 2) for n in range(40)],
        [SessionReport(day(n), 2, 1, 2, 5, True) for n in range(40) if n % 7 in (0, 2, 4)],
        [],
        [],
    )
    earlier = replay_resuming(program, history(logs, day(30)), day(30))
    later = replay_resuming(program, history(logs, day(39)), day(39), earlier.checkpoint)
    full = replay(program, history(logs, day(30)), earlier.checkpoint.day)
    kept = len(full.decisions)
    assert later.resumed_from is earlier.checkpoint
    assert later.state.decisions[:kept] == full.decisions
    assert any(d.date > earlier.checkpoint.day for d in later.state.decisions[kept:])


def test_no_checkpoint_is_kept_in_the_first_week_and_a_recent_one_is_not_replaced(programs):
    program = programs["running"]
    logs = ([CheckInReport(day(n), 3) for n in range(40)], [], [], [])
    assert replay_resuming(program, history(logs, day(5)), day(5)).checkpoint is None
    first = replay_resuming(program, history(logs, day(20)), day(20)).checkpoint
    again = replay_resuming(program, history(logs, day(25)), day(25), first)
    assert again.checkpoint is first  # five days on: a checkpoint twelve days back is still close enough
    assert replay_resuming(program, history(logs, day(35)), day(35), first).checkpoint.day == day(28)


def _changed(value):
    """Another value of the same kind (a field's change the digest must see)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, dt.date):
        return value - dt.timedelta(days=1)
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return value + " (edited)"
    if isinstance(value, tuple):
        return value[1:] if value else ("added",)
    return 1  # None: now a value


def test_a_change_to_any_field_of_any_report_up_to_the_day_changes_the_digest(programs):
    from backstride.core.tracking.adapt import inputs_digest

    exercise = ExerciseResult("dead-bug", True, 2, 2, 8, None)
    session = SessionReport(day(3), 2, 3, 2, 5, False, (exercise,), "felt fine")
    checkin = CheckInReport(day(3), 2, 1, "refer_urgent", "see a clinician", False, False, ("night pain",))
    run = RunReport(day(3), 5.0, 30.0, 1, 2, False, 4)
    program = programs["running"]
    base = History((session,), (checkin,), (run,), baseline_pain=3)
    digest = inputs_digest(program, base, day(3))
    seen = 0
    for kind, report in (("sessions", session), ("checkins", checkin), ("runs", run)):
        for f in dataclasses.fields(report):
            if f.name == "exercises":
                continue
            edited = dataclasses.replace(report, **{f.name: _changed(getattr(report, f.name))})
            changed = dataclasses.replace(base, **{kind: (edited,)})
            assert inputs_digest(program, changed, day(3)) != digest, f"{kind}.{f.name}"
            seen += 1
    for f in dataclasses.fields(exercise):
        edited = dataclasses.replace(exercise, **{f.name: _changed(getattr(exercise, f.name))})
        changed = dataclasses.replace(base, sessions=(dataclasses.replace(session, exercises=(edited,)),))
        assert inputs_digest(program, changed, day(3)) != digest, f"exercises.{f.name}"
        seen += 1
    assert seen == 7 + 8 + 7 + 6  # every field of every kind was tried
    later = dataclasses.replace(base, runs=(run, dataclasses.replace(run, date=day(4))))
    assert inputs_digest(program, later, day(3)) == digest  # a report after the day does not count


@SETTINGS
@given(reports(), st.sampled_from(("running", "walk_run")), st.integers(0, 2**16))
def test_a_days_later_logs_find_the_planned_session_again_with_the_same_result_as_working_it_out(
    programs, logs, kind, seed
):
    from backstride.core.tracking.adapt import Replay

    rnd = random.Random(seed)
    program = programs[kind]
    checkins, sessions, runs, clearances = logs
    # More logs on days that have one, naming exercises the plan may have that day: some hurt enough
    # to step an exercise back (the day's next log then stands for another session) or to start a flare-up.
    ladder_slugs = sorted({rung.slug for ladder in program.ladders.values() for rung in ladder})
    piled = []
    for s in sessions:
        piled.append(s)
        for _ in range(rnd.choice((0, 1, 3))):
            pains = (None, 1, 2, 6) if rnd.random() < 0.9 else (8,)  # 6: one step back; 8: a flare-up
            exercises = tuple(  # reps and holds around the doses: whether each counts as done depends on the step
                ExerciseResult(
                    slug,
                    True,
                    rnd.choice(pains) if rnd.random() < 0.2 else 2,
                    reps=rnd.choice((None, 6, 8, 10, 12)),
                    hold_seconds=rnd.choice((None, 5, 10, 20, 30)),
                )
                for slug in ladder_slugs
            )
            during = max((e.pain or 0 for e in exercises), default=0)
            piled.append(SessionReport(s.date, 1, during, rnd.choice((1, 2)), 5, False, exercises))
    now = history((checkins, piled, runs, clearances), day(90))
    remembered = replay(program, now, day(90))
    worked_out = Replay.planned_near
    try:
        Replay.planned_near = lambda self, d: self.p.session_near(d, self.state)  # every time, as before
        fresh = replay(program, now, day(90))
    finally:
        Replay.planned_near = worked_out
    same(remembered, fresh)


def from_day(whole: History, since: dt.date) -> History:
    """The history as a write reads it from a day on (its baselines and clearances whole)."""
    return dataclasses.replace(
        whole,
        sessions=tuple(s for s in whole.sessions if s.date >= since),
        checkins=tuple(c for c in whole.checkins if c.date >= since),
        runs=tuple(r for r in whole.runs if r.date >= since),
    )


@SETTINGS
@given(reports(), st.integers(20, 100), st.integers(1, 6), st.sampled_from(("running", "walk_run")))
def test_a_replay_carried_on_from_a_checkpoint_needs_nothing_before_the_day_it_reads_from(
    programs, logs, first, later, kind
):
    program = programs[kind]
    checkpoint = replay_resuming(program, history(logs, day(first)), day(first)).checkpoint
    today = day(first + later)
    whole = history(logs, today)
    since = reads_from(program.start, checkpoint, today)
    assert since is not None  # a week or two after the checkpoint: no new one is kept on the way
    recent = from_day(whole, since)
    known = inputs_digest(program, whole, checkpoint.day)  # what the write before stored with the runner
    if known != checkpoint.digest or not holds_enough(recent, checkpoint):
        return  # a write reads the whole history then
    resumed = replay_resuming(program, recent, today, checkpoint, digests={checkpoint.day: known})
    assert resumed.resumed_from is checkpoint and resumed.checkpoint is checkpoint
    expected = replay(program, whole, today)
    same(resumed.state, expected)
    assert attention(program, recent, resumed.state, today, []) == attention(program, whole, expected, today, [])


def test_a_replay_two_weeks_past_its_checkpoint_keeps_a_new_one_and_so_reads_everything(programs):
    program = programs["running"]
    checkpoint = replay_resuming(program, History(baseline_pain=3), day(30)).checkpoint
    assert reads_from(program.start, checkpoint, checkpoint.day + dt.timedelta(days=2 * CHECKPOINT_LAG_DAYS - 1))
    assert reads_from(program.start, checkpoint, checkpoint.day + dt.timedelta(days=2 * CHECKPOINT_LAG_DAYS)) is None
    assert reads_from(program.start, checkpoint, checkpoint.day) is None  # nothing after it to replay


def test_a_history_without_the_last_mornings_before_its_checkpoint_is_not_enough(programs):
    program = programs["running"]
    checkpoint = replay_resuming(program, History(baseline_pain=3), day(30)).checkpoint
    mornings = tuple(CheckInReport(day(n), 2, 1) for n in range(0, 40, 3))
    since = reads_from(program.start, checkpoint, day(30))
    assert holds_enough(from_day(History(checkins=mornings), since), checkpoint)
    sparse = tuple(c for c in mornings if not since <= c.date <= checkpoint.day - dt.timedelta(days=3))
    assert not holds_enough(from_day(History(checkins=sparse), since), checkpoint)
