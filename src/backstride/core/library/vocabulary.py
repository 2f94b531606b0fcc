"""The controlled vocabulary of the exercise library.

Every value an exercise file may use lives here, so the schema, the planner and
the documentation agree on one list.
"""

from enum import StrEnum


class Category(StrEnum):
    MOBILITY = "mobility"  # pain-relief movement of the spine and hips
    STRETCH = "stretch"  # static stretches held in one position
    ACTIVATION = "activation"  # waking up the deep trunk and hip muscles
    ANTI_EXTENSION = "anti_extension"  # resist the low back arching
    ANTI_ROTATION = "anti_rotation"  # resist the trunk twisting
    ANTI_LATERAL_FLEXION = "anti_lateral_flexion"  # resist side bending
    HIP_STRENGTH = "hip_strength"  # glute and hip strength
    SINGLE_LEG = "single_leg"  # strength and balance on one leg
    RUNNING_DRILLS = "running_drills"  # dynamic and plyometric running work
    WALK_RUN = "walk_run"  # walking and running itself


class Position(StrEnum):
    SUPINE = "supine"
    PRONE = "prone"
    SIDE_LYING = "side_lying"
    QUADRUPED = "quadruped"
    KNEELING = "kneeling"
    HALF_KNEELING = "half_kneeling"
    PLANK = "plank"
    SIDE_PLANK = "side_plank"
    SEATED = "seated"
    STANDING = "standing"


class Equipment(StrEnum):
    MAT = "mat"
    WALL = "wall"
    CHAIR = "chair"
    STEP = "step"
    BAND = "band"
    LOOP_BAND = "loop_band"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"
    STABILITY_BALL = "stability_ball"
    FOAM_ROLLER = "foam_roller"
    BENCH = "bench"


class SpineLoading(StrEnum):
    FLEXION = "flexion"
    EXTENSION = "extension"
    ROTATION = "rotation"
    LATERAL_FLEXION = "lateral_flexion"
    COMPRESSION = "compression"


class DosageType(StrEnum):
    REPS = "reps"
    HOLD = "hold"
    REPS_WITH_HOLD = "reps_with_hold"
    TIME = "time"
    DISTANCE = "distance"


# Which numbers a dosage step must give for each dosage type.
DOSAGE_FIELDS: dict[DosageType, tuple[str, ...]] = {
    DosageType.REPS: ("sets", "reps"),
    DosageType.HOLD: ("sets", "hold_seconds"),
    DosageType.REPS_WITH_HOLD: ("sets", "reps", "hold_seconds"),
    DosageType.TIME: ("sets", "minutes"),
    DosageType.DISTANCE: ("sets", "metres"),
}

# McGill keeps isometric holds for the trunk at about 10 s and grows volume by
# adding holds, not lengthening them (McGill, Low Back Disorders; CLINICAL.md s4).
SHORT_HOLD_MAX_SECONDS = 10
