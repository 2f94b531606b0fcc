"""Running guidance for each week of the program (CLINICAL.md section 7).

No back-specific validated return-to-run protocol exists, so every number here is
a soft default: the walk-run shape follows military and shin-pain programmes, and
the load limits follow Nielsen et al. 2014 (more injuries above a 30 % rise over
two weeks).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..calendar import DAYS
from ..i18n import _
from ..units import distance

if TYPE_CHECKING:
    from ..intake import Intake
    from ..profile import Profile

# (run minutes, walk minutes, repeats); the last stage is 30 minutes of continuous running.
WALK_RUN_STAGES: tuple[tuple[int, int, int], ...] = (
    (1, 2, 8),
    (2, 2, 6),
    (3, 2, 5),
    (4, 1, 5),
    (6, 1, 4),
    (9, 1, 3),
    (14, 1, 2),
    (30, 0, 1),
)
RUNS_PER_STAGE = 2  # each stage done twice before moving up
MAX_WALK_RUN_SESSIONS = 3  # with at least one rest day between runs
WALKING_WEEKS_BEFORE_RETURN = 2  # not ready yet: build walking first
WALK_MINUTES = (20, 25, 30, 30)

SAFE_RUN_PAIN = 2  # pain during a run up to 2/10 is safe; move up only at or below it
ACCEPTABLE_RUN_PAIN = 5  # 3-5/10 acceptable; above 5 stop the run (Silbernagel 2007, extrapolated)

TWO_WEEK_CHANGE_MAX = 0.30  # Nielsen et al. 2014
WEEKLY_GROWTH_MAX = math.sqrt(1 + TWO_WEEK_CHANGE_MAX) - 1  # about 14 % a week keeps two weeks under 30 %
GUARDED_WEEKLY_GROWTH = 0.10  # pain-free runners: a guarded ramp (soft)
REDUCED_FRACTION = 0.6  # running with pain: start at 60 % of usual volume (soft)
STRONGLY_REDUCED_FRACTION = 0.4  # pain above the acceptable limit while running (soft)
HOLD_WEEKS_PAIN_FREE = 2  # pain-free: no increase while the trunk work is new
LONG_RUN_SHARE_MAX = 0.35  # the long run at most about a third of the week
TAPER_FRACTION = 0.6  # race week
DEFAULT_RUN_DAYS = ("tue", "thu", "sat")


def pain_rule() -> str:
    return _(
        "Pain during a run up to {safe}/10 is safe and up to {acceptable}/10 acceptable; above {acceptable}/10 "
        "stop and walk home. Next morning the back should be no worse than usual."
    ).format(safe=SAFE_RUN_PAIN, acceptable=ACCEPTABLE_RUN_PAIN)


@dataclass(frozen=True)
class RunningPlan:
    weeks: list[dict]
    goal_race: dict | None


def _run_days(intake: Intake, count: int) -> list[str]:
    """Up to count run days with a rest day between them, from the runner's own days."""
    days = sorted(intake.running.run_days or DEFAULT_RUN_DAYS, key=DAYS.index)
    chosen: list[int] = []
    for d in (DAYS.index(x) for x in days):
        if all(abs(d - c) > 1 and abs(d - c) < 6 for c in chosen):
            chosen.append(d)
        if len(chosen) == count:
            break
    return [DAYS[i] for i in chosen]


def _date_in_week(week_start: dt.date, day: str) -> dt.date:
    return week_start + dt.timedelta(days=(DAYS.index(day) - week_start.weekday()) % 7)


