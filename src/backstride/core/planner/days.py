"""Placing trunk sessions in the runner's week, around their running."""

from __future__ import annotations

from itertools import combinations

from ..calendar import DAYS

BACK_TO_BACK_PENALTY = 3  # two trunk sessions on consecutive days
SAME_DAY_AS_LONG_RUN_PENALTY = 2
SAME_DAY_AS_WORKOUT_PENALTY = 2


def day_before(day: str) -> str:
    return DAYS[(DAYS.index(day) - 1) % 7]


def _score(days: tuple[int, ...], long_run: int | None, workouts: frozenset[int]) -> int:
    score = 0
    if len(days) > 1:
        ordered = sorted(days)
        for a, b in zip(ordered, [*ordered[1:], ordered[0] + 7], strict=False):
            if b - a == 1:
                score += BACK_TO_BACK_PENALTY
    for d in days:
        if d == long_run:
            score += SAME_DAY_AS_LONG_RUN_PENALTY
        if d in workouts:
            score += SAME_DAY_AS_WORKOUT_PENALTY
    return score


def choose_session_days(
    available: list[str],
    count: int,
    long_run_day: str | None,
    workout_days: list[str],
) -> tuple[list[str], list[str]]:
    """(days for trunk sessions, days that can only take a light session).

    No hard session the day before the long run or a workout; sessions spread
    out so they do not fall on consecutive days where the week allows.
    """
    hard_days_before = {day_before(d) for d in [*workout_days, *([long_run_day] if long_run_day else [])]}
    avail = sorted(set(available), key=DAYS.index)
    ok = [d for d in avail if d not in hard_days_before]
    restricted = [d for d in avail if d in hard_days_before]
    count = min(count, len(avail))
    hard_count = min(count, len(ok))
    long_idx = DAYS.index(long_run_day) if long_run_day else None
    workouts = frozenset(DAYS.index(d) for d in workout_days)
    ok_idx = [DAYS.index(d) for d in ok]
    best = min(
        combinations(ok_idx, hard_count),
        key=lambda combo: (_score(combo, long_idx, workouts), combo),
        default=(),
    )
    hard = [DAYS[i] for i in best]
    light = restricted[: count - hard_count]
    return hard, light


def lower_intensity_days(hard: list[str], light: list[str]) -> list[str]:
    """Days for trunk work at a lower intensity: the restricted days, when no other day is free.

    Every free day being the day before a long run or a workout would otherwise leave the runner
    with no trunk training at all.
    """
    return [] if hard else list(light)


def maintenance_day(
    available: list[str], session_days: list[str], long_run_day: str | None, workout_days: list[str]
) -> str:
    """A free day for the weekly maintenance session, not the day before the long run or a workout
    when any other free day exists."""
    before = {day_before(d) for d in [*workout_days, *([long_run_day] if long_run_day else [])]}
    avail = sorted(set(available), key=DAYS.index)
    for candidates in (
        [d for d in session_days if d in avail and d not in before],
        [d for d in avail if d not in before],
        [d for d in session_days if d in avail],
        avail,
    ):
        if candidates:
            return candidates[0]
    return DAYS[0]
