"""The one word for each identifier the runner may see: categories, equipment, phases and the like.

Identifiers ("anti_extension", "loop_band", "settle_down") stay in the data and the JSON; pages,
printouts and the command line show these labels instead, so every place spells a thing the same
way. A value without a label falls back to its words ("walk_run" -> "Walk run"), never to the
identifier itself.
"""

from __future__ import annotations

from .i18n import _, gettext_noop, ngettext
from .library.vocabulary import Category, DosageType, Equipment, Position, SpineLoading
from .planner.templates import PHASES as PLAN_PHASES

CATEGORIES = {
    Category.MOBILITY: gettext_noop("Mobility"),
    Category.STRETCH: gettext_noop("Stretch"),
    Category.ACTIVATION: gettext_noop("Activation"),
    Category.ANTI_EXTENSION: gettext_noop("Resisting arching"),
    Category.ANTI_ROTATION: gettext_noop("Resisting twisting"),
    Category.ANTI_LATERAL_FLEXION: gettext_noop("Resisting side bending"),
    Category.HIP_STRENGTH: gettext_noop("Hip strength"),
    Category.SINGLE_LEG: gettext_noop("Single-leg strength and balance"),
    Category.RUNNING_DRILLS: gettext_noop("Running drills"),
    Category.WALK_RUN: gettext_noop("Walking and running"),
}

EQUIPMENT = {
    Equipment.MAT: gettext_noop("exercise mat"),
    Equipment.WALL: gettext_noop("wall"),
    Equipment.CHAIR: gettext_noop("sturdy chair"),
    Equipment.STEP: gettext_noop("step or stair"),
    Equipment.BAND: gettext_noop("long resistance band"),
    Equipment.LOOP_BAND: gettext_noop("mini loop band"),
    Equipment.DUMBBELLS: gettext_noop("dumbbells"),
    Equipment.KETTLEBELL: gettext_noop("kettlebell"),
    Equipment.STABILITY_BALL: gettext_noop("stability ball"),
    Equipment.FOAM_ROLLER: gettext_noop("foam roller"),
    Equipment.BENCH: gettext_noop("bench"),
}

POSITIONS = {
    Position.SUPINE: gettext_noop("lying on your back"),
    Position.PRONE: gettext_noop("lying face down"),
    Position.SIDE_LYING: gettext_noop("lying on your side"),
    Position.QUADRUPED: gettext_noop("on hands and knees"),
    Position.KNEELING: gettext_noop("kneeling"),
    Position.HALF_KNEELING: gettext_noop("kneeling on one knee"),
    Position.PLANK: gettext_noop("plank"),
    Position.SIDE_PLANK: gettext_noop("side plank"),
    Position.SEATED: gettext_noop("sitting"),
    Position.STANDING: gettext_noop("standing"),
}

SPINE_LOADING = {
    SpineLoading.FLEXION: gettext_noop("bending forward"),
    SpineLoading.EXTENSION: gettext_noop("arching back"),
    SpineLoading.ROTATION: gettext_noop("twisting"),
    SpineLoading.LATERAL_FLEXION: gettext_noop("side bending"),
    SpineLoading.COMPRESSION: gettext_noop("compression"),
}

DOSAGE_TYPES = {
    DosageType.REPS: gettext_noop("repetitions"),
    DosageType.HOLD: gettext_noop("holds"),
    DosageType.REPS_WITH_HOLD: gettext_noop("repetitions with holds"),
    DosageType.TIME: gettext_noop("time"),
    DosageType.DISTANCE: gettext_noop("distance"),
}

# The plan's four phases by their titles, and what a day's phase is when the plan is not followed as written.
PHASES = {phase.name: phase.title for phase in PLAN_PHASES} | {
    "paused": gettext_noop("Paused: waiting for a clinician"),
    "settle_down": gettext_noop("Settle-down block (flare-up)"),
    "reentry": gettext_noop("Re-entry block"),
    "maintenance": gettext_noop("Maintenance"),
}

SESSION_KINDS = {
    "trunk_strength": gettext_noop("Core session"),
    "light": gettext_noop("Light session"),
    "settle_down": gettext_noop("Settle-down session"),
    "maintenance": gettext_noop("Weekly core session"),
    "reentry": gettext_noop("Re-entry session"),
}

DIRECTIONS = {
    "flexion_sensitive": gettext_noop("bending forward"),
    "extension_sensitive": gettext_noop("arching back"),
    "none": gettext_noop("no one direction"),
}

RUNNING_STATUSES = {
    "running_pain_free": gettext_noop("running without pain"),
    "running_with_pain": gettext_noop("running with pain"),
    "stopped_due_to_pain": gettext_noop("stopped because of pain"),
}

