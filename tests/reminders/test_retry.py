"""A failed send is recorded and tried again after a growing wait, then given up; a sent one is never sent again."""

import datetime as dt

import pytest

from backstride.core.reminders import rules
from backstride.reminders import sending
from backstride.reminders.models import Delivery
from backstride.reminders.planning import plan_reminders

from .conftest import WEDNESDAY, at


@pytest.fixture
def failing_mail(monkeypatch):
    """The mail server refuses everything until `works` is set."""
    state = {"works": False, "tries": 0}

    def send_email(user, message):
        state["tries"] += 1
        if not state["works"]:
            raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("backstride.reminders.emails.send_email", send_email)
    return state


def test_a_failed_send_is_recorded_and_retried_after_a_growing_wait(sam, failing_mail):
    now = at(WEDNESDAY, 8, 5)
    [delivery_id] = [i for batch in plan_reminders(now) for i in batch]
    assert sending.send(delivery_id, now) == (Delivery.RETRY, rules.RETRY_DELAYS[0])
    row = Delivery.objects.get(pk=delivery_id)
    assert row.attempts == 1 and "mail server down" in row.last_error and row.sent_at is None
    assert row.next_try_at == now + dt.timedelta(seconds=rules.RETRY_DELAYS[0])
    # not before the wait is over
    assert sending.send(delivery_id, now + dt.timedelta(seconds=30)) == ("taken", None)
    assert sending.waiting_ids(now + dt.timedelta(seconds=30)) == []
    later = row.next_try_at
    assert sending.waiting_ids(later) == [delivery_id]
    assert sending.send(delivery_id, later) == (Delivery.RETRY, rules.RETRY_DELAYS[1])
    failing_mail["works"] = True
    later = Delivery.objects.get(pk=delivery_id).next_try_at
    assert sending.send(delivery_id, later) == (Delivery.SENT, None)
    row = Delivery.objects.get(pk=delivery_id)
    # the record keeps what went wrong on the way
    assert (row.status, row.attempts, row.last_error) == (Delivery.SENT, 3, "ConnectionRefusedError: mail server down")
    assert sending.send(delivery_id, later + dt.timedelta(hours=1)) == ("taken", None)
    assert failing_mail["tries"] == 3


def test_after_the_last_attempt_the_send_is_given_up_and_recorded(sam, failing_mail):
    now = at(WEDNESDAY, 8, 5)
    [delivery_id] = [i for batch in plan_reminders(now) for i in batch]
    for _attempt in range(rules.MAX_ATTEMPTS):
        status, delay = sending.send(delivery_id, now)
        now += dt.timedelta(seconds=delay or 0)
    row = Delivery.objects.get(pk=delivery_id)
    assert (status, row.status, row.attempts) == (Delivery.FAILED, Delivery.FAILED, rules.MAX_ATTEMPTS)
    assert sending.waiting_ids(now + dt.timedelta(days=1)) == []


def test_a_message_turned_off_after_it_was_claimed_is_not_sent(sam, failing_mail):
    from backstride.reminders.models import ReminderSettings

    user, _runner = sam
    now = at(WEDNESDAY, 8, 5)
    [delivery_id] = [i for batch in plan_reminders(now) for i in batch]
    ReminderSettings.objects.filter(user=user).update(enabled=False)
    assert sending.send(delivery_id, now) == (Delivery.FAILED, None)
    assert failing_mail["tries"] == 0
