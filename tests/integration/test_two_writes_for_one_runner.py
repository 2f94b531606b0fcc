"""Two writes for one runner at the same moment take turns: the state stored last counts both logs,
and a second check-in for one morning is refused, not a server error (PostgreSQL: the runner's row
is locked first; SQLite's single writer does the same by itself)."""

import copy
import datetime as dt
import threading

import pytest
from django.conf import settings
from django.db import connection

from backstride.core.errors import InputError
from backstride.core.tracking.logs import parse_checkin, parse_run
from backstride.runners import models as m
from backstride.runners import program, services
from backstride.runners.services import checkin, log_run, start_runner

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
        reason="SQLite lets one transaction write at a time; the row lock under test is PostgreSQL's",
    ),
]

START = dt.date(2026, 12, 7)


def test_a_run_logged_while_a_check_in_is_replayed_waits_and_the_last_state_counts_both(sam, monkeypatch):
    sam = copy.deepcopy(sam)
    sam["start_date"] = START.isoformat()
    runner, _ = start_runner(sam)
    day = START + dt.timedelta(days=3)
    worked_out, go_on = threading.Event(), threading.Event()
    real = services._replay

    def first_waits_after_reading(who, on, history=None, digests=None):
        replay = real(who, on, history, digests)  # the history is read: the run below is not in it yet
        if threading.current_thread().name == "check-in":
            worked_out.set()
            go_on.wait(10)
        return replay

    monkeypatch.setattr(services, "_replay", first_waits_after_reading)
    errors = []

    def write(action):
        try:
            action(m.Runner.objects.get(pk=runner.pk))
        except Exception as error:  # reported by the test below
            errors.append(error)
        finally:
            connection.close()

    morning = threading.Thread(
        name="check-in",
        target=write,
        args=(lambda r: checkin(r, parse_checkin({"date": day.isoformat(), "pain": 6})),),
    )
    run = parse_run({"date": day.isoformat(), "km": 5.0, "minutes": 32.0, "pain_during": 2, "pain_after": 3})
    evening = threading.Thread(name="run", target=write, args=(lambda r: log_run(r, run),))
    morning.start()
    assert worked_out.wait(10)
    evening.start()
    evening.join(1.0)
    blocked = evening.is_alive()  # it waits for the check-in's write to end
    go_on.set()
    morning.join(20)
    evening.join(20)
    assert not errors, errors
    assert blocked
    runner.refresh_from_db()
    monkeypatch.setattr(program, "_checkpoint", lambda plan: None)  # a replay from the start
    assert runner.state == real(runner, runner.state_as_of).stored
    assert runner.state["as_of"] == day.isoformat()


def test_two_check_ins_for_one_morning_sent_at_once_store_one_and_refuse_the_other_cleanly(sam):
    sam = copy.deepcopy(sam)
    sam["start_date"] = START.isoformat()
    runner, _ = start_runner(sam)
    morning = {"date": (START + dt.timedelta(days=2)).isoformat(), "pain": 3}
    together = threading.Barrier(2)
    outcomes = []

    def send(pain: int):
        try:
            who = m.Runner.objects.get(pk=runner.pk)
            together.wait(10)
            checkin(who, parse_checkin(morning | {"pain": pain}))
            outcomes.append("stored")
        except InputError as refused:
            outcomes.append(f"refused: {refused.field}")
        except Exception as error:  # reported by the test below
            outcomes.append(f"failed: {error!r}")
        finally:
            connection.close()

    for _attempt in range(5):
        m.CheckIn.objects.filter(runner=runner).delete()
        outcomes.clear()
        pair = [threading.Thread(target=send, args=(pain,)) for pain in (3, 4)]
        for thread in pair:
            thread.start()
        for thread in pair:
            thread.join(30)
        assert sorted(outcomes) == ["refused: date", "stored"], outcomes
        assert m.CheckIn.objects.filter(runner=runner).count() == 1
