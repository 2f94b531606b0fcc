"""The reminder jobs on a Huey queue: work out what is due every few minutes, and send what was claimed."""

from __future__ import annotations

import functools
from types import SimpleNamespace

from django.db import close_old_connections, connection
from django.utils import timezone
from huey import Huey, crontab

EVERY_MINUTES = 5  # how often due reminders are worked out: a message comes at most this late


def _with_fresh_connections(job):
    """A worker lives for days: give each job a database connection that is not stale or broken."""

    @functools.wraps(job)
    def run(*args, **kwargs):
        if connection.in_atomic_block:  # run inside a transaction (a test, or immediate mode): leave it be
            return job(*args, **kwargs)
        close_old_connections()
        try:
            return job(*args, **kwargs)
        finally:
            close_old_connections()

    return run


def register(huey: Huey) -> SimpleNamespace:
    """Put the reminder jobs on this queue (the settings' queue, or one a test made)."""
    from . import planning, sending

    @huey.task()
    @_with_fresh_connections
    def send_reminders(ids: list[int]) -> None:
        for delivery_id in ids:
            _status, delay = sending.send(delivery_id)
            if delay is not None:
                send_reminders.schedule(([delivery_id],), delay=delay)

    @huey.periodic_task(crontab(minute=f"*/{EVERY_MINUTES}"))
    @_with_fresh_connections
    def plan_reminders() -> int:
        now = timezone.now()
        queued = 0
        for ids in planning.plan_reminders(now):
            send_reminders(ids)
            queued += len(ids)
        waiting = sending.waiting_ids(now)  # retries whose wait is over, and sends a dead worker left
        if waiting:
            send_reminders(waiting)
        return queued

    return SimpleNamespace(send=send_reminders, plan=plan_reminders)
