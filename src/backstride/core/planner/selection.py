"""Choosing an exercise for a slot: the runner's equipment, back and phase decide."""

from __future__ import annotations

from dataclasses import dataclass

from ..library import Exercise, Library
from ..profile import EXTENSION_SENSITIVE, FLEXION_SENSITIVE
from .templates import RELIEF_CHAINS, SLOT_CHAINS

# Weeks in which the sensitive direction is left out altogether, then brought back:
# first only through mobility and stretches, then fully (CLINICAL.md s4, project rule).
AVOID_SENSITIVE_UNTIL_WEEK = 4
GENTLE_RETURN_UNTIL_WEEK = 6
GENTLE_CATEGORIES = frozenset({"mobility", "stretch"})

SENSITIVE_LOADING = {FLEXION_SENSITIVE: "flexion", EXTENSION_SENSITIVE: "extension"}


@dataclass(frozen=True)
class Rules:
    """What the runner's situation allows, for one week."""

    equipment: frozenset[str]
    avoid_loading: str | None  # "flexion", "extension" or None
    week: int

    def allows(self, exercise: Exercise) -> bool:
        if not exercise.needs <= self.equipment:
            return False
        if self.avoid_loading and self.avoid_loading in exercise.loads:
            if self.week <= AVOID_SENSITIVE_UNTIL_WEEK:
                return False
            if self.week <= GENTLE_RETURN_UNTIL_WEEK:
                return exercise.category.value in GENTLE_CATEGORIES
        return True


def rules_for(equipment: frozenset[str], preference: str, week: int) -> Rules:
    return Rules(equipment, SENSITIVE_LOADING.get(preference), week)


def chains_for(slot: str, preference: str) -> tuple[str, ...]:
    if slot == "relief_mobility":
        return RELIEF_CHAINS[preference]
    return SLOT_CHAINS[slot]


def pick(library: Library, slot: str, level: int, preference: str, rules: Rules, taken: set[str]) -> Exercise | None:
    """The hardest allowed exercise at or below the target level, first chain that has one."""
    for root in chains_for(slot, preference):
        if root not in library:
            continue
        best = None
        for slug in library.chain(root):
            exercise = library[slug]
            if exercise.level > level:
                break
            if slug not in taken and rules.allows(exercise):
                best = exercise
        if best is not None:
            return best
    return None
