"""What a clinician can adjust: the runner's current slots, their exercises and dosage ladders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from backstride.core import labels
from backstride.core.library import Library, load_library
from backstride.core.library.dose_words import dose_words
from backstride.core.planner.selection import Rules, chains_for, rules_for
from backstride.core.tracking.ladder import main_session_exercises
from backstride.runners.models import Runner
from backstride.runners.program import state_for
from backstride.runners.services import active_plan


@dataclass(frozen=True)
class Slot:
    slot: str
    slug: str
    name: str
    step: int  # 0-based rung of the exercise's dosage ladder
    doses: tuple[str, ...]  # the ladder in words, easiest first
    choices: tuple[tuple[str, str], ...] = ()  # (slug, name): what may be swapped in here, easiest first

    @property
    def label(self) -> str:
        return _("%(slot)s: %(name)s, %(dose)s (step %(step)d of %(steps)d)") % {
            "slot": slot_label(self.slot),
            "name": self.name,
            "dose": self.doses[self.step],
            "step": self.step + 1,
            "steps": len(self.doses),
        }


@dataclass(frozen=True)
class Position:
    week: int  # the program week today stands for, after held or advanced weeks
    weeks: int
    phase: str  # the phase's title, e.g. "Stabilise"
    next_phase: str | None  # its title; None in the last phase or after the program


def slot_label(slot: str) -> str:
    """The slot in words, as core.labels names it everywhere."""
    return labels.label("slot", slot)


def doses(slug: str) -> tuple[str, ...]:
    dosage = load_library()[slug].dosage
    return tuple(dose_words(step, dosage.per_side) for step in dosage.steps)


def swap_choices(library: Library, slot: str, slug: str, preference: str, rules: Rules) -> tuple[tuple[str, str], ...]:
    """The exercises that may stand in a slot: on the slot's chains, as the planner fills it, and allowed by
    the runner's equipment and sensitive direction for the week (the planner's own rules)."""
    try:
        roots = chains_for(slot, preference)
    except KeyError:  # a slot the planner has no chains for: the exercise's own chain
        roots = (slug,)
    found: dict[str, str] = {}
    for root in roots:
        for member in library.chain(root) if root in library else ():
            exercise = library[member]
            if member not in found and rules.allows(exercise):
                found[member] = exercise.name
    return tuple(found.items())


def exercise_choices(slots: list[Slot]) -> list[tuple[str, list[tuple[str, str]]]]:
    """What may be swapped in, grouped by slot, for a <select> with <optgroup>s."""
    return [(_("For %(slot)s") % {"slot": slot_label(s.slot)}, list(s.choices)) for s in slots if s.choices]


def current(runner: Runner, day: dt.date) -> tuple[list[Slot], Position]:
    """The slots of the runner's current sessions, each with the exercise and dose it uses now."""
    plan = active_plan(runner)
    program, _history, state = state_for(runner, plan, day)
    weeks = plan.data["weeks"]
    week = program.week_of(day)
    if week > len(weeks):
        names = [e["slot"] for e in plan.data["maintenance"]["exercises"]]
    else:
        names = [e["slot"] for e in main_session_exercises(weeks[min(max(week, 1), len(weeks)) - 1])]
    library = load_library()
    profile = plan.assessment.result["profile"]
    preference = profile["directional_preference"]
    rules = rules_for(
        frozenset(profile["equipment"]), preference, max(week, 1), profile.get("rotation_sensitive", False)
    )
    slots = []
    for name in dict.fromkeys(names):
        if name not in program.ladders:
            continue
        rung = program.rung_for(name, day, state.positions)
        ex = library[rung.slug]
        step = min(rung.step, len(ex.dosage.steps) - 1)
        choices = swap_choices(library, name, ex.slug, preference, rules)
        slots.append(Slot(name, ex.slug, ex.name, step, doses(ex.slug), choices))
    if week > len(weeks):
        return slots, Position(week, len(weeks), _("Maintenance"), None)
    now = weeks[max(week, 1) - 1]
    later = [w["phase_title"] for w in weeks[max(week, 1) :] if w["phase"] != now["phase"]]
    return slots, Position(week, len(weeks), now["phase_title"], later[0] if later else None)
