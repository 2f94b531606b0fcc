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
from .days import choose_session_days, lower_intensity_days, maintenance_day
from .dosage import exercise_seconds, prescription, session_minutes
from .running import running_guidance
from .selection import pick, rules_for
from .templates import (
    DAILY_MOBILITY_MAX_MINUTES,
    DAILY_MOBILITY_SLOTS,
    DAILY_MOBILITY_WEEKS,
    DEFAULT_SESSIONS_PER_WEEK,
    DISPLAY_ORDER,
    IRRITABLE_MAX_EXERCISES,
    IRRITABLE_MAX_MINUTES,
    IRRITABLE_START_WEEKS,
    LIGHT_SLOTS,
    LOWER_INTENSITY_MAX_EXERCISES,
    MAINTENANCE_SLOTS,
    PHASE_OF_WEEK,
    PROGRAM_WEEKS,
    RUNNING_ONLY_SLOTS,
)

MAINTENANCE_FROM_WEEK = PROGRAM_WEEKS + 1
MAINTENANCE_SESSIONS_PER_WEEK = 1  # at least once a week, for good (Steffens et al. 2016)
MAINTENANCE_MAX_MINUTES = 30

Chosen = list[tuple[str, Exercise, int]]  # (slot, exercise, dosage step)


def _fit(
    library: Library,
    slots: tuple[tuple[str, int], ...],
    profile: Profile,
    week: int,
    budget_seconds: float,
    steps: dict[str, int],
    walk_run: bool,
    max_exercises: int | None = None,
) -> tuple[Chosen, float]:
    """Fill slots in priority order while the session still fits the runner's minutes."""
    rules = rules_for(profile.equipment, profile.directional_preference, week, profile.rotation_sensitive)
    chosen: Chosen = []
    taken: set[str] = set()
    used = 0.0
    for slot, level in slots:
        if max_exercises is not None and len(chosen) >= max_exercises:
            break
        if slot in RUNNING_ONLY_SLOTS and walk_run:
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


def _session(date: dt.date, kind: str, chosen: Chosen, used: float, hard: bool, lower: bool = False) -> dict:
    return {
        "date": date.isoformat(),
        "day": DAYS[date.weekday()],
        "kind": kind,
        "hard": hard,
        "lower_intensity": lower,
        "minutes": session_minutes(used),
        "exercises": [prescription(ex, step) | {"slot": slot} for slot, ex, step in chosen],
    }


def _date_in_week(week_start: dt.date, day: str) -> dt.date:
    return week_start + dt.timedelta(days=(DAYS.index(day) - week_start.weekday()) % 7)


def _advance(steps: dict[str, int], chosen: Chosen) -> None:
    for _slot, ex, _step in chosen:
        steps[ex.slug] = min(steps.get(ex.slug, 0) + 1, len(ex.dosage.steps) - 1)


