"""Runs recorded by a watch or an app: storing imported activities, merging duplicates, rating them.

The parsing is pure (backstride.core.imports); this module decides what becomes a run in the database.
An imported run carries no pain report. Until the runner rates it, it counts for load but not for the
pain-guided steps (walk-run stages, volume), and today's page asks for the rating.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from backstride.core.errors import InputError
from backstride.core.imports import Activity, Problem
from backstride.core.reminders import clock

from . import models as m
from . import services
from .services import _as_of, active_plan, recompute

SAME_START = dt.timedelta(minutes=2)  # two recordings of one run start within this of each other
SAME_DISTANCE = 0.03  # ... and their distances differ by no more than this fraction
IMPORTED = ("run", "walk")  # the categories that become runs; the rest is counted and skipped
ASKED_DAYS = 14  # how far back today's page asks how an imported run felt


@dataclass
class ImportSummary:
    runs: int = 0
    walks: int = 0
    other: int = 0  # activities that are not runs or walks (cycling, swimming...)
    already_here: int = 0
    merged: int = 0  # a run typed by hand that a recording now completes
    problems: list[tuple[str, str]] = field(default_factory=list)
    run_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "runs": self.runs,
            "walks": self.walks,
            "other_skipped": self.other,
            "already_here": self.already_here,
            "merged_with_typed": self.merged,
            "unreadable": [{"file": name, "reason": why} for name, why in self.problems],
            "run_ids": self.run_ids,
        }

    def sentence(self) -> str:
        parts = [
            _("%(n)d runs imported") % {"n": self.runs},
            _("%(n)d walks") % {"n": self.walks},
            _("%(n)d other activities skipped") % {"n": self.other},
            _("%(n)d already here") % {"n": self.already_here},
        ]
        if self.merged:
            parts.append(_("%(n)d joined to runs you typed") % {"n": self.merged})
        text = ", ".join(parts)
        if self.problems:
            text += ", " + _("%(n)d unreadable") % {"n": len(self.problems)}
            text += ": " + "; ".join(f"{name}: {why}" for name, why in self.problems)
        return text


def runner_zone(runner: m.Runner) -> ZoneInfo:
    return clock.zone(runner.time_zone, settings.TIME_ZONE)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_DISTANCE * max(a, b, 0.001)


def _recorded_fields(activity: Activity, zone: ZoneInfo) -> dict:
    minutes = (activity.moving_s if activity.moving_s is not None else activity.elapsed_s) or 0.0
    return {
        "date": activity.start.astimezone(zone).date(),
        "km": round((activity.distance_m or 0.0) / 1000, 3),
        "minutes": round(minutes / 60, 2),
        "walk": activity.category == "walk",
        "started_at": activity.start,
        "elapsed_minutes": round(activity.elapsed_s / 60, 2) if activity.elapsed_s is not None else None,
        "ascent_m": activity.ascent_m,
        "avg_hr": activity.avg_hr,
        "sport": activity.sport[:32],
        "source_name": activity.source.name[-255:],
        "source_format": activity.source.format,
        "source_sha256": activity.source.sha256,
    }


class _Known:
    """The runner's runs, loaded once per import, so that each activity is matched without a query."""

    def __init__(self, runner: m.Runner):
        rows = m.RunLog.objects.filter(runner=runner).values("id", "date", "km", "started_at", "source_sha256")
        self.hashes = {(r["source_sha256"], r["started_at"]) for r in rows if r["source_sha256"]}
        self.recorded = [(r["started_at"], r["km"]) for r in rows if r["started_at"] is not None]
        self.typed: dict[dt.date, list[tuple[int, float]]] = {}
        for r in rows:
            if r["started_at"] is None:
                self.typed.setdefault(r["date"], []).append((r["id"], r["km"]))

    def duplicate(self, fields: dict) -> bool:
        if (fields["source_sha256"], fields["started_at"]) in self.hashes:
            return True
        return any(
            abs(start - fields["started_at"]) <= SAME_START and _close(km, fields["km"]) for start, km in self.recorded
        )

    def typed_match(self, fields: dict) -> int | None:
        for pk, km in self.typed.get(fields["date"], []):
            if _close(km, fields["km"]):
                return pk
        return None

    def add(self, fields: dict, typed_pk: int | None) -> None:
        self.hashes.add((fields["source_sha256"], fields["started_at"]))
        self.recorded.append((fields["started_at"], fields["km"]))
        if typed_pk is not None:
            self.typed[fields["date"]] = [(pk, km) for pk, km in self.typed[fields["date"]] if pk != typed_pk]


