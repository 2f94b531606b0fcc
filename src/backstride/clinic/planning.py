"""What a clinician can adjust: the runner's current slots, their exercises and dosage ladders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backstride.core.library import load_library
from backstride.core.tracking.decisions import dose_words
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


SLOTS = {
    "anti_extension": gettext_lazy("Anti-extension"),
    "anti_rotation": gettext_lazy("Anti-rotation"),
    "brace": gettext_lazy("Brace"),
    "calf": gettext_lazy("Calf"),
    "carry": gettext_lazy("Carry"),
    "drills": gettext_lazy("Running drills"),
    "glute": gettext_lazy("Glute"),
    "glute_stretch": gettext_lazy("Glute stretch"),
    "hinge": gettext_lazy("Hip hinge"),
    "hip_side": gettext_lazy("Side of the hip"),
    "hip_stretch": gettext_lazy("Hip stretch"),
    "plank": gettext_lazy("Plank"),
    "plyometrics": gettext_lazy("Hops and bounds"),
    "reintroduce": gettext_lazy("Reintroduced movement"),
    "relief_mobility": gettext_lazy("Relief mobility"),
    "rotation_control": gettext_lazy("Rotation control"),
    "rotation_mobility": gettext_lazy("Rotation mobility"),
    "side_plank": gettext_lazy("Side plank"),
    "single_leg": gettext_lazy("Single leg"),
    "walk": gettext_lazy("Walk"),
}
CATEGORIES = {
    "mobility": gettext_lazy("Mobility"),
    "stretch": gettext_lazy("Stretch"),
    "activation": gettext_lazy("Activation"),
    "anti_extension": gettext_lazy("Anti-extension"),
    "anti_rotation": gettext_lazy("Anti-rotation"),
    "anti_lateral_flexion": gettext_lazy("Anti-lateral flexion"),
    "hip_strength": gettext_lazy("Hip strength"),
    "single_leg": gettext_lazy("Single leg"),
    "running_drills": gettext_lazy("Running drills"),
    "walk_run": gettext_lazy("Walking and running"),
}


def _words(name: str) -> str:
    return name.replace("_", " ").capitalize()


def slot_label(slot: str) -> str:
    return str(SLOTS.get(slot) or _words(slot))


def doses(slug: str) -> tuple[str, ...]:
    return tuple(dose_words(step.values()) for step in load_library()[slug].dosage.steps)


def exercise_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The library grouped by category, for a <select> with <optgroup>s."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for ex in load_library():
        category = ex.category.value
        groups.setdefault(str(CATEGORIES.get(category) or _words(category)), []).append((ex.slug, ex.name))
    return list(groups.items())


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
    slots = []
    for name in dict.fromkeys(names):
        if name not in program.ladders:
            continue
        rung = program.rung_for(name, day, state.positions)
        ex = library[rung.slug]
        step = min(rung.step, len(ex.dosage.steps) - 1)
        slots.append(Slot(name, ex.slug, ex.name, step, doses(ex.slug)))
    if week > len(weeks):
        return slots, Position(week, len(weeks), _("Maintenance"), None)
    now = weeks[max(week, 1) - 1]
    later = [w["phase_title"] for w in weeks[max(week, 1) :] if w["phase"] != now["phase"]]
    return slots, Position(week, len(weeks), now["phase_title"], later[0] if later else None)
