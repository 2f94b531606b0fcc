"""The periodic job's work: whose reminders are due now, claimed once each, in batches."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import transaction

from backstride.core.reminders import Preferences, clinician_digest_due, due_for_runner, local_now, past_send_time
from backstride.core.reminders.due import lapsed_weeks, roster_flag

from .gather import Batch, settings_batch
from .models import Delivery, MaintenanceLapse

BATCH_SIZE = 500


def claim(rows: list[Delivery]) -> list[int]:
    """Insert-or-skip, in one transaction: the ids of the rows this call inserted, none that were there.

    The unique (person, kind, local day, channel) constraint decides between two workers: the second
    insert of a row waits for the first to commit and is then skipped, so each message has one owner.
    """
    token = uuid.uuid4().hex
    for row in rows:
        row.claim = token
    with transaction.atomic():
        Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return list(Delivery.objects.filter(claim=token).values_list("id", flat=True))


def _zone(row: dict) -> str:
    return row["user__runner__time_zone"] or row["time_zone"] or settings.TIME_ZONE


def _prefs(row: dict) -> Preferences:
    return Preferences(at=row["at"], quiet_days=frozenset(row["quiet_days"] or ()))


def plan_batch(rows: list[dict], now: dt.datetime) -> list[int]:
    """Claim this batch's due reminders; returns the claimed ids (a fixed number of queries per batch)."""
    local = {r["pk"]: local_now(now, _zone(r)) for r in rows}
    days = {r["user__runner__id"]: local[r["pk"]].date() for r in rows if r["user__runner__id"]}
    batch = Batch(rows, days)
    wanted: list[Delivery] = []
    lapses: dict[int, tuple[int, dt.date]] = {}
    for row in rows:
        at, prefs = local[row["pk"]], _prefs(row)
        dues = []
        runner_id = row["user__runner__id"]
        has_clinician = runner_id in batch.with_clinician
        if runner_id and (has_clinician or _may_send(prefs, at)):
            day = batch.runner_day(row, at.date())
            if day is not None:
                dues = due_for_runner(day, prefs, at)
                missed = lapsed_weeks(day, at.date()) if has_clinician else 0
                if roster_flag(missed):
                    lapses[runner_id] = (missed, at.date())
        if row["user__clinician__id"]:
            digest = clinician_digest_due(prefs, at)
            dues += [digest] if digest else []
        channels = [Delivery.EMAIL] if row["email"] and row["user__email"] else []
        channels += [Delivery.PUSH] if row["push"] and row["user_id"] in batch.with_push else []
        wanted += [
            Delivery(
                user_id=row["user_id"], runner_id=runner_id, kind=d.kind, local_date=d.day, channel=c, detail=d.detail
            )
            for d in dues
            for c in channels
        ]
    _store_lapses(lapses, batch.with_clinician)
    return claim(_not_yet_claimed(wanted)) if wanted else []


def _not_yet_claimed(wanted: list[Delivery]) -> list[Delivery]:
    """Leave out what an earlier run claimed already, so each run inserts only what is new."""
    users = {d.user_id for d in wanted}
    dates = {d.local_date for d in wanted}
    have = set(
        Delivery.objects.filter(user_id__in=users, local_date__in=dates).values_list(
            "user_id", "kind", "local_date", "channel"
        )
    )
    return [d for d in wanted if (d.user_id, d.kind, d.local_date, d.channel) not in have]


def _may_send(prefs: Preferences, at: dt.datetime) -> bool:
    return at.weekday() not in prefs.quiet_days and past_send_time(at, prefs.at)


def _store_lapses(lapses: dict[int, tuple[int, dt.date]], with_clinician: set[int]) -> None:
    """The roster flag: set for runners two or more maintenance weeks without a session, cleared for the rest."""
    # both statements run for every batch, so a batch costs the same queries whoever is flagged
    MaintenanceLapse.objects.filter(runner_id__in=[0, *(with_clinician - set(lapses))]).delete()
    MaintenanceLapse.objects.bulk_create(
        [MaintenanceLapse(runner_id=r, missed_weeks=w, as_of=d) for r, (w, d) in lapses.items()],
        update_conflicts=True,
        unique_fields=["runner"],
        update_fields=["missed_weeks", "as_of"],
    )


def plan_reminders(now: dt.datetime, batch_size: int = BATCH_SIZE):
    """Yields the ids claimed in each batch of people, for the caller to queue for sending."""
    after = 0
    while True:
        rows = settings_batch(after, batch_size)
        if not rows:
            return
        after = rows[-1]["pk"]
        claimed = plan_batch(rows, now)
        if claimed:
            yield claimed
