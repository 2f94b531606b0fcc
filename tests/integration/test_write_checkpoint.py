"""Writes carry the replay on from the last write's checkpoint and store only what changed.

Two runners get the same ten weeks of logs, one write at a time: one with the shared cache that
keeps checkpoints, the other with checkpoints turned off (every write replays from the start, as
the reference). What is stored for them must be the same, row for row.
"""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backstride.core.intake import RedFlags
from backstride.core.tracking.logs import parse_checkin, parse_run, parse_session_log
from backstride.runners import models as m
from backstride.runners import program as program_module
from backstride.runners.program import replayed
from backstride.runners.services import checkin, log_run, log_session, start_runner

pytestmark = pytest.mark.django_db(transaction=True)  # checkpoints are kept only once a write commits

START = dt.date(2026, 12, 7)  # a Monday
NO_FLAGS = dict.fromkeys(RedFlags.model_fields, False)  # the weekly safety questions, all answered no


def pain_on(n: int) -> int:
    """Mornings that settle, flare in week 4, settle again, and rise for a while in week 8."""
    if 22 <= n <= 25:
        return 7
    if 50 <= n <= 56:
        return 5
    return max(1, 4 - n // 10)


def write_day(runner: m.Runner, n: int) -> None:
    day = (START + dt.timedelta(days=n)).isoformat()
    pain = pain_on(n)
    morning = {"date": day, "pain": pain, "stiffness": 2, "leg_symptoms": n == 40}
    checkin(runner, parse_checkin(morning | ({"red_flags": NO_FLAGS} if n % 7 == 0 else {})))
    if n % 7 in (0, 2, 4):
        session = {"date": day, "pain_before": pain, "pain_during": min(pain, 3), "pain_after": pain, "effort": 5}
        log_session(runner, parse_session_log(session | {"as_planned": True}))
    if n % 7 in (1, 3):
        log_run(runner, parse_run({"date": day, "km": 5.0, "minutes": 30.0, "pain_during": 1, "pain_after": pain}))


def stored(runner: m.Runner) -> dict:
    runner.refresh_from_db()
    return {
        "decisions": list(m.Decision.objects.filter(runner=runner).values_list("date", "target", "kind", "reason")),
        "episodes": list(
            m.Episode.objects.filter(runner=runner).order_by("start", "kind").values_list("kind", "start", "end")
        ),
        "nudges": list(m.Nudge.objects.filter(runner=runner).order_by("date", "kind").values_list("date", "message")),
        "state": runner.state,
    }


def started(sam, name: str) -> m.Runner:
    sam["runner"]["name"] = name
    sam["start_date"] = START.isoformat()
    runner, _ = start_runner(sam)
    return runner


def test_ten_weeks_of_writes_store_the_same_decisions_episodes_and_state_as_replaying_from_the_start(sam, monkeypatch):
    import copy

    kept, reference = started(copy.deepcopy(sam), "Kept"), started(copy.deepcopy(sam), "Reference")
    resuming = program_module._checkpoint
    for n in range(70):
        write_day(kept, n)
        monkeypatch.setattr(program_module, "_checkpoint", lambda plan: None)  # every write from the start
        write_day(reference, n)
        monkeypatch.setattr(program_module, "_checkpoint", resuming)
    a, b = stored(kept), stored(reference)
    assert a["decisions"] == b["decisions"] and len(a["decisions"]) > 30
    assert a["episodes"] == b["episodes"] and {k for k, _s, _e in a["episodes"]} >= {"flare_up", "referral"}
    assert a["nudges"] == b["nudges"]
    assert a["state"] == b["state"]


def test_a_write_replays_from_the_last_checkpoint_and_a_backdated_one_from_the_start(sam, monkeypatch):
    runner = started(sam, "Sam")
    for n in range(30):
        write_day(runner, n)
    plan = runner.current_plan
    today = START + dt.timedelta(days=29)

    def replay_on(day: dt.date):
        _program, _history, resumed = replayed(runner, plan, day)
        return resumed

    before = replay_on(today).resumed_from
    assert before.day >= today - dt.timedelta(days=14)
    late = {"date": (START + dt.timedelta(days=1)).isoformat(), "pain_before": 3, "pain_during": 6, "pain_after": 6}
    log_session(runner, parse_session_log(late))  # a session from the first week, logged late
    after = replay_on(today)
    assert after.resumed_from is not None and after.resumed_from.digest != before.digest  # replaced, not reused
    monkeypatch.setattr(program_module, "_checkpoint", lambda plan: None)
    from_the_start = replay_on(today)
    assert from_the_start.resumed_from is None
    assert after.state == from_the_start.state
    assert any(d.date <= START + dt.timedelta(days=2) and "6/10" in d.reason for d in after.state.decisions)


def test_a_write_after_ten_weeks_sends_only_the_last_fortnights_decisions_and_no_unchanged_episode(sam):
    """The work of a write does not grow with the history: no re-sent decisions, no query per episode."""
    runner = started(sam, "Sam")

    def statements(n: int) -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            write_day(runner, n)
        return [q["sql"] for q in queries.captured_queries]

    for n in range(14):
        write_day(runner, n)
    early = statements(14)
    for n in range(15, 70):
        write_day(runner, n)
    assert m.Episode.objects.filter(runner=runner).count() >= 2  # the flare-up and the leg-symptom referral
    late = statements(70)
    assert len(late) <= len(early)
    assert not [sql for sql in late if "runners_episode" in sql]
    sent = [d for sql in late if sql.startswith("INSERT") and "runners_decision" in sql for d in DAY.findall(sql)]
    fortnight = (START + dt.timedelta(days=70 - 14)).isoformat()
    assert all(d >= fortnight for d in sent), sent


DAY = re.compile(r"\(\d+, '(\d{4}-\d\d-\d\d)'")  # a decision row's runner and date, as SQLite's log shows them
