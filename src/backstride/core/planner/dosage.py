"""Turning a dosage step into a prescription and an honest time estimate."""

from __future__ import annotations

import math

from ..library import Exercise

SECONDS_PER_REP = 3  # a controlled tempo, about 3 s a repetition
EXTRA_SECONDS_PER_HELD_REP = 2  # moving into and out of each hold
SIDE_SWITCH_SECONDS = 10  # changing sides
SETUP_SECONDS = 30  # getting into position and reading the cues
SECONDS_PER_METRE = 0.5  # drills and strides, at about 2 m/s
SESSION_ROUNDING_SECONDS = 60


def work_seconds(exercise: Exercise, step: int) -> float:
    """Time under work for one set on one side."""
    d = exercise.dosage.steps[step]
    if d.minutes is not None:
        return d.minutes * 60
    if d.metres is not None:
        return d.metres * SECONDS_PER_METRE
    if d.reps is not None and d.hold_seconds is not None:
        return d.reps * (d.hold_seconds + EXTRA_SECONDS_PER_HELD_REP)
    if d.reps is not None:
        return d.reps * SECONDS_PER_REP
    return float(d.hold_seconds or 0)


def exercise_seconds(exercise: Exercise, step: int) -> float:
    """Whole time for the exercise: every set and side, rests between sets, switches, setup."""
    d = exercise.dosage
    sets = d.steps[step].sets
    sides = 2 if d.per_side else 1
    total = sets * sides * work_seconds(exercise, step)
    total += (sets - 1) * d.rest_seconds
    total += sets * (sides - 1) * SIDE_SWITCH_SECONDS
    return total + SETUP_SECONDS


def session_minutes(seconds: float) -> int:
    return max(1, math.ceil(seconds / SESSION_ROUNDING_SECONDS))


def prescription(exercise: Exercise, step: int) -> dict:
    """The runner-facing dosage: slug, name, sets and only the fields that apply."""
    d = exercise.dosage
    values = d.steps[step].values()
    out = {
        "slug": exercise.slug,
        "name": exercise.name,
        "category": exercise.category.value,
        "level": exercise.level,
        "dosage_type": d.type.value,
        "dosage_step": step + 1,
        "dosage_steps": len(d.steps),
        "sets": int(values["sets"]),
        "per_side": d.per_side,
        "rest_seconds": d.rest_seconds,
    }
    for key in ("reps", "hold_seconds", "metres"):
        if key in values:
            out[key] = int(values[key])
    if "minutes" in values:
        out["minutes"] = values["minutes"]
    return out
