"""STarT Back Screening Tool: nine items about the last two weeks.

Scoring and cut-offs from Hill et al., Arthritis Care Res 2008 (Keele University).
Items are kept by content, not by number, because published orders differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..i18n import gettext_noop

PHYSICAL_ITEMS = (
    "leg_pain",
    "neck_or_shoulder_pain",
    "walked_short_distances_only",
    "dressed_more_slowly",
)
PSYCHOSOCIAL_ITEMS = ("unsafe_to_be_active", "worrying_thoughts", "never_get_better", "not_enjoyed_things")
BOTHERSOMENESS = ("not_at_all", "slightly", "moderately", "very_much", "extremely")
BOTHERSOME_SCORES_1 = ("very_much", "extremely")

LOW_MAX_TOTAL = 3  # total 0-3: low risk
HIGH_MIN_PSYCHOSOCIAL = 4  # psychosocial subscale 4-5: high risk

HIGH_RISK_ADVICE = gettext_noop(
    "Your answers suggest your back pain is weighing on you more than most. People in this group "
    "do best with a physiotherapist's support alongside the exercises: please book one."
)


@dataclass(frozen=True)
class StartBackScore:
    total: int
    psychosocial: int
    risk: str

    def as_dict(self) -> dict:
        return {"total": self.total, "psychosocial": self.psychosocial, "risk": self.risk}


def score(answers: dict) -> StartBackScore:
    """Score a complete set of answers; every item is required."""
    points = {}
    for item in PHYSICAL_ITEMS + PSYCHOSOCIAL_ITEMS:
        value = answers.get(item)
        if not isinstance(value, bool):
            raise InputError(f"startback.{item}", "must be true or false")
        points[item] = int(value)
    bother = answers.get("bothersomeness")
    if bother not in BOTHERSOMENESS:
        raise InputError("startback.bothersomeness", f"must be one of: {', '.join(BOTHERSOMENESS)}")
    bother_point = int(bother in BOTHERSOME_SCORES_1)

    total = sum(points.values()) + bother_point
    psychosocial = sum(points[i] for i in PSYCHOSOCIAL_ITEMS) + bother_point
    if total <= LOW_MAX_TOTAL:
        risk = "low"
    elif psychosocial >= HIGH_MIN_PSYCHOSOCIAL:
        risk = "high"
    else:
        risk = "medium"
    return StartBackScore(total, psychosocial, risk)
