"""A session log works out its replay before taking the write lock, and stores it only if nothing
else was written for the runner meanwhile; otherwise it replays again under the lock.

Both ways must store exactly what one replay under the lock stores, and neither may leave a
session without its state or a state without its session.
"""

import copy
import datetime as dt

import pytest
from django.utils import timezone

from backstride.core.intake import RedFlags
from backstride.core.tracking.logs import parse_checkin, parse_run, parse_session_log
from backstride.runners import models as m
from backstride.runners import services
from backstride.runners.program import history_for
from backstride.runners.services import checkin, log_run, log_session, recompute, start_runner

pytestmark = pytest.mark.django_db(transaction=True)  # the lock and the checkpoints act on commit

START = dt.date(2026, 12, 7)  # a Monday
NO_FLAGS = dict.fromkeys(RedFlags.model_fields, False)
EXERCISES = [
    {"slug": "dead-bug", "completed": True, "sets": 2, "reps": 8, "pain": 2},
    {"slug": "bird-dog", "completed": False, "pain": 6},
]


def started(sam: dict, name: str) -> m.Runner:
    sam = copy.deepcopy(sam)
    sam["runner"]["name"] = name
    sam["start_date"] = START.isoformat()
    return start_runner(sam)[0]


def session(n: int, **more) -> dict:
    pain = 5 if 15 <= n <= 18 else max(1, 4 - n // 8)
    day = (START + dt.timedelta(days=n)).isoformat()
    body = {"date": day, "pain_before": pain, "pain_during": min(pain + 1, 7), "pain_after": pain, "effort": 5}
    return body | ({"exercises": EXERCISES} if n % 3 == 0 else {"as_planned": True}) | more


def write_day(runner: m.Runner, n: int) -> None:
    day = (START + dt.timedelta(days=n)).isoformat()
    morning = {"date": day, "pain": 5 if 15 <= n <= 18 else 2, "stiffness": 2}
    checkin(runner, parse_checkin(morning | ({"red_flags": NO_FLAGS} if n % 7 == 0 else {})))
    if n % 7 in (0, 2, 4):
        log_session(runner, parse_session_log(session(n)))
    if n % 7 == 4:  # a second session on the same day, with a note
        log_session(runner, parse_session_log(session(n, note="Evening top-up")))
    if n % 7 in (1, 5):
        log_run(runner, parse_run({"date": day, "km": 4.0, "minutes": 26.0, "pain_during": 1, "pain_after": 2}))


def side_by_side(monkeypatch, days: int, runner: m.Runner, ahead, locked: m.Runner) -> None:
    """Write the same days for both runners: session logs for `runner` through `ahead` (in place of
    the quick write), and for `locked` always under the lock."""
    for n in range(days):
        monkeypatch.setattr(services, "_log_session_ahead", ahead)
        write_day(runner, n)
        monkeypatch.setattr(services, "_log_session_ahead", lambda runner, log: None)
        write_day(locked, n)


def stored(runner: m.Runner) -> dict:
    runner.refresh_from_db()
    return {
        "sessions": list(
            m.SessionLog.objects.filter(runner=runner).order_by("id").values_list("date", "pain_during", "note")
        ),
        "decisions": list(m.Decision.objects.filter(runner=runner).values_list("date", "target", "kind", "reason")),
        "episodes": list(
            m.Episode.objects.filter(runner=runner).order_by("start", "kind").values_list("kind", "start", "end")
        ),
        "nudges": list(m.Nudge.objects.filter(runner=runner).order_by("date", "kind").values_list("date", "message")),
        "state": runner.state,
    }


def test_five_weeks_of_session_logs_worked_out_ahead_store_what_replays_under_the_lock_store(sam, monkeypatch):
    ahead, locked = started(sam, "Ahead"), started(sam, "Locked")
    taken = []
    real = services._log_session_ahead

    def counted(runner, log):
        state = real(runner, log)
        taken.append(state is not None)
        return state

    side_by_side(monkeypatch, 35, ahead, counted, locked)
    assert taken and all(taken)  # with one writer, every session log went the quick way
    a, b = stored(ahead), stored(locked)
    assert a["sessions"] == b["sessions"] and len(a["sessions"]) == 20
    assert a["decisions"] == b["decisions"] and len(a["decisions"]) > 10
    assert a["episodes"] == b["episodes"] and a["episodes"]  # the flare-up of week 3
    assert a["nudges"] == b["nudges"]
    assert a["state"] == b["state"]
    assert ahead.version == m.Runner.objects.get(pk=ahead.pk).version  # the runner in hand is the stored one


def test_a_session_stored_the_quick_way_reads_back_whole_through_the_orm(sam):
    runner = started(sam, "Sam")
    before = timezone.now()
    log_session(runner, parse_session_log(session(0, exercises=EXERCISES, note="Before work", effort=None)))
    row = m.SessionLog.objects.get(runner=runner)
    assert (row.date, row.pain_before, row.pain_during, row.pain_after, row.effort, row.as_planned, row.note) == (
        START,
        4,
        5,
        4,
        None,
        False,
        "Before work",
    )
    assert before <= row.created_at <= timezone.now()
    done = row.exercises.order_by("id").values_list("slug", "completed", "sets", "reps", "hold_seconds", "pain")
    assert list(done) == [("dead-bug", True, 2, 8, None, 2), ("bird-dog", False, None, None, None, 6)]
    stored_runner = m.Runner.objects.get(pk=runner.pk)
    assert (stored_runner.version, stored_runner.state_as_of, stored_runner.state) == (
        runner.version,
        START,
        runner.state,
    )
    assert stored_runner.state["as_of"] == START.isoformat()


def test_the_history_a_session_is_replayed_with_is_the_one_read_back_once_it_is_stored(sam):
    runner = started(sam, "Sam")
    for n in range(10):
        write_day(runner, n)
    plan = runner.current_plan
    log = parse_session_log(session(9, exercises=EXERCISES, note="After work"))
    foreseen = history_for(runner, plan).with_session(log.report())
    log_session(runner, log)
    assert history_for(runner, plan) == foreseen
    earlier = parse_session_log(session(4, note="Logged late"))  # a third session on an earlier day
    foreseen = history_for(runner, plan).with_session(earlier.report())
    log_session(runner, earlier)
    assert history_for(runner, plan) == foreseen
    assert [s.note for s in foreseen.sessions if s.date == START + dt.timedelta(days=4)][-1] == "Logged late"


def test_a_write_that_lands_while_a_session_is_worked_out_sends_it_back_under_the_lock(sam, monkeypatch):
    runner = started(sam, "Sam")
    for n in range(8):
        write_day(runner, n)
    real = services._replay
    landed = []

    def another_write_meanwhile(who, day, history=None, digests=None, checkpoint=None):
        result = real(who, day, history, digests, checkpoint)
        if not landed:  # the runner's phone sends the morning check-in while the session is worked out
            landed.append(True)
            elsewhere = m.Runner.objects.get(pk=who.pk)
            checkin(elsewhere, parse_checkin({"date": (START + dt.timedelta(days=8)).isoformat(), "pain": 6}))
        return result

    monkeypatch.setattr(services, "_replay", another_write_meanwhile)
    seen = runner.version
    log_session(runner, parse_session_log(session(8)))
    monkeypatch.undo()
    assert landed
    assert m.SessionLog.objects.filter(runner=runner, date=START + dt.timedelta(days=8)).count() == 1
    stored_state = stored(runner)["state"]
    assert runner.version == seen + 2  # the check-in's write, then the session's, once each
    assert stored_state["as_of"] == (START + dt.timedelta(days=8)).isoformat()
    recompute(runner, START + dt.timedelta(days=8))  # a replay of everything stored, under the lock
    assert stored(runner)["state"] == stored_state  # the session's write had read the check-in


def test_a_session_log_refused_after_it_was_worked_out_stores_nothing(sam, monkeypatch):
    runner = started(sam, "Sam")
    write_day(runner, 0)
    before = stored(runner)

    def broken(rows):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(services, "_store", lambda runner, replay, changed_from=None: broken(replay))
    with pytest.raises(RuntimeError):
        log_session(runner, parse_session_log(session(1)))
    assert stored(runner) == before  # neither the session nor a new state


def test_the_history_a_write_keeps_for_the_next_is_the_stored_one_with_its_fingerprints(sam):
    from backstride.core.tracking.adapt import inputs_digest
    from backstride.runners import program

    runner = started(sam, "Sam")
    for n in range(16):
        write_day(runner, n)
    runner = m.Runner.objects.get(pk=runner.pk)
    plan = m.Plan.objects.get(runner=runner, active=True)
    key, kept, digests, _last, cut = program._HISTORIES[runner.pk]
    assert key[0] == runner.version
    assert cut is None  # the last write, a run, replayed under the lock with the whole history
    assert kept == history_for(runner, plan)
    assert digests  # a checkpoint was matched or kept
    for day, digest in digests.items():
        assert digest == inputs_digest(program.program_for(plan), history_for(runner, plan), day)


def test_a_session_log_after_a_write_this_process_did_not_see_reads_the_history_again(sam, monkeypatch):
    from backstride.runners import program

    runner = started(sam, "Sam")
    for n in range(10):
        write_day(runner, n)
    runner = m.Runner.objects.get(pk=runner.pk)
    before = program._HISTORIES[runner.pk]
    # another process stores a painful morning: this one still holds the history from before it
    painful = parse_checkin({"date": (START + dt.timedelta(days=10)).isoformat(), "pain": 8})
    checkin(m.Runner.objects.get(pk=runner.pk), painful)
    program._HISTORIES[runner.pk] = before
    runner = m.Runner.objects.get(pk=runner.pk)
    taken = []
    real = services._log_session_ahead
    monkeypatch.setattr(services, "_log_session_ahead", lambda r, log: taken.append(real(r, log)) or taken[-1])

    log_session(runner, parse_session_log(session(10)))

    assert taken and taken[0] is not None  # written the quick way, with the history read again
    stored_state = stored(runner)["state"]
    recompute(runner, START + dt.timedelta(days=10))  # a replay of everything stored, under the lock
    assert stored(runner)["state"] == stored_state
    assert stored_state["flare"] is not None  # the painful morning counted


def test_session_logs_in_processes_that_kept_no_history_read_only_the_recent_weeks_and_store_the_same(sam, monkeypatch):
    from backstride.runners import program

    elsewhere, locked = started(sam, "Elsewhere"), started(sam, "Locked")
    real_ahead, real_read, taken, reads = services._log_session_ahead, services.history_for, [], []

    def in_a_process_that_kept_nothing(runner, log):
        program._HISTORIES.clear()  # as in a server whose other process wrote last
        state = real_ahead(runner, log)
        taken.append(state is not None)
        return state

    def read(runner, plan, since=None):
        reads.append(since)
        return real_read(runner, plan, since)

    monkeypatch.setattr(services, "history_for", read)
    side_by_side(monkeypatch, 63, elsewhere, in_a_process_that_kept_nothing, locked)
    assert taken and all(taken)
    recent = [since for since in reads if since is not None]
    assert len(recent) > len(taken) // 2  # most logs read the weeks since their checkpoint only
    a, b = stored(elsewhere), stored(locked)
    assert a["sessions"] == b["sessions"]
    assert a["decisions"] == b["decisions"] and a["episodes"] == b["episodes"] and a["nudges"] == b["nudges"]
    assert a["state"] == b["state"]
    # the fingerprint stored with the runner is the whole history's, at the version it names
    runner = m.Runner.objects.get(pk=elsewhere.pk)
    plan = m.Plan.objects.get(runner=runner, active=True)
    version, day, digest = runner.fingerprint.split(":")
    from backstride.core.tracking.adapt import inputs_digest

    assert int(version) == runner.version
    assert digest == inputs_digest(program.program_for(plan), real_read(runner, plan), dt.date.fromisoformat(day))


def test_a_fingerprint_stored_for_another_version_is_not_trusted(sam, monkeypatch):
    from backstride.runners import program

    runner = started(sam, "Sam")
    for n in range(20):
        write_day(runner, n)
    runner = m.Runner.objects.get(pk=runner.pk)
    assert program.stored_fingerprint(runner.version, runner.fingerprint)
    assert program.stored_fingerprint(runner.version + 1, runner.fingerprint) == {}
    assert program.stored_fingerprint(runner.version, "") == {}
    # another process's check-in bumps the version: the fingerprint stored before it no longer counts
    m.Runner.objects.filter(pk=runner.pk).update(version=runner.version + 1)
    runner = m.Runner.objects.get(pk=runner.pk)
    program._HISTORIES.clear()
    reads = []
    real_read = services.history_for
    monkeypatch.setattr(services, "history_for", lambda r, p, since=None: reads.append(since) or real_read(r, p, since))
    log_session(runner, parse_session_log(session(20)))
    assert reads == [None]  # the whole history, and the checkpoint checked against it
    state = stored(runner)["state"]
    recompute(runner, START + dt.timedelta(days=20))
    assert stored(runner)["state"] == state


def test_a_session_log_sends_only_the_decisions_it_adds(sam, monkeypatch):
    from backstride.runners import program

    runner = started(sam, "Sam")
    monkeypatch.setattr(program, "_checkpoint", lambda plan: None)  # a replay from the start: every decision made
    for n in range(12):
        write_day(runner, n)
    sent = []
    real = m.Decision.objects.bulk_create
    monkeypatch.setattr(m.Decision.objects, "bulk_create", lambda rows, **kw: sent.extend(rows) or real(rows, **kw))
    before = m.Decision.objects.filter(runner=runner).count()
    log_session(runner, parse_session_log(session(12, pain_during=7, pain_after=7, exercises=EXERCISES)))
    added = m.Decision.objects.filter(runner=runner).count() - before
    assert added > 0  # the painful session changed the plan
    assert len(sent) == added  # and nothing stored before (or twice) was sent
    assert all(row.date >= START + dt.timedelta(days=12) for row in sent)


def test_a_session_log_after_days_without_a_log_stores_what_those_days_decided_too(sam, monkeypatch):
    ahead, locked = started(sam, "Ahead"), started(sam, "Locked")
    for n in range(10):
        write_day(ahead, n)
        write_day(locked, n)
    # ten days without a log (missed sessions, a lapse), then a session logged the quick way and one under the lock
    log_session(ahead, parse_session_log(session(20)))
    monkeypatch.setattr(services, "_log_session_ahead", lambda runner, log: None)
    log_session(locked, parse_session_log(session(20)))
    a, b = stored(ahead), stored(locked)
    gap = [d for d in b["decisions"] if START + dt.timedelta(days=10) <= d[0] < START + dt.timedelta(days=20)]
    assert gap  # the days between decided something
    assert a["decisions"] == b["decisions"] and a["nudges"] == b["nudges"] and a["episodes"] == b["episodes"]
    assert a["state"] == b["state"]


def _reads_counted(monkeypatch) -> list:
    """Every whole or partial read of a history from here on (services reads through these two)."""
    reads = []
    for name in ("history_for", "read_history"):
        real = getattr(services, name)
        monkeypatch.setattr(services, name, lambda r, p, since=None, f=real: reads.append(since) or f(r, p, since))
    return reads


def test_after_quick_session_logs_in_another_process_only_the_sessions_added_are_read(sam, monkeypatch):
    from backstride.runners import program

    runner = started(sam, "Sam")
    for n in range(10):
        write_day(runner, n)
    before = program._HISTORIES[runner.pk]
    # another process logs three sessions the quick way, one of them late for an earlier day
    for body in (session(10), session(10, note="Evening"), session(4, note="Logged late")):
        log_session(m.Runner.objects.get(pk=runner.pk), parse_session_log(body))
    program._HISTORIES[runner.pk] = before  # this process holds the history from before them
    runner = m.Runner.objects.get(pk=runner.pk)
    reads = _reads_counted(monkeypatch)

    log_session(runner, parse_session_log(session(11)))

    assert reads == []  # the history kept here, with the three sessions added in the order logged
    plan = runner.current_plan
    _key, kept, _digests, last, _cut = program._HISTORIES[runner.pk]
    assert kept == history_for(runner, plan)
    assert last == m.SessionLog.objects.filter(runner=runner).latest("id").pk
    assert [s.note for s in kept.sessions if s.date == START + dt.timedelta(days=4)][-1] == "Logged late"
    stored_state = stored(runner)["state"]
    recompute(runner, START + dt.timedelta(days=11))  # a replay of everything stored, under the lock
    assert stored(runner)["state"] == stored_state


def test_a_check_in_in_another_process_is_never_carried_past_by_the_sessions_after_it(sam, monkeypatch):
    from backstride.runners import program

    runner = started(sam, "Sam")
    for n in range(10):
        write_day(runner, n)
    before = program._HISTORIES[runner.pk]
    # another process stores a painful morning, then a session the quick way
    day = (START + dt.timedelta(days=10)).isoformat()
    checkin(m.Runner.objects.get(pk=runner.pk), parse_checkin({"date": day, "pain": 8}))
    log_session(m.Runner.objects.get(pk=runner.pk), parse_session_log(session(10)))
    program._HISTORIES[runner.pk] = before
    runner = m.Runner.objects.get(pk=runner.pk)
    assert runner.rewritten == runner.version - 1  # the check-in's version; the session's came after
    reads = _reads_counted(monkeypatch)

    log_session(runner, parse_session_log(session(10, note="Evening")))

    assert reads  # read again from the database, with the check-in
    stored_state = stored(runner)["state"]
    assert stored_state["flare"] is not None  # the painful morning counted
    recompute(runner, START + dt.timedelta(days=10))
    assert stored(runner)["state"] == stored_state


def test_a_history_cut_for_a_checkpoint_is_kept_and_carries_the_next_session_log_on(sam, monkeypatch):
    from backstride.runners import program

    elsewhere, locked = started(sam, "Elsewhere"), started(sam, "Locked")
    real_ahead, reads, kinds = services._log_session_ahead, _reads_counted(monkeypatch), []

    def first_of_the_day_in_a_process_that_kept_nothing(runner, log):
        if not log.note:  # a day's first session; the evening one follows in the same process
            program._HISTORIES.clear()
        count = len(reads)
        state = real_ahead(runner, log)
        kinds.append((log.note, len(reads) > count, program._HISTORIES[runner.pk][4] is not None))
        return state

    side_by_side(monkeypatch, 63, elsewhere, first_of_the_day_in_a_process_that_kept_nothing, locked)
    evenings = [(read, cut) for note, read, cut in kinds if note]
    assert len(evenings) == 9
    # once checkpoints are kept, the evening session carries on from the morning's cut history
    assert sum(1 for read, cut in evenings if not read and cut) >= 6
    a, b = stored(elsewhere), stored(locked)
    assert a["sessions"] == b["sessions"]
    assert a["decisions"] == b["decisions"] and a["episodes"] == b["episodes"] and a["nudges"] == b["nudges"]
    assert a["state"] == b["state"]