RISKS = {"low": gettext_noop("low"), "medium": gettext_noop("medium"), "high": gettext_noop("high")}

# The Oswestry bands (Fairbank 2000), short: they follow the percentage, as in "22 % (moderate)".
ODI_BANDS = {
    "minimal": gettext_noop("minimal"),
    "moderate": gettext_noop("moderate"),
    "severe": gettext_noop("severe"),
    "crippling": gettext_noop("crippling"),
    "bed_bound": gettext_noop("bed-bound"),
}

SCREENING = {
    "clear": gettext_noop("clear"),
    "refer_urgent": gettext_noop("urgent referral"),
    "refer_emergency": gettext_noop("emergency referral"),
}

OUTCOMES = {
    "odi": gettext_noop("Oswestry questionnaire"),
    "psfs": gettext_noop("Activities you find hard (PSFS)"),
    "endurance": gettext_noop("Trunk endurance tests"),
}

VERDICTS = {
    "improved": gettext_noop("meaningfully better"),
    "worse": gettext_noop("meaningfully worse"),
    "no_meaningful_change": gettext_noop("no meaningful change"),
}

RUN_KINDS = {
    "walk_run": gettext_noop("Walk-run"),
    "easy_run": gettext_noop("Easy run"),
    "race": gettext_noop("Race"),
}

# The places in a session an exercise stands in (the planner's slots), as the clinician's pages name them;
# a slot named after a category reads as that category does.
SLOTS = {
    "anti_extension": CATEGORIES[Category.ANTI_EXTENSION],
    "anti_rotation": CATEGORIES[Category.ANTI_ROTATION],
    "single_leg": CATEGORIES[Category.SINGLE_LEG],
    "drills": CATEGORIES[Category.RUNNING_DRILLS],
    "brace": gettext_noop("Brace"),
    "calf": gettext_noop("Calf"),
    "carry": gettext_noop("Carry"),
    "glute": gettext_noop("Glute"),
    "glute_stretch": gettext_noop("Glute stretch"),
    "hinge": gettext_noop("Hip hinge"),
    "hip_side": gettext_noop("Side of the hip"),
    "hip_stretch": gettext_noop("Hip stretch"),
    "plank": gettext_noop("Plank"),
    "plyometrics": gettext_noop("Hops and bounds"),
    "reintroduce": gettext_noop("Reintroduced movement"),
    "relief_mobility": gettext_noop("Relief mobility"),
    "rotation_control": gettext_noop("Rotation control"),
    "rotation_mobility": gettext_noop("Rotation mobility"),
    "side_plank": gettext_noop("Side plank"),
    "walk": gettext_noop("Walk"),
}

TABLES = {
    "category": CATEGORIES,
    "slot": SLOTS,
    "equipment": EQUIPMENT,
    "position": POSITIONS,
    "spine_loading": SPINE_LOADING,
    "dosage_type": DOSAGE_TYPES,
    "phase": PHASES,
    "session_kind": SESSION_KINDS,
    "direction": DIRECTIONS,
    "running_status": RUNNING_STATUSES,
    "risk": RISKS,
    "screening": SCREENING,
    "odi_band": ODI_BANDS,
    "outcome": OUTCOMES,
    "verdict": VERDICTS,
    "run_kind": RUN_KINDS,
}


def words(identifier: str) -> str:
    """An identifier without a label, as words: better than showing the runner "loop_band"."""
    return identifier.replace("_", " ").capitalize()


def label(table: str, value: object) -> str:
    """The translated label of `value` in one of TABLES; an empty value stays empty."""
    if value is None or value == "":
        return ""
    key = getattr(value, "value", value)
    found = TABLES[table].get(key)
    return _(found) if found else words(str(key))


def labels(table: str, values, empty: str = "") -> str:
    """Several values of one table as a list in words ("mat, resistance band")."""
    return ", ".join(label(table, v) for v in values) or empty


def no_equipment() -> str:
    return _("no equipment")


def sets(n: int) -> str:
    """ "1 set", "2 sets" (the plural rule is the language's, through ngettext)."""
    return ngettext("{n} set", "{n} sets", n).format(n=n)


def reps(n: int) -> str:
    return ngettext("{n} rep", "{n} reps", n).format(n=n)


def percent(value: float | None, empty: str = "–") -> str:
    """Every percentage rounded the same way: a whole number, then " %" (half rounds to even, as round() does)."""
    if value is None:
        return empty
    return _("{n} %").format(n=round(value))


def dose(e: dict) -> str:
    """A dose in words, the same on every page and in the terminal: one wording, core.library.dose_words."""
    from .library.dose_words import dose_words

    return dose_words(e)