def build_plan(intake: Intake, profile: Profile, library: Library) -> dict:
    availability = intake.availability
    r = intake.running
    count = availability.sessions_per_week or DEFAULT_SESSIONS_PER_WEEK
    hard_days, light_days = choose_session_days(availability.days, count, r.long_run_day, r.workout_days)
    lower_days = lower_intensity_days(hard_days, light_days)
    light_days = [d for d in light_days if d not in lower_days]
    budget = availability.minutes_per_session * 60
    starts = [intake.start_date + dt.timedelta(weeks=i) for i in range(PROGRAM_WEEKS)]
    running = running_guidance(intake, profile, starts)
    walk_run = running.walk_run
    irritable = profile.irritability == "high"

    # Dosage step reached per exercise in the main (trunk) sessions: one step up each week it stays,
    # from the first rung when it is new, so only one thing changes at a time. Light sessions keep
    # their own count, so an exercise met there still starts at its first step in a main session.
    steps: dict[str, int] = {}
    light_steps: dict[str, int] = {}
    done: dict[str, tuple[str, Exercise, int]] = {}  # every main-session exercise at the dose reached
    weeks = []
    last_main: Chosen = []
    for number, start in enumerate(starts, start=1):
        phase = PHASE_OF_WEEK[number]
        gentle = irritable and number in IRRITABLE_START_WEEKS
        week_budget = min(budget, IRRITABLE_MAX_MINUTES * 60) if gentle else budget
        main_max = IRRITABLE_MAX_EXERCISES if gentle else None
        main, used = _fit(library, phase.slots, profile, number, week_budget, steps, walk_run, main_max)
        light, light_used = _fit(library, LIGHT_SLOTS, profile, number, week_budget, light_steps, walk_run)
        sessions = [_session(_date_in_week(start, d), "trunk_strength", main, used, True) for d in hard_days]
        lower: Chosen = []
        if lower_days:
            # the first dosage step and fewer exercises: the day before a long run or workout
            lower_max = min(LOWER_INTENSITY_MAX_EXERCISES, main_max or LOWER_INTENSITY_MAX_EXERCISES)
            lower, lower_used = _fit(library, phase.slots, profile, number, week_budget, {}, walk_run, lower_max)
            sessions += [
                _session(_date_in_week(start, d), "trunk_strength", lower, lower_used, False, lower=True)
                for d in lower_days
            ]
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
                min(week_budget, DAILY_MOBILITY_MAX_MINUTES * 60),
                steps,
                walk_run,
            )
            week["daily_mobility"] = {
                "note": _("Every day, including rest days: a few easy minutes to keep the back moving."),
                "minutes": session_minutes(daily_used),
                "exercises": [prescription(ex, st) | {"slot": sl} for sl, ex, st in daily],
            }
        weeks.append(week)
        week_main = main if hard_days else lower
        if week_main:
            last_main = week_main
            done |= {ex.slug: (slot, ex, step) for slot, ex, step in week_main}
        # a highly irritable back stays on the first step through the gentle start
        if hard_days and not (gentle and number < max(IRRITABLE_START_WEEKS)):
            _advance(steps, main)
        if light_days:
            _advance(light_steps, light)

    return {
        "start_date": intake.start_date.isoformat(),
        "end_date": (starts[-1] + dt.timedelta(days=6)).isoformat(),
        "sessions_per_week": len(hard_days) + len(lower_days) + len(light_days),
        "session_days": sorted(hard_days + lower_days + light_days, key=DAYS.index),
        "weeks": weeks,
        "goal_race": running.goal_race,
        "maintenance": _maintenance(
            last_main,
            list(done.values()),
            maintenance_day(availability.days, hard_days + lower_days, r.long_run_day, r.workout_days),
            starts[-1],
            availability.minutes_per_session,
        ),
        "advice": advice_rules.for_runner(intake, profile, trunk_days_restricted=bool(lower_days)),
    }


def _maintenance(week8: Chosen, done: Chosen, day: str, last_start: dt.date, minutes: int) -> dict:
    """One core session a week for good, from the exercises the runner did in the main sessions,
    at the dose reached; never empty: the shortest of them when the minutes are tight."""
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
    if not chosen:
        for slot, ex, step in sorted(week8 or done, key=lambda c: (exercise_seconds(c[1], c[2]), c[1].slug)):
            cost = exercise_seconds(ex, step)
            if used + cost <= budget:
                chosen.append((slot, ex, step))
                used += cost
    if not chosen and (week8 or done):
        # even the shortest does not fit at the dose reached: take it a step lower at a time until it does
        slot, ex, step = min(week8 or done, key=lambda c: (exercise_seconds(c[1], 0), c[1].slug))
        while step > 0 and exercise_seconds(ex, step) > budget:
            step -= 1
        chosen, used = [(slot, ex, step)], exercise_seconds(ex, step)
    return {
        "from_week": MAINTENANCE_FROM_WEEK,
        "start_date": (last_start + dt.timedelta(days=7)).isoformat(),
        "sessions_per_week": MAINTENANCE_SESSIONS_PER_WEEK,
        "day": day,
        "minutes": session_minutes(used),
        "exercises": [prescription(ex, step) | {"slot": slot} for slot, ex, step in chosen],
        "note": _(
            "From week 9, one core session a week for good. Exercise after an episode roughly "
            "halves the chance of another within a year, and the protection fades when it stops "
            "(Steffens et al. 2016)."
        ),
    }
