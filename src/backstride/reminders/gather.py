"""Reading what the reminders need for a batch of people in a fixed handful of queries (never one per runner)."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict

from django.db.models.fields.json import KeyTransform

from backstride.clinic.models import CareLink
from backstride.core.feed import Event, planned_events
from backstride.core.reminders import RunnerDay
from backstride.core.reminders.rules import MISSED_WEEKS_LOOKBACK
from backstride.runners.models import OutcomeMeasure, Plan, PlannedSession, SessionLog

from .models import PushSubscription, ReminderSettings

SETTINGS_FIELDS = (
    "pk",
    "user_id",
    "user__email",
    "email",
    "push",
    "at",
    "quiet_days",
    "time_zone",
    "user__runner__id",
    "user__runner__time_zone",
    "user__runner__state_as_of",
    "user__clinician__id",
)


def settings_batch(after: int, size: int) -> list[dict]:
    """The next `size` people with reminders on, by id: the reader keeps its place with `after`."""
    rows = ReminderSettings.objects.filter(enabled=True, pk__gt=after).order_by("pk")
    return list(
        rows.values(
            *SETTINGS_FIELDS,
            paused=KeyTransform("paused", "user__runner__state"),
            flare=KeyTransform("flare", "user__runner__state"),
            nudges=KeyTransform("nudges", "user__runner__state"),
        )[:size]
    )


def _latest_plans(runner_ids: list[int]) -> dict[int, dict]:
    rows = (
        Plan.objects.filter(runner_id__in=runner_ids, active=True)
        .order_by("runner_id", "-created_at", "-id")
        .values(
            "id",
            "runner_id",
            "start_date",
            # one read of the plan's document (its maintenance part): each key read apart would read it again
            maintenance=KeyTransform("maintenance", "data"),
            irritability=KeyTransform("irritability", KeyTransform("profile", "assessment__result")),
            intake_psfs=KeyTransform("psfs", "assessment__intake"),
        )
    )
    plans: dict[int, dict] = {}
    for row in rows:
        plans.setdefault(row["runner_id"], row)  # the newest active plan, as Runner.current_plan picks it
    return plans


@functools.lru_cache(maxsize=8192)
def feed_events(
    start: dt.date,
    maintenance: tuple[dt.date, int],
    sessions: tuple[tuple[dt.date, str, int, str], ...],
    today: dt.date,
    paused_from: dt.date | None,
    has_psfs: bool,
    irritable: bool,
) -> tuple[Event, ...]:
    """The calendar feed's events for a plan, from the parts of it the reminders read.

    The plan handed to the feed has only the sessions of the days looked at, and its weekly maintenance
    starts at the first week the reminders look back to (same weekday, whole weeks on), so the feed
    makes the events of those days exactly, without reading each plan's whole document. The feed's
    events depend on nothing else, so runners whose plans share these parts share the answer.
    """
    first_maintenance, minutes = maintenance
    back_to = today - dt.timedelta(weeks=MISSED_WEEKS_LOOKBACK + 2)
    if first_maintenance < back_to:
        first_maintenance += dt.timedelta(weeks=(back_to - first_maintenance).days // 7)
    plan = {
        "start_date": start.isoformat(),
        "weeks": [
            {
                "phase_title": phase,
                "sessions": [{"date": day.isoformat(), "kind": kind, "minutes": length, "exercises": []}],
                "running": {"runs": []},
            }
            for day, kind, length, phase in sessions
        ],
        "maintenance": {"start_date": first_maintenance.isoformat(), "minutes": minutes, "exercises": []},
    }
    return tuple(planned_events(plan, today, paused_from, has_psfs=has_psfs, irritable=irritable))


class Batch:
    """Everything about a batch of people that deciding their reminders reads."""

    def __init__(self, rows: list[dict], days: dict[int, dt.date]):
        self.rows = rows
        runner_ids = [r["user__runner__id"] for r in rows if r["user__runner__id"] in days]
        user_ids = [r["user_id"] for r in rows]
        self.plans = _latest_plans(runner_ids)
        today_lo = min(days.values(), default=dt.date.today())
        today_hi = max(days.values(), default=dt.date.today())
        sessions: dict[int, list[dict]] = defaultdict(list)
        for s in PlannedSession.objects.filter(
            plan_id__in=[p["id"] for p in self.plans.values()], date__range=(today_lo - dt.timedelta(days=1), today_hi)
        ).values("plan_id", "date", "kind", "minutes", "phase"):
            sessions[s["plan_id"]].append(s)
        self.sessions = sessions
        since = today_lo - dt.timedelta(weeks=MISSED_WEEKS_LOOKBACK + 2)
        logged: dict[int, set[dt.date]] = defaultdict(set)
        for runner_id, day in SessionLog.objects.filter(runner_id__in=runner_ids, date__gte=since).values_list(
            "runner_id", "date"
        ):
            logged[runner_id].add(day)
        self.logged = logged
        self.psfs = set(
            OutcomeMeasure.objects.filter(runner_id__in=runner_ids, kind=OutcomeMeasure.PSFS)
            .values_list("runner_id", flat=True)
            .distinct()
        )
        self.with_push = set(
            PushSubscription.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True).distinct()
        )
        self.with_clinician = set(
            CareLink.objects.filter(runner_id__in=runner_ids).values_list("runner_id", flat=True).distinct()
        )

    def runner_day(self, row: dict, today: dt.date) -> RunnerDay | None:
        plan = self.plans.get(row["user__runner__id"])
        if plan is None:
            return None  # no plan (or one retired by a referral): nothing to remind of
        paused = row["paused"]
        maintenance = plan["maintenance"] or {}
        events = feed_events(
            plan["start_date"],
            (dt.date.fromisoformat(maintenance["start_date"]), maintenance.get("minutes") or 0),
            tuple((s["date"], s["kind"], s["minutes"], s["phase"]) for s in self.sessions.get(plan["id"], [])),
            today,
            dt.date.fromisoformat(paused["date"]) if paused else None,
            bool(plan["intake_psfs"]) or plan["runner_id"] in self.psfs,
            plan["irritability"] == "high",
        )
        nudges = tuple(
            dt.date.fromisoformat(n["date"]) for n in (row["nudges"] or []) if n.get("kind") == "missed_core_week"
        )
        return RunnerDay(
            events=events,
            logged_days=frozenset(self.logged.get(plan["runner_id"], ())),
            plan_start=plan["start_date"],
            paused=bool(paused),
            nudge_dates=nudges,
            judged_until=row["user__runner__state_as_of"],
            settling=bool(row["flare"]),
        )
