"""Patient-Specific Functional Scale: up to five activities, each 0 (unable) to 10 (as before).

Score = mean of the activities. Detectable change: 2 points for the mean, 3 for a
single activity (Stratford et al., Physiotherapy Canada 1995).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..inputs import check_text

MAX_ACTIVITIES = 5
MIN_RATING, MAX_RATING = 0, 10
MEAN_CHANGE = 2
SINGLE_ACTIVITY_CHANGE = 3


@dataclass(frozen=True)
class PsfsScore:
    mean: float
    ratings: dict[str, int]

    def as_dict(self) -> dict:
        return {"mean": self.mean, "ratings": dict(self.ratings)}


def score(ratings: dict[str, int]) -> PsfsScore:
    if not 1 <= len(ratings) <= MAX_ACTIVITIES:
        raise InputError("psfs", f"rate between 1 and {MAX_ACTIVITIES} activities, got {len(ratings)}")
    for activity, value in ratings.items():
        if not activity.strip():
            raise InputError("psfs.activity", "must name the activity")
        check_text("psfs.activity", activity)
        if isinstance(value, bool) or not isinstance(value, int) or not MIN_RATING <= value <= MAX_RATING:
            raise InputError(f"psfs.{activity}", f"must be a whole number from 0 to 10, got {value!r}")
    mean = round(sum(ratings.values()) / len(ratings), 1)
    return PsfsScore(mean, dict(ratings))


def meaningful_change(before: PsfsScore, after: PsfsScore) -> dict:
    """Which changes reach the detectable thresholds (positive = better)."""
    activities = {
        name: after.ratings[name] - before.ratings[name]
        for name in before.ratings
        if name in after.ratings and abs(after.ratings[name] - before.ratings[name]) >= SINGLE_ACTIVITY_CHANGE
    }
    mean_diff = round(after.mean - before.mean, 1)
    return {"mean": mean_diff if abs(mean_diff) >= MEAN_CHANGE else None, "activities": activities}
