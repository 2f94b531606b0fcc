"""Weekly running volume for a runner who keeps running, and a goal race inside the program.

CLINICAL.md section 7: the load limit follows Nielsen et al. 2014 (more injuries above a 30 %
rise over two weeks); everything else here is a soft default.
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
    from ..intake import GoalRace, Intake, Running

# Weekly volume: never above the runner's usual figures during the program (a race week only as far as
# the race itself needs), and never more than 30 % above the lower of the two weeks before it as planned,
# taper and recovery weeks included (Nielsen et al. 2014). The two weeks before the program count as the
# usual volume.
TWO_WEEK_CHANGE_MAX = 0.30
REDUCED_FRACTION = 0.6  # running with pain: start at 60 % of usual volume (soft)
LONG_RUN_SHARE_MAX = 0.35  # the long run at most about a third of the week
DEFAULT_RUN_DAYS = ("tue", "thu", "sat")

# A goal race inside the program (soft, project rules).
TAPER_FRACTION = 0.6  # race week: 60 % of the week's volume, the race counted in it (or the race alone)
RECOVERY_FRACTION = 0.5  # the week after the race: half the volume, then build again from there
RACE_TAPER_DAYS = 2  # no long run or hard run in the two days before the race ...
PRE_RACE_RUN_SHARE = 0.5  # ... a run there is easy and at most half the week's long run
SHORTEST_PRE_RACE_RUN_KM = 2.0  # race week: the km left beside the race go only into runs at least this long

_KM_STEP = 10  # caps and runs are planned in tenths of a kilometre
_EPSILON = 1e-6


def _down(km: float) -> float:
    return math.floor(km * _KM_STEP + _EPSILON) / _KM_STEP


def _up(km: float) -> float:
    return math.ceil(km * _KM_STEP - _EPSILON) / _KM_STEP


def date_in_week(week_start: dt.date, day: str) -> dt.date:
    return week_start + dt.timedelta(days=(DAYS.index(day) - week_start.weekday()) % 7)


def current_long_run_km(running: Running) -> float | None:
    """The runner's usual long run: as given, or about a third of the usual week; None without running."""
    if running.long_run_km:
        return running.long_run_km
    return running.weekly_km * LONG_RUN_SHARE_MAX if running.weekly_km > 0 else None


def race_week_index(race: GoalRace | None, starts: list[dt.date]) -> int | None:
    if race is None:
        return None
    return next((i for i, s in enumerate(starts) if s <= race.date <= s + dt.timedelta(days=6)), None)


@dataclass(frozen=True)
class WeeklyCaps:
    caps: list[float]
    race_planned: bool  # the race fits within the limits of its week and is planned as one of its runs
    race_week_limit: float | None  # the most the race week could hold under the 30 % rule


def weekly_caps(
    usual: float, start_fraction: float, weeks: int, race_week: int | None = None, race_km: float = 0.0
) -> WeeklyCaps:
    """Each week's planned km cap, in order: the one place the load limits are applied."""
    planned = [usual, usual]
    caps: list[float] = []
    race_planned, race_limit = False, None
    for i in range(weeks):
        limit = _down((1 + TWO_WEEK_CHANGE_MAX) * min(planned[-2:]))
        cap = _down(min(usual * (start_fraction if i == 0 else 1.0), limit))
        if i == race_week:
            race_limit = limit
            race_planned = race_km <= limit + _EPSILON
            if race_planned:
                # the race counts in its week: the week holds at least the race, which may take it past
                # the usual volume, but never past the 30 % limit
                cap = min(max(_down(cap * TAPER_FRACTION), _up(race_km)), limit)
        elif race_planned and race_week is not None and i == race_week + 1:
            cap = _down(cap * RECOVERY_FRACTION)
        caps.append(cap)
        planned.append(cap)
    return WeeklyCaps(caps, race_planned, race_limit)


