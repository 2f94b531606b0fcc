"""One reminder per person, kind and day, even when two workers run the job at the same moment."""

import threading

import pytest
from django.db import connection

from backstride.reminders import sending
from backstride.reminders.models import Delivery
from backstride.reminders.planning import plan_reminders

from .conftest import WEDNESDAY, at


def test_running_the_job_twice_claims_each_reminder_once(sam):
    now = at(WEDNESDAY, 8, 5)
    first = [i for batch in plan_reminders(now) for i in batch]
    again = [i for batch in plan_reminders(now) for i in batch]
    assert len(first) == 1 and again == []


def run_together(work, n=2):
    """Start n threads on `work` at the same instant; each has its own database connection."""
    if connection.vendor == "sqlite":
        # the test database is SQLite in memory with a shared cache, which fails a locked table at once
        # instead of waiting as a database file does: two workers at once are tested on PostgreSQL
        pytest.skip("threads on the in-memory SQLite test database fail on a lock instead of waiting")
    gate = threading.Barrier(n)
    results, errors = [None] * n, []

    def one(k):
        try:
            gate.wait()
            results[k] = work()
        except Exception as exc:  # reported below, with the thread's own error
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True)
def test_two_workers_claiming_the_same_day_at_once_claim_each_reminder_once(sam_committed):
    now = at(WEDNESDAY, 8, 5)
    results = run_together(lambda: [i for batch in plan_reminders(now) for i in batch])
    assert sorted(len(r) for r in results) == [0, 1]
    assert Delivery.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_the_same_reminder_at_once_send_it_once(sam_committed, monkeypatch):
    sent = []
    monkeypatch.setattr("backstride.reminders.emails.send_email", lambda user, message: sent.append(user.pk))
    now = at(WEDNESDAY, 8, 5)
    [delivery_id] = [i for batch in plan_reminders(now) for i in batch]
    statuses = run_together(lambda: sending.send(delivery_id, now)[0], n=4)
    assert sorted(statuses) == ["sent", "taken", "taken", "taken"] and len(sent) == 1
