"""Building the dated 8-week plan and the maintenance prescription.

Deterministic: the same intake always gives the same plan. The shape comes from
templates.py; what a runner may do from selection.py; days from days.py; the
running side from running.py.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..calendar import DAYS
from ..i18n import _

if TYPE_CHECKING:
    from ..intake import Intake
from ..library import Exercise, Library
from ..profile import Profile
from . import advice as advice_rules
from .days import choose_session_days
from .dosage import exercise_seconds, prescription, session_minutes
from .running import running_guidance
from .selection import pick, rules_for
from .templates import (
    DAILY_MOBILITY_MAX_MINUTES,
    DAILY_MOBILITY_SLOTS,
    DAILY_MOBILITY_WEEKS,
    DEFAULT_SESSIONS_PER_WEEK,
    DISPLAY_ORDER,
    LIGHT_SLOTS,
    MAINTENANCE_SLOTS,
    PHASE_OF_WEEK,
    PROGRAM_WEEKS,
    RUNNING_ONLY_SLOTS,
)

MAINTENANCE_FROM_WEEK = PROGRAM_WEEKS + 1
MAINTENANCE_SESSIONS_PER_WEEK = 1  # at least once a week, for good (Steffens et al. 2016)
MAINTENANCE_MAX_MINUTES = 30


def _fit(
    library: Library,
    slots: tuple[tuple[str, int], ...],
    profile: Profile,
    week: int,
    budget_seconds: float,
    steps: dict[str, int],
) -> tuple[list[tuple[str, Exercise, int]], float]:
    """Fill slots in priority order while the session still fits the runner's minutes."""
    rules = rules_for(profile.equipment, profile.directional_preference, week)
    chosen: list[tuple[str, Exercise, int]] = []
    taken: set[str] = set()
    used = 0.0
    for slot, level in slots:
        if slot in RUNNING_ONLY_SLOTS and profile.running_status == "stopped_due_to_pain":
            continue
        exercise = pick(library, slot, level, profile.directional_preference, rules, taken)
        if exercise is None:
            continue
        step = min(steps.get(exercise.slug, 0), len(exercise.dosage.steps) - 1)
        cost = exercise_seconds(exercise, step)
        if used + cost > budget_seconds:
            continue
        chosen.append((slot, exercise, step))
        taken.add(exercise.slug)
        used += cost
    chosen.sort(key=lambda c: DISPLAY_ORDER.index(c[1].category.value))
    return chosen, used


def _session(date: dt.date, kind: str, chosen, used: float, hard: bool) -> dict:
    return {
        "date": date.isoformat(),
        "day": DAYS[date.weekday()],
        "kind": kind,
        "hard": hard,
        "minutes": session_minutes(used),
        "exercises": [prescription(ex, step) | {"slot": slot} for slot, ex, step in chosen],
    }


def _date_in_week(week_start: dt.date, day: str) -> dt.date:
    return week_start + dt.timedelta(days=(DAYS.index(day) - week_start.weekday()) % 7)


def build_plan(intake: Intake, profile: Profile, library: Library) -> dict:
    availability = intake.availability
    count = availability.sessions_per_week or DEFAULT_SESSIONS_PER_WEEK
    hard_days, light_days = choose_session_days(
        availability.days, count, intake.running.long_run_day, intake.running.workout_days
    )
    budget = availability.minutes_per_session * 60
    starts = [intake.start_date + dt.timedelta(weeks=i) for i in range(PROGRAM_WEEKS)]
    running = running_guidance(intake, profile, starts)

    # Dosage step reached per exercise: one step up each week it stays, from the first rung
    # when it is new, so only one thing changes at a time.
    steps: dict[str, int] = {}
    weeks = []
    last_main: list[tuple[str, Exercise, int]] = []
    for number, start in enumerate(starts, start=1):
        phase = PHASE_OF_WEEK[number]
        main, used = _fit(library, phase.slots, profile, number, budget, steps)
        light, light_used = _fit(library, LIGHT_SLOTS, profile, number, budget, steps)
        sessions = [_session(_date_in_week(start, d), "trunk_strength", main, used, True) for d in hard_days]
        sessions += [_session(_date_in_week(start, d), "light", light, light_used, False) for d in light_days]
        sessions.sort(key=lambda s: s["date"])
        week = {
            "number": number,
            "phase": phase.name,
            "phase_title": _(phase.title),
            "start_date": start.isoformat(),
            "end_date": (start + dt.timedelta(days=6)).isoformat(),
            "sessions": sessions,
            "daily_mobility": None,
            "running": running.weeks[number - 1],
        }
        if number in DAILY_MOBILITY_WEEKS:
            daily, daily_used = _fit(
                library,
                DAILY_MOBILITY_SLOTS,
                profile,
                number,
                min(budget, DAILY_MOBILITY_MAX_MINUTES * 60),
                steps,
            )
            week["daily_mobility"] = {
                "note": _("Every day, including rest days: a few easy minutes to keep the back moving."),
                "minutes": session_minutes(daily_used),
                "exercises": [prescription(ex, st) | {"slot": sl} for sl, ex, st in daily],
            }
        weeks.append(week)
        stepped = {ex.slug for _, ex, _ in main} | {ex.slug for _, ex, _ in light}
        for slug in stepped:
            steps[slug] = min(steps.get(slug, 0) + 1, len(library[slug].dosage.steps) - 1)
        last_main = main

    return {
        "start_date": intake.start_date.isoformat(),
        "end_date": (starts[-1] + dt.timedelta(days=6)).isoformat(),
        "sessions_per_week": len(hard_days) + len(light_days),
        "session_days": sorted(hard_days + light_days, key=DAYS.index),
        "weeks": weeks,
        "goal_race": running.goal_race,
        "maintenance": _maintenance(last_main, hard_days, starts[-1], availability.minutes_per_session),
        "advice": advice_rules.for_runner(intake, profile),
    }


def _maintenance(week8: list[tuple[str, Exercise, int]], days: list[str], last_start: dt.date, minutes: int) -> dict:
    """One core session a week for good, from the exercises the runner reached in week 8."""
    budget = min(minutes, MAINTENANCE_MAX_MINUTES) * 60
    chosen, used = [], 0.0
    by_slot = {slot: (ex, step) for slot, ex, step in week8}
    for slot in MAINTENANCE_SLOTS:
        if slot not in by_slot:
            continue
        ex, step = by_slot[slot]
        cost = exercise_seconds(ex, step)
        if used + cost <= budget:
            chosen.append((slot, ex, step))
            used += cost
    first_day = days[0] if days else "mon"
    return {
        "from_week": MAINTENANCE_FROM_WEEK,
        "start_date": (last_start + dt.timedelta(days=7)).isoformat(),
        "sessions_per_week": MAINTENANCE_SESSIONS_PER_WEEK,
        "day": first_day,
        "minutes": session_minutes(used),
        "exercises": [prescription(ex, step) | {"slot": slot} for slot, ex, step in chosen],
        "note": _(
            "From week 9, one core session a week for good. Exercise after an episode roughly "
            "halves the chance of another within a year, and the protection fades when it stops "
            "(Steffens et al. 2016)."
        ),
    }
