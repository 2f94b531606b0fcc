"""Running guidance for each week of the program (CLINICAL.md section 7).

No back-specific validated return-to-run protocol exists, so every number here is
a soft default: the walk-run shape follows military and shin-pain programmes, and
the load limits (volume.py) follow Nielsen et al. 2014 (more injuries above a 30 %
rise over two weeks).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..calendar import DAYS
from ..i18n import _
from ..units import distance
from .volume import (
    DEFAULT_RUN_DAYS,
    WeeklyCaps,
    current_long_run_km,
    date_in_week,
    volume_weeks,
)
from .volume import TWO_WEEK_CHANGE_MAX as TWO_WEEK_CHANGE_MAX  # the load limit, also read from here

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
# 3-5/10 acceptable; above 5 stop the run (Silbernagel 2007, extrapolated). A runner whose usual running
# pain is above it returns through walk-run, like one who stopped.
ACCEPTABLE_RUN_PAIN = 5
WALK_RUN_MODES = ("walk", "walk_run")  # the weeks of the walk-run return

RACE_FAR_ABOVE_LONG_RUN = 0.30  # warn when the race is more than 30 % longer than the current long run (soft)


def walk_run_return(status: str, pain_during_run: int | None) -> bool:
    """A runner who stopped, or whose usual running pain is above the stop limit, returns through walk-run."""
    return status == "stopped_due_to_pain" or (pain_during_run or 0) > ACCEPTABLE_RUN_PAIN


def pain_rule() -> str:
    return _(
        "Pain during a run up to {safe}/10 is safe and up to {acceptable}/10 acceptable; above {acceptable}/10 "
        "stop and walk home. Next morning the back should be no worse than usual."
    ).format(safe=SAFE_RUN_PAIN, acceptable=ACCEPTABLE_RUN_PAIN)


@dataclass(frozen=True)
class RunningPlan:
    weeks: list[dict]
    goal_race: dict | None
    walk_run: bool = False  # the walk-run return applies, every week


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
        for day in sorted(days, key=lambda d: date_in_week(start, d)):  # stages follow the calendar
            stage = min(run_index // RUNS_PER_STAGE, len(WALK_RUN_STAGES) - 1)
            run_min, walk_min, repeats = WALK_RUN_STAGES[stage]
            runs.append(
                {
                    "date": date_in_week(start, day).isoformat(),
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


def _goal_race_note(intake: Intake, starts: list[dt.date], walk_run: bool, volume: WeeklyCaps | None) -> dict | None:
    race = intake.running.goal_race
    if race is None:
        return None
    units = intake.runner.units
    plan_start, plan_end = starts[0], starts[-1] + dt.timedelta(days=6)
    weeks_away = (race.date - plan_start).days // 7
    planned = volume is not None and volume.race_planned
    race_week_limit = volume.race_week_limit if volume is not None else None
    if race.date < plan_start:
        note = _("The goal race date is before the program starts; it is not planned for.")
    elif race.date <= plan_end and walk_run:
        note = _(
            "The race falls inside the program while you are returning to running: consider a "
            "shorter distance, or another race later on."
        )
    elif race.date <= plan_end and planned:
        note = _(
            "The race falls inside the program: the race week is tapered with the race counted in its volume, "
            "no long run or hard run in the two days before it, and an easy recovery week after it."
        )
    elif race.date <= plan_end:
        note = _(
            "The race falls inside the program, but at {race} it is more than the {limit} your running can safely "
            "reach that week (no more than 30 % over any two weeks), so it is not planned for: consider a shorter "
            "race, or a later one."
        ).format(
            race=distance(race.distance_km, units),
            limit=distance(race_week_limit or 0.0, units),
        )
    else:
        note = _(
            "The race is {weeks} weeks after the start. After week 8, keep raising the volume by no more than "
            "30 % over any two weeks, and keep the weekly core session."
        ).format(weeks=weeks_away)
    long_run = current_long_run_km(intake.running)
    far = (
        race.date >= plan_start and long_run is not None and race.distance_km > long_run * (1 + RACE_FAR_ABOVE_LONG_RUN)
    )
    if far and long_run is not None:
        note += " " + _(
            "Careful: the race is {race}, {gap} more than your current long run of {long_run}. Build the long "
            "run up gradually (no more than 30 % over any two weeks), or choose a shorter race."
        ).format(
            race=distance(race.distance_km, units),
            gap=distance(race.distance_km - long_run, units),
            long_run=distance(long_run, units),
        )
    return {
        "name": race.name,
        "date": race.date.isoformat(),
        "distance_km": race.distance_km,
        "weeks_from_start": weeks_away,
        "in_plan": planned,
        "current_long_run_km": round(long_run, 1) if long_run is not None else None,
        "far_above_long_run": far,
        "note": note,
    }


def running_guidance(intake: Intake, profile: Profile, starts: list[dt.date]) -> RunningPlan:
    r = intake.running
    walk_run = walk_run_return(r.status, r.pain_during_run)
    volume = None
    if walk_run:
        weeks = _walk_run_weeks(intake, profile, starts)
    else:
        weeks, volume = volume_weeks(intake, profile.running_status == "running_with_pain", starts)
    for w in weeks:
        w["status"] = profile.running_status
        w["walk_run_return"] = walk_run
        w["pain_rule"] = pain_rule()
    return RunningPlan(weeks, _goal_race_note(intake, starts, walk_run, volume), walk_run)