def _week_runs(
    start: dt.date,
    cap: float,
    days: list[str],
    long_day: str,
    long_usual: float,
    usual: float,
    race: GoalRace | None,
    race_week: bool,
) -> list[tuple[dt.date, str, float]]:
    """(date, kind, km) of the week's runs; the race itself is added by the caller."""
    even = cap / len(days)
    # The long run is never shorter than an easy run, at most about a third of the week, and never
    # longer than the runner's usual long run; no easy run is longer than the long run.
    long_cap = min(long_usual, max(even, min(long_usual * (cap / usual if usual else 0), cap * LONG_RUN_SHARE_MAX)))
    easy_days = [d for d in days if d != long_day]
    easy_km = min(long_cap, (cap - long_cap) / len(easy_days)) if easy_days else 0.0
    if race_week and race is not None:
        # the race is the week's long effort: what is left beside it goes into a few easy runs before it
        before = [d for d in days if date_in_week(start, d) < race.date]
        left = cap - race.distance_km
        count = min(len(before), int(left / SHORTEST_PRE_RACE_RUN_KM + _EPSILON)) if left > 0 else 0
        km = min(left / count, long_cap) if count else 0.0
        planned = [(date_in_week(start, d), "easy_run", km) for d in before[:count]]
    else:
        planned = [
            (date_in_week(start, d), *(("long_run", long_cap) if d == long_day else ("easy_run", easy_km)))
            for d in days
        ]
    runs = []
    for date, kind, km in planned:
        if race is not None and 0 < (race.date - date).days <= RACE_TAPER_DAYS:
            kind, km = "easy_run", min(km, long_cap * PRE_RACE_RUN_SHARE)
        runs.append((date, kind, _down(km)))
    return runs


def _description(kind: str, km: float, units: str, flat: bool, days_to_race: int | None) -> str:
    text = (
        _("Long run, up to {distance}, conversational pace")
        if kind == "long_run"
        else _("Easy run, up to {distance}, conversational pace")
    ).format(distance=distance(km, units))
    if flat:
        text += _(", flat route, no downhill running")
    if days_to_race is not None and 0 < days_to_race <= RACE_TAPER_DAYS:
        text += (
            _("; the race is tomorrow: easy only, no long run or workout")
            if days_to_race == 1
            else _("; the race is in {days} days: easy only, no long run or workout").format(days=days_to_race)
        )
    return text


def running_summary(mode: str, cap: float, units: str) -> str:
    """A week's running in words: the plan, Today, the clinician's record, the CLI and the API all use these."""
    km = distance(cap, units)
    if mode == "taper":
        return _(
            "Race week: up to {distance} with the race counted in it; easy runs only, and no long run or workout "
            "in the two days before the race."
        ).format(distance=km)
    if mode == "recovery":
        return _(
            "Recovery week after the race: up to {distance}, all easy. From here the volume builds again by no "
            "more than 30 % over any two weeks."
        ).format(distance=km)
    if mode == "reduced":
        return _("Reduced running: up to {distance} this week, all easy, flat routes, no speed work.").format(
            distance=km
        )
    return _(
        "Guarded running: up to {distance} this week, no more than your usual volume; no more than 30 % more over "
        "two weeks."
    ).format(distance=km)


def volume_weeks(intake: Intake, reduced: bool, starts: list[dt.date]) -> tuple[list[dict], WeeklyCaps]:
    r = intake.running
    units = intake.runner.units
    usual = r.weekly_km
    long_usual = current_long_run_km(r) or 0.0
    base_mode = "reduced" if reduced else "ramp"
    race = r.goal_race
    race_week = race_week_index(race, starts)
    volume = weekly_caps(
        usual, REDUCED_FRACTION if reduced else 1.0, len(starts), race_week, race.distance_km if race else 0.0
    )
    planned_race = race if volume.race_planned else None

    days = sorted(r.run_days or DEFAULT_RUN_DAYS[: max(1, min(3, r.runs_per_week or 3))], key=DAYS.index)
    long_day = r.long_run_day or days[-1]
    weeks = []
    for i, start in enumerate(starts):
        cap = volume.caps[i]
        mode = base_mode
        if planned_race is not None and i == race_week:
            mode = "taper"
        elif planned_race is not None and race_week is not None and i == race_week + 1:
            mode = "recovery"
        week_runs = _week_runs(start, cap, days, long_day, long_usual, usual, planned_race, mode == "taper")
        runs = [
            {
                "date": date.isoformat(),
                "kind": kind,
                "km": km,
                "description": _description(
                    kind, km, units, reduced, (planned_race.date - date).days if planned_race else None
                ),
            }
            for date, kind, km in week_runs
        ]
        if mode == "taper" and planned_race is not None:
            runs.append(
                {
                    "date": planned_race.date.isoformat(),
                    "kind": "race",
                    "km": planned_race.distance_km,
                    "description": _("{race}: run it only if this week's runs were within the pain limits").format(
                        race=planned_race.name
                    ),
                }
            )
        runs.sort(key=lambda x: x["date"])
        weeks.append(
            {
                "mode": mode,
                "summary": running_summary(mode, cap, units),
                "weekly_km_cap": cap,
                # the longest single run planned this week, the race included
                "long_run_km_cap": max((run["km"] for run in runs), default=0.0),
                "runs": runs,
            }
        )
    return weeks, volume
