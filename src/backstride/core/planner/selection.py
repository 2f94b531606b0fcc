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
ROTATION_LOADING = "rotation"  # for a back that twisting aggravates (profile.rotation_sensitive)


def sensitive_loadings(preference: str, rotation_sensitive: bool = False) -> frozenset[str]:
    """The spine loadings a runner's back is sensitive to: one direction, rotation, both or none."""
    loadings = {SENSITIVE_LOADING[preference]} if preference in SENSITIVE_LOADING else set()
    if rotation_sensitive:
        loadings.add(ROTATION_LOADING)
    return frozenset(loadings)


@dataclass(frozen=True)
class Rules:
    """What the runner's situation allows, for one week."""

    equipment: frozenset[str]
    avoid_loadings: frozenset[str]  # of "flexion", "extension", "rotation"
    week: int

    def allows(self, exercise: Exercise) -> bool:
        if not exercise.needs <= self.equipment:
            return False
        if exercise.loads & self.avoid_loadings:
            if self.week <= AVOID_SENSITIVE_UNTIL_WEEK:
                return False
            if self.week <= GENTLE_RETURN_UNTIL_WEEK:
                return exercise.category.value in GENTLE_CATEGORIES
        return True


def rules_for(equipment: frozenset[str], preference: str, week: int, rotation_sensitive: bool = False) -> Rules:
    return Rules(equipment, sensitive_loadings(preference, rotation_sensitive), week)


def chains_for(slot: str, preference: str) -> tuple[str, ...]:
    if slot == "relief_mobility":
        return RELIEF_CHAINS[preference]
    return SLOT_CHAINS[slot]


def pick(library: Library, slot: str, level: int, preference: str, rules: Rules, taken: set[str]) -> Exercise | None:
    """The hardest exercise the runner can reach at or below the target level, first chain that has one.

    A chain is climbed link by link, so no level is skipped: a link the runner cannot do (equipment,
    sensitive direction) is stood in for by an equivalent exercise of the same level, or the climb
    stops at the last link reached.
    """
    for root in chains_for(slot, preference):
        if root not in library:
            continue
        best = None
        for slug in library.chain(root):
            link = library[slug]
            if link.level > level:
                break
            reached = link if rules.allows(link) else equivalent(library, slot, preference, link, rules, taken)
            if reached is None:
                break
            if reached.slug not in taken:
                best = reached
        if best is not None:
            return best
    return None


def equivalent(
    library: Library, slot: str, preference: str, link: Exercise, rules: Rules, taken: set[str]
) -> Exercise | None:
    """An allowed exercise that can stand in for a link: same level and category, on one of the slot's chains."""
    for root in chains_for(slot, preference):
        if root not in library:
            continue
        for slug in library.chain(root):
            other = library[slug]
            if (
                other.level == link.level
                and other.category == link.category
                and slug != link.slug
                and slug not in taken
                and rules.allows(other)
            ):
                return other
    return None