def import_activities(
    runner: m.Runner, items: Iterable[Activity | Problem], progress: Callable[[int], None] | None = None
) -> ImportSummary:
    """Store each run or walk once, in one transaction, then replay the program once from the earliest new day."""
    active_plan(runner)
    zone, latest = runner_zone(runner), services.latest_log_day()  # looked up here: tests move it
    summary, known, earliest = ImportSummary(), _Known(runner), None
    new: list[m.RunLog] = []
    with transaction.atomic():
        for done, item in enumerate(items, 1):
            if progress:
                progress(done)
            if isinstance(item, Problem):
                summary.problems.append((item.name, item.reason))
                continue
            if item.category not in IMPORTED:
                summary.other += 1
                continue
            fields = _recorded_fields(item, zone)
            if fields["date"] > latest:
                summary.problems.append((item.source.name, _("it starts after today")))
                continue
            if known.duplicate(fields):
                summary.already_here += 1
                continue
            typed = known.typed_match(fields)
            known.add(fields, typed)
            if typed is not None:
                # the runner's own pain and effort stay; the recording brings the measured distance and time
                m.RunLog.objects.filter(pk=typed).update(**fields)
                summary.merged += 1
                summary.run_ids.append(typed)
            else:
                new.append(m.RunLog(runner=runner, pain_during=None, **fields))
            if fields["walk"]:
                summary.walks += 1
            else:
                summary.runs += 1
            earliest = min(earliest or fields["date"], fields["date"])
        created = m.RunLog.objects.bulk_create(new, batch_size=500)
        summary.run_ids += [r.pk for r in created if r.pk is not None]
        if earliest is not None:
            recompute(runner, _as_of(runner, earliest))
    return summary


def unrated_recording(runner: m.Runner, day: dt.date, km: float, walk: bool) -> m.RunLog | None:
    """An imported, not yet rated run of that day with the distance just typed: the same run (locked for update)."""
    rows = m.RunLog.objects.select_for_update().filter(runner=runner, date=day, walk=walk, pain_during__isnull=True)
    return next((run for run in rows if _close(run.km, km)), None)


def reading_now() -> dt.datetime:
    """The moment files are read against: a recording after it is refused as implausible.

    The last loggable day's end, so that the rule against logs after today (which tests move) decides.
    """
    latest = services.latest_log_day() + dt.timedelta(days=1)
    return max(dt.datetime.now(dt.UTC), dt.datetime.combine(latest, dt.time(), dt.UTC))


def unrated_runs(runner: m.Runner, day: dt.date, limit: int = 20) -> list[m.RunLog]:
    """Recent recorded runs still waiting for the runner's pain and effort, oldest first.

    Only runs since the plan began and within ASKED_DAYS of `day`: nobody remembers how a run felt
    weeks ago, and an archive of past years counts for load without asking about each run in it.
    """
    plan = runner.current_plan
    since = max(day - dt.timedelta(days=ASKED_DAYS), plan.start_date if plan else day)
    rows = m.RunLog.objects.filter(runner=runner, pain_during__isnull=True, date__gte=since, date__lte=day)
    return list(rows.order_by("date", "id")[:limit])


def rate_run(runner: m.Runner, run_id: int, pain_during: int, effort: int | None, pain_after: int | None = None):
    """The runner's pain and effort for a recorded run: from now on it guides walk-run stages and volume too."""
    from backstride.core.tracking.logs import parse_run_rating

    rating = parse_run_rating({"pain_during": pain_during, "pain_after": pain_after, "effort": effort})
    with transaction.atomic():
        run = m.RunLog.objects.select_for_update().filter(runner=runner, pk=run_id).first()
        if run is None:
            raise InputError("run", _("no run %(id)s for this runner") % {"id": run_id})
        run.pain_during, run.pain_after, run.effort = rating.pain_during, rating.pain_after, rating.effort
        run.save(update_fields=["pain_during", "pain_after", "effort"])
        return recompute(runner, _as_of(runner, run.date))
