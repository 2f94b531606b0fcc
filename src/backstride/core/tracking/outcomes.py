"""When outcome measures are due, and whether changes are meaningful (CLINICAL.md section 3)."""

from __future__ import annotations

import datetime as dt
import statistics

from ..i18n import _, gettext_noop
from ..questionnaires import oswestry, pain_scale
from .thresholds import DEFAULT

ODI_WEEKS = (4, 8)  # and every 3 months in maintenance
ENDURANCE_WEEKS = (0, 4, 8)
# No maximal holds while the back is highly irritable (profile.irritability): the first test waits for week 4.
IRRITABLE_ENDURANCE_WEEKS = tuple(w for w in ENDURANCE_WEEKS if w > 0)
# The four holds of the self-test (McGill, Childs & Liebenson 1999; CLINICAL.md section 5), timed in seconds.
ENDURANCE_POSITIONS = (
    gettext_noop(
        "Flexor hold: sit with your back leaning at 60 degrees against a support, knees bent and arms folded; "
        "the support is moved away and you hold the position (home version: front plank)."
    ),
    gettext_noop(
        "Extensor hold (Biering-Sørensen): lie face down with your hips at the edge of a bench, legs held down, "
        "and hold your trunk level in the air (home version: lie face down and hold your chest just off the floor)."
    ),
    gettext_noop("Right side bridge: on your right forearm and feet, hips lifted so the body is one straight line."),
    gettext_noop("Left side bridge: the same on your left side."),
)
ENDURANCE_STOP = gettext_noop(
    "Time each hold in seconds. Stop when the position is lost or pain rises above {limit}/10, and rest a few "
    "minutes between holds."
)
PSFS_EVERY_WEEKS = 2
MAINTENANCE_ODI_EVERY_WEEKS = 13  # about every 3 months
PROGRAM_WEEKS = 8


def _week_start(start: dt.date, week: int) -> dt.date:
    return start + dt.timedelta(weeks=max(week - 1, 0))


def endurance_instructions() -> list[str]:
    """The four positions of the self-test and when to stop, in order."""
    return [_(p) for p in ENDURANCE_POSITIONS] + [_(ENDURANCE_STOP).format(limit=DEFAULT.acceptable_pain)]


def _due_weeks(kind: str, current_week: int, irritable: bool = False) -> list[int]:
    if kind == "odi":
        weeks = list(ODI_WEEKS)
        w = PROGRAM_WEEKS + MAINTENANCE_ODI_EVERY_WEEKS
        while w <= current_week:
            weeks.append(w)
            w += MAINTENANCE_ODI_EVERY_WEEKS
        return weeks
    if kind == "endurance":
        return list(IRRITABLE_ENDURANCE_WEEKS if irritable else ENDURANCE_WEEKS)
    return list(range(PSFS_EVERY_WEEKS, PROGRAM_WEEKS + 1, PSFS_EVERY_WEEKS))


def due(
    start: dt.date,
    day: dt.date,
    recorded: dict[str, list[dt.date]],
    has_psfs: bool,
    hold_endurance: bool = False,
    irritability: str = "normal",
) -> list[dict]:
    """Measures due on this day: their week has begun and none was recorded since.

    hold_endurance leaves the endurance self-tests out (a caller's reason, such as a flare-up); a highly
    irritable back (irritability "high", as in the profile) does not take them before you start.
    """
    current_week = (day - start).days // 7 + 1
    items = []
    labels = {
        "odi": _("Oswestry questionnaire"),
        "endurance": _("trunk endurance self-tests"),
        "psfs": _("re-rate your chosen activities (PSFS)"),
    }
    for kind in ("odi", "endurance", "psfs"):
        if (kind == "psfs" and not has_psfs) or (kind == "endurance" and hold_endurance):
            continue
        # only the latest due date counts: a newer one replaces an older one not done
        weeks = [w for w in _due_weeks(kind, current_week, irritability == "high") if w <= current_week]
        if not weeks:
            continue
        week = weeks[-1]
        opens = _week_start(start, week)
        if not any(d >= opens for d in recorded.get(kind, [])):
            if week > 0:
                when = _("week {n}").format(n=week)
            elif current_week <= 1:  # the first week: still before, or at, the first session
                when = _("before you start")
            else:  # the starting measure, missed: the first one taken stands in for it
                when = _("your starting measure, not taken yet")
            item = {
                "kind": kind,
                "week": week,
                "since": opens.isoformat(),
                "message": _("Due: {what} ({when}).").format(what=labels[kind], when=when),
            }
            if kind == "endurance":
                item["instructions"] = endurance_instructions()
            items.append(item)
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
