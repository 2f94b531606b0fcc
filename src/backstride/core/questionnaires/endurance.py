"""Trunk endurance self-tests and their balance ratios.

McGill, Childs & Liebenson, Arch Phys Med Rehabil 1999. The balance targets are
McGill's guidance for training, not diagnostic cut-offs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

MAX_TEST_SECONDS = 600

FLEXION_EXTENSION_MAX = 1.0  # flexor hold / extensor hold below 1.0
SIDE_TO_SIDE_TOLERANCE = 0.05  # soft: right / left within 0.05 of 1.0
SIDE_EXTENSION_MAX = 0.75  # each side bridge / extensor hold below 0.75

# Reference means, young healthy adults, seconds (McGill 1999); shown for the
# standard test only, never for the home variant.
NORMS = {
    "male": {"extensor": 146, "flexor": 144, "side_right": 94, "side_left": 97},
    "female": {"extensor": 189, "flexor": 149, "side_right": 72, "side_left": 77},
}


@dataclass(frozen=True)
class EnduranceTimes:
    flexor: float
    extensor: float
    side_right: float
    side_left: float
    variant: str = "mcgill"  # "mcgill" or "home" (front plank and prone hold)

    def __post_init__(self) -> None:
        for name in ("flexor", "extensor", "side_right", "side_left"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InputError(f"endurance.{name}", "must be a number of seconds")
            if not 0 < value <= MAX_TEST_SECONDS:
                raise InputError(f"endurance.{name}", f"must be more than 0 and at most {MAX_TEST_SECONDS} seconds")
        if self.variant not in ("mcgill", "home"):
            raise InputError("endurance.variant", "must be one of: mcgill, home")


def ratios(t: EnduranceTimes) -> dict:
    """Each ratio with whether it meets McGill's balance target."""
    flex_ext = round(t.flexor / t.extensor, 2)
    right_left = round(t.side_right / t.side_left, 2)
    right_ext = round(t.side_right / t.extensor, 2)
    left_ext = round(t.side_left / t.extensor, 2)
    return {
        "flexion_extension": {"value": flex_ext, "on_target": flex_ext < FLEXION_EXTENSION_MAX},
        "right_left": {
            "value": right_left,
            "on_target": abs(right_left - 1.0) <= SIDE_TO_SIDE_TOLERANCE + 1e-9,
        },
        "right_extension": {"value": right_ext, "on_target": right_ext < SIDE_EXTENSION_MAX},
        "left_extension": {"value": left_ext, "on_target": left_ext < SIDE_EXTENSION_MAX},
        # The home variant uses other positions, so compare the runner with themselves only.
        "compare_with_norms": t.variant == "mcgill",
    }
