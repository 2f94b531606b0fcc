"""Poses: named starting positions plus per-keyframe changes, settled onto the floor or a prop."""

from __future__ import annotations

import math

from .body import FOOT_TURN, HEEL, JOINTS, LENGTHS, Placed, forward, point_radius

# Starting positions a keyframe can build on; any joint not named is 0 (standing tall, arms by the sides).
BASES: dict[str, dict] = {
    "stand": {"near_elbow": 10, "far_elbow": 10, "rest": {"near_heel": 0, "near_toe": 0}},
    "quadruped": {"tilt": 80, "near_hip": 80, "far_hip": 80, "near_knee": 95, "far_knee": 95, "near_ankle": 50,
                  "far_ankle": 50, "near_shoulder": 95, "far_shoulder": 95, "near_wrist": 70, "far_wrist": 70,
                  "neck": -10, "rest": {"near_knee": 0, "near_hand": 0}},
    "hook_lying": {"tilt": -90, "near_hip": 50, "far_hip": 50, "near_knee": 108, "far_knee": 108, "near_ankle": 28,
                   "far_ankle": 28, "near_shoulder": 10, "far_shoulder": 10, "near_elbow": 5, "far_elbow": 5,
                   "rest": {"pelvis": 0, "neck_base": 0}, "plant": {"near": 0, "far": 0}},
    "supine": {"tilt": -90, "near_ankle": 20, "far_ankle": 20, "near_shoulder": 10, "far_shoulder": 10,
               "rest": {"pelvis": 0, "neck_base": 0}},
    "prone": {"tilt": 90, "near_ankle": 45, "far_ankle": 45, "near_shoulder": 170, "far_shoulder": 170,
              "near_elbow": 90, "far_elbow": 90, "neck": -5, "rest": {"pelvis": 0, "neck_base": 0}},
    "plank": {"tilt": 80, "near_shoulder": 90, "far_shoulder": 90, "near_elbow": 90, "far_elbow": 90,
              "near_ankle": -10, "far_ankle": -10, "neck": -5, "rest": {"near_toe": 0, "near_elbow": 0}},
    "kneel": {"near_knee": 90, "far_knee": 90, "near_ankle": 50, "far_ankle": 50, "near_elbow": 10,
              "far_elbow": 10, "rest": {"near_knee": 0, "near_toe": 0}},
    "side_lying": {"tilt": -90, "near_hip": 40, "far_hip": 40, "near_knee": 80, "far_knee": 80, "far_shoulder": 170,
                   "near_shoulder": 20, "near_elbow": 20, "neck": 0, "rest": {"pelvis": 0, "neck_base": 0}},
    "seated": {"near_hip": 90, "far_hip": 90, "near_knee": 90, "far_knee": 90, "near_ankle": 0, "far_ankle": 0,
               "near_elbow": 30, "far_elbow": 30, "rest": {"pelvis": 45}},
}  # fmt: skip

KEYS = set(JOINTS) | {"base", "rest", "x", "plant"}


def pose_angles(pose: dict) -> dict[str, float]:
    """The full set of joint angles a pose stands for: its base, then its own values."""
    base = BASES[pose.get("base", "stand")]
    return {j: float(pose.get(j, base.get(j, 0))) for j in JOINTS}


def pose_rest(pose: dict) -> dict[str, float]:
    return dict(pose.get("rest") or BASES[pose.get("base", "stand")]["rest"])


def settle(pose: dict, view: str) -> Placed:
    """Place a pose in the world: turn the whole body so its resting points sit on their surfaces.

    With two resting points the body is turned (its tilt changed) so both touch; with one it is only moved.
    The first resting point is put at `x` (default 0), so keyframes of one figure line up.
    """
    angles = pose_angles(pose)
    rest = list(pose_rest(pose).items())
    placed = forward(angles, view)
    if len(rest) == 2:
        (a, ha), (b, hb) = rest
        (ax, ay), (bx, by) = placed.points[a], placed.points[b]
        want = (hb + point_radius(b, view)) - (ha + point_radius(a, view))
        dist = math.hypot(bx - ax, by - ay)
        now = math.degrees(math.atan2(bx - ax, by - ay))
        turn = math.degrees(math.acos(max(-1.0, min(1.0, want / dist))))
        best = min((turn, -turn), key=lambda t: abs(_wrap(t - now)))
        angles["tilt"] += _wrap(best - now)
        placed = forward(angles, view)
    first, height = rest[0]
    fx, fy = placed.points[first]
    root = (float(pose.get("x", 0)) - fx, height + point_radius(first, view) - fy)
    placed = forward(angles, view, root)
    plant = pose.get("plant", BASES[pose.get("base", "stand")].get("plant")) or {}
    for side, surface in plant.items():
        angles.update(_planted(placed, side, float(surface)))
    return forward(angles, view, root) if plant else placed


def _flat_foot() -> tuple[float, float]:
    """The foot's axis angle when heel and toe rest level, and the ankle's height above the surface then."""
    best = min(range(900, 1400), key=lambda a: abs(_foot_drop(a / 10)))
    angle = best / 10
    return angle, point_radius("near_toe", "side") - LENGTHS["side"]["foot"] * math.cos(math.radians(angle))


def _foot_drop(angle: float) -> float:
    rad, heel = math.radians(angle), math.radians(angle + FOOT_TURN["side"])
    return LENGTHS["side"]["foot"] * math.cos(rad) - HEEL * math.cos(heel)


FLAT_FOOT, ANKLE_OVER_SOLE = _flat_foot()


def _planted(placed: Placed, side: str, surface: float) -> dict[str, float]:
    """Knee and ankle angles that put one foot flat on a surface, toes forwards, leaving the hip as it is."""
    _kx, ky = placed.points[f"{side}_knee"]
    thigh = placed.angles[f"{side}_thigh"]
    shin_length = LENGTHS[placed.view]["shin"]
    drop = max(-1.0, min(1.0, (surface + ANKLE_OVER_SOLE - ky) / shin_length))
    options = []
    for sign in (1, -1):
        shin = sign * math.degrees(math.acos(drop))
        knee = _wrap(shin - thigh)
        options.append((not 0 <= knee <= 135, abs(knee), knee, shin))
    _bad, _size, knee, shin = min(options)
    return {f"{side}_knee": round(knee, 1), f"{side}_ankle": round(_wrap(FLAT_FOOT - shin + FOOT_TURN["side"]), 1)}


def _wrap(angle: float) -> float:
    return (angle + 180) % 360 - 180
