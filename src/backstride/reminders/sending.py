"""Sending a claimed reminder: one attempt at a time, retried with growing waits, every attempt recorded."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q
from django.utils import timezone

from backstride.core.reminders import rules
from backstride.core.reminders.messages import Message, digest_message, runner_message

from .models import Delivery, ReminderSettings
from .unsubscribe import site_url

ERROR_CHARS = 2000
DIGEST_NAMES = 20  # the digest names this many runners and counts the rest


def _ready(now: dt.datetime) -> Q:
    waiting = Q(status__in=[Delivery.PENDING, Delivery.RETRY]) & (Q(next_try_at__isnull=True) | Q(next_try_at__lte=now))
    stale = Q(status=Delivery.SENDING, sending_since__lt=now - rules.STALE_SENDING)
    return waiting | stale


def take(delivery_id: int, now: dt.datetime) -> Delivery | None:
    """Begin one attempt, unless another worker has it or it is done: the conditional update is the lock."""
    begun = (
        Delivery.objects.filter(pk=delivery_id)
        .filter(_ready(now))
        .update(status=Delivery.SENDING, attempts=F("attempts") + 1, sending_since=now)
    )
    if begun != 1:
        return None
    return Delivery.objects.select_related("user", "runner").get(pk=delivery_id)


def waiting_ids(now: dt.datetime, limit: int = 1000) -> list[int]:
    """Deliveries due another attempt, or lost: claimed but never taken, or left half-sent by a dead worker."""
    lost = now - rules.STALE_SENDING
    due = (
        Q(status=Delivery.RETRY, next_try_at__lte=now)
        | Q(status=Delivery.PENDING, created_at__lt=lost)
        | Q(status=Delivery.SENDING, sending_since__lt=lost)
    )
    return list(Delivery.objects.filter(due).order_by("id").values_list("id", flat=True)[:limit])


def digest_for(user, today: dt.date) -> Message:
    """Who needs a look: the roster's attention flags (most urgent first) and the maintenance lapses."""
    from backstride.clinic import roster_query
    from backstride.runners.models import Runner

    from .models import MaintenanceLapse

    clinician = user.clinician
    _total, _flagged, shown = roster_query.counts(clinician, today, "attention")
    ids = roster_query.page_ids(clinician, today, "attention", "urgency", "", 0, DIGEST_NAMES)
    names_by_id = dict(Runner.objects.filter(pk__in=ids).values_list("id", "name"))
    names = [names_by_id[i] for i in ids if i in names_by_id]
    lapsed = list(
        MaintenanceLapse.objects.filter(runner__care_links__clinician=clinician)
        .exclude(runner_id__in=ids)
        .values_list("runner__name", flat=True)
    )
    return digest_message((names + lapsed)[:DIGEST_NAMES], shown + len(lapsed))


def message_for(delivery: Delivery) -> Message:
    if delivery.kind == rules.CLINICIAN_DIGEST:
        return digest_for(delivery.user, delivery.local_date)
    return runner_message(delivery.kind, delivery.detail)


def still_wanted(delivery: Delivery) -> bool:
    """The person may have turned reminders or this channel off since the message was claimed."""
    prefs = ReminderSettings.objects.filter(user=delivery.user).first()
    if prefs is None or not prefs.enabled:
        return False
    return prefs.email if delivery.channel == Delivery.EMAIL else prefs.push


def deliver(delivery: Delivery) -> bool:
    """Sends or raises; False when there was no one to send to (a push subscription that has ended)."""
    from .emails import send_email
    from .push import send_push

    message = message_for(delivery)
    if delivery.channel == Delivery.EMAIL:
        send_email(delivery.user, message)
        return True
    return send_push(delivery.user, message, site_url()) > 0


def send(delivery_id: int, now: dt.datetime | None = None) -> tuple[str, int | None]:
    """One attempt: returns the status it left and, after a failure, the seconds until the next try."""
    now = now or timezone.now()
    delivery = take(delivery_id, now)
    if delivery is None:
        return "taken", None
    rows = Delivery.objects.filter(pk=delivery.pk, status=Delivery.SENDING)
    if not still_wanted(delivery):
        rows.update(status=Delivery.FAILED, last_error="turned off before sending", sending_since=None)
        return Delivery.FAILED, None
    try:
        delivered = deliver(delivery)
    except Exception as exc:  # any failure of the mail server or push service is recorded and retried
        delay = rules.retry_delay(delivery.attempts)
        status = Delivery.RETRY if delay is not None else Delivery.FAILED
        rows.update(
            status=status,
            last_error=f"{type(exc).__name__}: {exc}"[:ERROR_CHARS],
            next_try_at=now + dt.timedelta(seconds=delay) if delay is not None else None,
            sending_since=None,
        )
        return status, delay
    if not delivered:
        rows.update(status=Delivery.FAILED, last_error="no browser subscribed any more", sending_since=None)
        return Delivery.FAILED, None
    rows.update(status=Delivery.SENT, sent_at=timezone.now(), sending_since=None, next_try_at=None)
    return Delivery.SENT, None
