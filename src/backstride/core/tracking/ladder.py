"""Each slot of the plan as a ladder of rungs (exercise, dosage step), easiest first.

Stepping back walks down the ladder: a lower dosage first, then the easier
variation through the library's links (CLINICAL.md section 4). The plan's own
rung for a week is the ceiling: adaptation never moves a runner past the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..library import Library
from ..planner.selection import sensitive_loadings


@dataclass(frozen=True)
class Rung:
    slug: str
    step: int


def main_session_exercises(week: dict) -> list[dict]:
    main = [s for s in week["sessions"] if s["kind"] == "trunk_strength"]
    return main[0]["exercises"] if main else []


def build_ladders(
    plan: dict, library: Library, equipment: frozenset[str], preference: str, rotation_sensitive: bool = False
) -> dict[str, list[Rung]]:
    avoid = sensitive_loadings(preference, rotation_sensitive)
    planned: dict[str, list[str]] = {}
    for week in plan["weeks"]:
        for e in main_session_exercises(week):
            slugs = planned.setdefault(e["slot"], [])
            if e["slug"] not in slugs:
                slugs.append(e["slug"])
    ladders: dict[str, list[Rung]] = {}
    for slot, slugs in planned.items():
        rungs: list[Rung] = []
        seen: set[str] = set()
        for slug in slugs:
            chain = library.chain(slug)
            for member in chain[: chain.index(slug) + 1]:
                exercise = library[member]
                if member in seen:
                    continue
                usable = exercise.needs <= equipment and not (exercise.loads & avoid)
                if member in slugs or usable:
                    seen.add(member)
                    rungs += [Rung(member, i) for i in range(len(exercise.dosage.steps))]
        ladders[slot] = rungs
    return ladders


def planned_rungs(plan: dict, week: int) -> dict[str, Rung]:
    if not 1 <= week <= len(plan["weeks"]):
        return {}
    return {e["slot"]: Rung(e["slug"], e["dosage_step"] - 1) for e in main_session_exercises(plan["weeks"][week - 1])}


def index_of(ladder: list[Rung], rung: Rung) -> int:
    try:
        return ladder.index(rung)
    except ValueError:
        return 0