def _walk_run_weeks(intake: Intake, profile: Profile, starts: list[dt.date]) -> list[dict]:
    days = _run_days(intake, MAX_WALK_RUN_SESSIONS)
    first = 0 if profile.return_to_run_ready else WALKING_WEEKS_BEFORE_RETURN
    weeks, run_index = [], 0
    for i, start in enumerate(starts):
        if i < first:
            weeks.append(
                {
                    "mode": "walk",
                    "summary": (
                        _(
                            "No running yet. Walk most days, building to {minutes} minutes. Start walk-run once 30 "
                            "minutes of walking is comfortable and pain at rest is 2/10 or less."
                        ).format(minutes=WALK_MINUTES[i])
                    ),
                    "weekly_km_cap": 0,
                    "long_run_km_cap": 0,
                    "runs": [],
                }
            )
            continue
        runs = []
        for day in days:
            stage = min(run_index // RUNS_PER_STAGE, len(WALK_RUN_STAGES) - 1)
            run_min, walk_min, repeats = WALK_RUN_STAGES[stage]
            runs.append(
                {
                    "date": _date_in_week(start, day).isoformat(),
                    "kind": "walk_run" if walk_min else "easy_run",
                    "stage": stage + 1,
                    "run_minutes": run_min,
                    "walk_minutes": walk_min,
                    "repeats": repeats,
                    "description": (
                        _("Stage {stage_number}: run {run_min} min, walk {walk_min} min, {repeats} times").format(
                            stage_number=stage + 1, run_min=run_min, walk_min=walk_min, repeats=repeats
                        )
                        if walk_min
                        else _("Stage {stage_number}: {run_min} min easy continuous running").format(
                            stage_number=stage + 1, run_min=run_min
                        )
                    ),
                }
            )
            run_index += 1
        runs.sort(key=lambda r: r["date"])
        weeks.append(
            {
                "mode": "walk_run",
                "summary": (
                    _(
                        "Walk-run return: at least one rest day between runs; each stage twice before moving up, "
                        "and move up only if pain stays at {safe}/10 or less during the run and is no worse the "
                        "next morning."
                    ).format(safe=SAFE_RUN_PAIN)
                ),
                "weekly_km_cap": None,
                "long_run_km_cap": None,
                "runs": runs,
            }
        )
    return weeks


def _volume_weeks(intake: Intake, profile: Profile, starts: list[dt.date]) -> list[dict]:
    r = intake.running
    units = intake.runner.units
    usual = r.weekly_km
    long_usual = r.long_run_km if r.long_run_km is not None else usual * LONG_RUN_SHARE_MAX
    if profile.running_status == "running_with_pain":
        painful = (r.pain_during_run or 0) > ACCEPTABLE_RUN_PAIN
        fraction = STRONGLY_REDUCED_FRACTION if painful else REDUCED_FRACTION
        growth, hold_weeks, mode = WEEKLY_GROWTH_MAX, 0, "reduced"
    else:
        fraction, growth, hold_weeks, mode = 1.0, GUARDED_WEEKLY_GROWTH, HOLD_WEEKS_PAIN_FREE, "ramp"
    caps: list[float] = []
    for i in range(len(starts)):
        if i == 0:
            cap = usual * fraction
        elif i < hold_weeks:
            cap = caps[-1]
        else:
            cap = caps[-1] * (1 + growth)
            if i >= 2:
                cap = min(cap, caps[i - 2] * (1 + TWO_WEEK_CHANGE_MAX))
            if mode == "reduced":
                cap = min(cap, usual)  # back to the usual volume, not beyond, within the 8 weeks
        caps.append(cap)

    days = sorted(r.run_days or DEFAULT_RUN_DAYS[: max(1, min(3, r.runs_per_week or 3))], key=DAYS.index)
    long_day = r.long_run_day or days[-1]
    race = r.goal_race
    weeks = []
    for i, start in enumerate(starts):
        cap = caps[i]
        week_end = start + dt.timedelta(days=6)
        race_week = race is not None and start <= race.date <= week_end
        if race_week:
            cap = caps[i] * TAPER_FRACTION
        even = cap / len(days)
        # The long run is never shorter than an easy run, and at most about a third of the week.
        long_cap = max(even, min(long_usual * (cap / usual if usual else 0), cap * LONG_RUN_SHARE_MAX))
        easy_days = [d for d in days if d != long_day]
        easy_km = (cap - long_cap) / len(easy_days) if easy_days else 0
        runs = []
        for d in days:
            date = _date_in_week(start, d)
            if race_week and race is not None and date >= race.date:
                continue
            km = long_cap if d == long_day else easy_km
            runs.append(
                {
                    "date": date.isoformat(),
                    "kind": "long_run" if d == long_day else "easy_run",
                    "km": round(km, 1),
                    "description": (
                        (
                            _("Long run, up to {distance}, conversational pace")
                            if d == long_day
                            else _("Easy run, up to {distance}, conversational pace")
                        ).format(distance=distance(km, units))
                        + (_(", flat route, no downhill running") if mode == "reduced" else "")
                    ),
                }
            )
        if race_week and race is not None:
            runs.append(
                {
                    "date": race.date.isoformat(),
                    "kind": "race",
                    "km": race.distance_km,
                    "description": _("{race}: run it only if this week's runs were within the pain limits").format(
                        race=race.name
                    ),
                }
            )
        runs.sort(key=lambda x: x["date"])
        summary = (
            _("Reduced running: up to {distance} this week, all easy, flat routes, no speed work.").format(
                distance=distance(cap, units)
            )
            if mode == "reduced"
            else _("Guarded running: up to {distance} this week; no more than 30 % more over two weeks.").format(
                distance=distance(cap, units)
            )
        )
        weeks.append(
            {
                "mode": "taper" if race_week else mode,
                "summary": summary,
                "weekly_km_cap": round(cap, 1),
                "long_run_km_cap": round(long_cap, 1),
                "runs": runs,
            }
        )
    return weeks


def _goal_race_note(intake: Intake, plan_start: dt.date, plan_end: dt.date) -> dict | None:
    race = intake.running.goal_race
    if race is None:
        return None
    weeks_away = (race.date - plan_start).days // 7
    if race.date < plan_start:
        note = _("The goal race date is before the program starts; it is not planned for.")
    elif race.date <= plan_end and intake.running.status == "stopped_due_to_pain":
        note = _(
            "The race falls inside the program while you are returning to running: consider a "
            "shorter distance, or another race later on."
        )
    elif race.date <= plan_end:
        note = _("The race falls inside the program: the race week is tapered and runs stay within the pain limits.")
    else:
        note = _(
            "The race is {weeks} weeks after the start. After week 8, keep raising the volume by no more than "
            "30 % over any two weeks, and keep the weekly core session."
        ).format(weeks=weeks_away)
    return {
        "name": race.name,
        "date": race.date.isoformat(),
        "distance_km": race.distance_km,
        "weeks_from_start": weeks_away,
        "note": note,
    }


def running_guidance(intake: Intake, profile: Profile, starts: list[dt.date]) -> RunningPlan:
    if profile.running_status == "stopped_due_to_pain":
        weeks = _walk_run_weeks(intake, profile, starts)
    else:
        weeks = _volume_weeks(intake, profile, starts)
    for w in weeks:
        w["status"] = profile.running_status
        w["pain_rule"] = pain_rule()
    plan_end = starts[-1] + dt.timedelta(days=6)
    return RunningPlan(weeks, _goal_race_note(intake, starts[0], plan_end))
