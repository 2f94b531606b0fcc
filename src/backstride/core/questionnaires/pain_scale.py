"""Numeric pain rating (0-10) and what counts as a meaningful change.

Meaningful change: 2 points or 30 % (Ostelo et al. 2008; Farrar et al., Pain 2001).
"""

from __future__ import annotations

from ..errors import InputError

MIN_PAIN = 0
MAX_PAIN = 10
MEANINGFUL_CHANGE_POINTS = 2
MEANINGFUL_CHANGE_FRACTION = 0.30


def check_pain(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_PAIN <= value <= MAX_PAIN:
        raise InputError(field, f"must be a whole number from 0 to 10, got {value!r}")
    return value


def change(before: int, after: int) -> str:
    """'improved', 'worse' or 'no_meaningful_change' between two ratings."""
    check_pain(before, "before")
    check_pain(after, "after")
    diff = after - before
    if diff == 0:
        return "no_meaningful_change"
    big_enough = abs(diff) >= MEANINGFUL_CHANGE_POINTS or (
        before > 0 and abs(diff) >= MEANINGFUL_CHANGE_FRACTION * before and abs(diff) >= 1
    )
    if not big_enough:
        return "no_meaningful_change"
    return "improved" if diff < 0 else "worse"
