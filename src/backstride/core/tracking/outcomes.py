"""When outcome measures are due, and whether changes are meaningful (CLINICAL.md section 3)."""

from __future__ import annotations

import datetime as dt
import statistics

from ..i18n import _
from ..questionnaires import oswestry, pain_scale

ODI_WEEKS = (4, 8)  # and every 3 months in maintenance
ENDURANCE_WEEKS = (0, 4, 8)
PSFS_EVERY_WEEKS = 2
MAINTENANCE_ODI_EVERY_WEEKS = 13  # about every 3 months
PROGRAM_WEEKS = 8


def _week_start(start: dt.date, week: int) -> dt.date:
    return start + dt.timedelta(weeks=max(week - 1, 0))


def _due_weeks(kind: str, current_week: int) -> list[int]:
    if kind == "odi":
        weeks = list(ODI_WEEKS)
        w = PROGRAM_WEEKS + MAINTENANCE_ODI_EVERY_WEEKS
        while w <= current_week:
            weeks.append(w)
            w += MAINTENANCE_ODI_EVERY_WEEKS
        return weeks
    if kind == "endurance":
        return list(ENDURANCE_WEEKS)
    return list(range(PSFS_EVERY_WEEKS, PROGRAM_WEEKS + 1, PSFS_EVERY_WEEKS))


def due(start: dt.date, day: dt.date, recorded: dict[str, list[dt.date]], has_psfs: bool) -> list[dict]:
    """Measures due on this day: their week has begun and none was recorded since."""
    current_week = (day - start).days // 7 + 1
    items = []
    labels = {
        "odi": _("Oswestry questionnaire"),
        "endurance": _("trunk endurance self-tests"),
        "psfs": _("re-rate your chosen activities (PSFS)"),
    }
    for kind in ("odi", "endurance", "psfs"):
        if kind == "psfs" and not has_psfs:
            continue
        # only the latest due date counts: a newer one replaces an older one not done
        weeks = [w for w in _due_weeks(kind, current_week) if w <= current_week]
        if not weeks:
            continue
        week = weeks[-1]
        opens = _week_start(start, week)
        if not any(d >= opens for d in recorded.get(kind, [])):
            items.append(
                {
                    "kind": kind,
                    "week": week,
                    "since": opens.isoformat(),
                    "message": _("Due: {what} ({when}).").format(
                        what=labels[kind], when=_("before you start") if week == 0 else _("week {n}").format(n=week)
                    ),
                }
            )
    return items


def pain_change(baseline: int, recent_mornings: list[int]) -> dict | None:
    """Recent mean morning pain against the starting pain, with a meaningful-change verdict."""
    if not recent_mornings:
        return None
    recent = round(statistics.mean(recent_mornings))
    return {"from": baseline, "to": recent, "verdict": pain_scale.change(baseline, recent)}


def odi_change(first: int | None, latest: int | None) -> dict | None:
    if first is None or latest is None:
        return None
    if oswestry.meaningful_improvement(first, latest):
        verdict = "improved"
    elif oswestry.meaningful_worsening(first, latest):
        verdict = "worse"
    else:
        verdict = "no_meaningful_change"
    return {"from": first, "to": latest, "verdict": verdict}
