"""The program's shape as data: phases, and the slots each session fills.

A slot is one job in a session (say, "resist arching") served by one or more
progression chains of the library, named by their easiest exercise. Each phase
asks for a target level per slot; the planner walks the chain to the hardest
exercise at or below that level that the runner's equipment and back allow.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import gettext_noop

PROGRAM_WEEKS = 8


@dataclass(frozen=True)
class Phase:
    number: int
    name: str
    title: str
    weeks: tuple[int, ...]
    # (slot, target level), in the order they are dropped last to first when time is short
    slots: tuple[tuple[str, int], ...]


# Chain roots per slot, first choice first. "relief_mobility" depends on the
# runner's directional preference and is resolved in selection.py.
SLOT_CHAINS: dict[str, tuple[str, ...]] = {
    "brace": ("abdominal-brace",),
    "anti_extension": ("dead-bug-heel-taps",),
    "plank": ("kneeling-plank",),
    "anti_rotation": ("four-point-leg-slide",),
    "rotation_control": ("wall-press-rotations", "half-kneeling-pallof-press"),
    "side_plank": ("kneeling-side-plank",),
    "carry": ("suitcase-carry",),
    "glute": ("glute-bridge",),
    "hip_side": ("clamshell", "side-lying-leg-raise"),
    "hinge": ("hip-hinge-drill",),
    "single_leg": ("single-leg-balance", "split-squat", "step-up"),
    "calf": ("calf-raise",),
    "drills": ("a-march",),
    "plyometrics": ("pogo-hops",),
    "rotation_mobility": ("knee-rocks", "open-book"),
    "hip_stretch": ("kneeling-hip-flexor-stretch",),
    "glute_stretch": ("figure-four-stretch",),
    # Movement in the sensitive direction, brought back gently in weeks 5-8.
    "reintroduce": ("cat-camel", "pelvic-tilt"),
}

RELIEF_CHAINS = {
    # A back that dislikes bending forward is usually eased by gentle arching, and
    # the other way round (directional preference; CLINICAL.md s1-2 and PRODUCT.md).
    "flexion_sensitive": ("prone-lying", "standing-back-extension"),
    "extension_sensitive": ("single-knee-to-chest", "childs-pose", "standing-side-reach"),
    "none": ("cat-camel", "pelvic-tilt", "standing-side-reach"),
}

PHASES: tuple[Phase, ...] = (
    Phase(
        1,
        "settle",
        gettext_noop("Settle and activate"),
        (1, 2),
        (
            ("relief_mobility", 1),
            ("brace", 1),
            ("anti_rotation", 1),
            ("anti_extension", 1),
            ("side_plank", 1),
            ("glute", 1),
            ("rotation_control", 1),
            ("plank", 1),
            ("hip_side", 1),
            ("single_leg", 1),
            ("rotation_mobility", 1),
            ("hip_stretch", 1),
            ("glute_stretch", 1),
        ),
    ),
    Phase(
        2,
        "stabilise",
        gettext_noop("Stabilise"),
        (3, 4),
        (
            ("relief_mobility", 2),
            ("anti_rotation", 2),
            ("plank", 2),
            ("side_plank", 2),
            ("anti_extension", 2),
            ("glute", 2),
            ("rotation_control", 1),
            ("single_leg", 2),
            ("hip_side", 2),
            ("hinge", 1),
            ("rotation_mobility", 2),
            ("hip_stretch", 2),
            ("glute_stretch", 1),
        ),
    ),
    Phase(
        3,
        "strengthen",
        gettext_noop("Strengthen"),
        (5, 6),
        (
            ("relief_mobility", 2),
            ("plank", 3),
            ("anti_rotation", 3),
            ("side_plank", 3),
            ("glute", 3),
            ("single_leg", 3),
            ("rotation_control", 3),
            ("anti_extension", 3),
            ("hinge", 3),
            ("reintroduce", 1),
            ("carry", 3),
            ("calf", 1),
            ("hip_side", 3),
            ("rotation_mobility", 2),
            ("hip_stretch", 2),
        ),
    ),
    Phase(
        4,
        "run_specific",
        gettext_noop("Run-specific"),
        (7, 8),
        (
            ("relief_mobility", 2),
            ("drills", 2),
            ("rotation_control", 4),
            ("plank", 4),
            ("side_plank", 4),
            ("anti_rotation", 4),
            ("single_leg", 4),
            ("glute", 4),
            ("plyometrics", 3),
            ("reintroduce", 1),
            ("hinge", 4),
            ("calf", 2),
            ("anti_extension", 3),
            ("hip_stretch", 2),
            ("rotation_mobility", 2),
        ),
    ),
)

PHASE_OF_WEEK = {week: phase for phase in PHASES for week in phase.weeks}

# Slots of the short daily mobility routine in weeks 1-2.
DAILY_MOBILITY_SLOTS: tuple[tuple[str, int], ...] = (
    ("relief_mobility", 1),
    ("rotation_mobility", 1),
    ("brace", 1),
)
DAILY_MOBILITY_WEEKS = (1, 2)
DAILY_MOBILITY_MAX_MINUTES = 10

# A light session (used when a session must fall the day before a long run).
LIGHT_SLOTS: tuple[tuple[str, int], ...] = (
    ("relief_mobility", 2),
    ("rotation_mobility", 2),
    ("hip_stretch", 2),
    ("glute_stretch", 1),
)

# Trunk slots carried into weekly maintenance from week 9.
MAINTENANCE_SLOTS = (
    "plank",
    "anti_rotation",
    "side_plank",
    "rotation_control",
    "glute",
    "anti_extension",
    "single_leg",
    "hip_stretch",
)

# Shown in a session in this order, whatever order they were picked in.
DISPLAY_ORDER = (
    "mobility",
    "activation",
    "anti_extension",
    "anti_rotation",
    "anti_lateral_flexion",
    "hip_strength",
    "single_leg",
    "running_drills",
    "walk_run",
    "stretch",
)

# Plyometric and fast drills only for a runner who is already running (not on the walk-run return).
RUNNING_ONLY_SLOTS = frozenset({"plyometrics"})

DEFAULT_SESSIONS_PER_WEEK = 3

# A highly irritable back (profile.irritability) starts gentler: in these weeks the sessions are
# shorter, hold fewer exercises, and stay on the first dosage step (project rule, soft).
IRRITABLE_START_WEEKS = (1, 2)
IRRITABLE_MAX_EXERCISES = 5
IRRITABLE_MAX_MINUTES = 20

# When every free day is the day before a long run or a workout, the trunk sessions go on those
# days at a lower intensity rather than not at all: the first dosage step and fewer exercises
# (project rule, soft).
LOWER_INTENSITY_MAX_EXERCISES = 4
