"""A 2-D human body drawn from joint angles: segment sizes and forward kinematics.

World coordinates are centimetres, x forwards (the way the figure faces), y up, the floor at y = 0.
Angles are degrees, measured clockwise from straight up, so a positive turn leans the figure forwards.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SIDES = ("far", "near")  # drawing order: the far limbs first, so the near ones cover them

# Segment lengths (cm) for a 175 cm adult, from Drillis & Contini's proportions of body height.
LENGTHS = {
    "side": {"pelvis": 20, "chest": 30, "neck": 9, "thigh": 43, "shin": 42, "foot": 17,
             "upper_arm": 31, "forearm": 26, "hand": 12},
    "front": {"pelvis": 20, "chest": 30, "neck": 9, "thigh": 43, "shin": 42, "foot": 8,
              "upper_arm": 31, "forearm": 26, "hand": 12},
}  # fmt: skip
HEAD_RADIUS = 11
HEEL = 6  # from the ankle to the back of the heel
# Half the drawn thickness of each segment: the limbs are capsules this wide.
RADII = {
    "side": {"pelvis": 11, "chest": 12, "neck": 5, "thigh": 7.5, "shin": 5.5, "foot": 3.5,
             "upper_arm": 5, "forearm": 4, "hand": 3.5},
    "front": {"pelvis": 14, "chest": 15, "neck": 5, "thigh": 7.5, "shin": 5.5, "foot": 3.5,
              "upper_arm": 5, "forearm": 4, "hand": 3.5},
}  # fmt: skip
# Where the hips and shoulders sit beside the spine (front view only) and how far the shoulders hang below the neck.
HIP_WIDTH = {"side": 0, "front": 9}
SHOULDER_WIDTH = {"side": 0, "front": 17}
SHOULDER_DROP = {"side": 3, "front": 4}
FOOT_TURN = {"side": 70, "front": 20}  # a neutral foot points this many degrees off the shin (less when seen end on)

LIMB_JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow", "wrist")
JOINTS = ("tilt", "spine", "neck", *(f"{s}_{j}" for s in SIDES for j in LIMB_JOINTS))

# Each segment: its parent, where it attaches on the parent, and how its turn is read from the pose.
# A segment's own axis runs from its joint to its end point; `point` names that end point.
SEGMENTS = [("pelvis", None, "pelvis", "waist"), ("chest", "pelvis", "waist", "neck_base"),
            ("neck", "chest", "neck_base", "neck_top")] + [
    seg for s in SIDES for seg in (
        (f"{s}_thigh", "pelvis", f"{s}_hip", f"{s}_knee"), (f"{s}_shin", f"{s}_thigh", f"{s}_knee", f"{s}_ankle"),
        (f"{s}_foot", f"{s}_shin", f"{s}_ankle", f"{s}_toe"),
        (f"{s}_upper_arm", "chest", f"{s}_shoulder", f"{s}_elbow"),
        (f"{s}_forearm", f"{s}_upper_arm", f"{s}_elbow", f"{s}_wrist"),
        (f"{s}_hand", f"{s}_forearm", f"{s}_wrist", f"{s}_hand"))
]  # fmt: skip
PARENT = {name: parent for name, parent, _start, _end in SEGMENTS}


def kind(segment: str) -> str:
    """The segment without its side: 'near_thigh' -> 'thigh'."""
    return segment.split("_", 1)[1] if segment.startswith(SIDES) else segment


def side_sign(segment: str, view: str) -> int:
    """In the front view the near limbs turn one way and the far ones the mirror way."""
    return -1 if view == "front" and segment.startswith("far") else 1


def relative_turns(angles: dict[str, float], view: str) -> dict[str, float]:
    """Each segment's turn relative to its parent, from the joint angles (flexion positive)."""
    turns = {"pelvis": angles["tilt"], "chest": angles["spine"], "neck": angles["neck"]}
    for s in SIDES:
        k = side_sign(s, view)
        turns[f"{s}_thigh"] = 180 - k * angles[f"{s}_hip"]
        turns[f"{s}_shin"] = k * angles[f"{s}_knee"]
        turns[f"{s}_foot"] = k * (angles[f"{s}_ankle"] - FOOT_TURN[view])
        turns[f"{s}_upper_arm"] = 180 - k * angles[f"{s}_shoulder"]
        turns[f"{s}_forearm"] = (k if view == "front" else -1) * angles[f"{s}_elbow"]
        turns[f"{s}_hand"] = -k * angles[f"{s}_wrist"]
    return turns


def attachment(segment: str, view: str) -> tuple[float, float]:
    """Where a segment's joint sits in its parent's frame: (sideways, along the parent's axis)."""
    lengths = LENGTHS[view]
    parent = PARENT[segment]
    if parent is None:
        return (0.0, 0.0)
    k = side_sign(segment, view)
    if kind(segment) == "thigh":
        return (k * HIP_WIDTH[view], 0.0)
    if kind(segment) == "upper_arm":
        return (k * SHOULDER_WIDTH[view], lengths["chest"] - SHOULDER_DROP[view])
    return (0.0, float(lengths[kind(parent)]))


def direction(angle: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return (math.sin(rad), math.cos(rad))


@dataclass(frozen=True)
class Placed:
    """One keyframe's body in the world: every named point and every segment's absolute angle."""

    view: str
    points: dict[str, tuple[float, float]]
    angles: dict[str, float]  # absolute, per segment
    turns: dict[str, float]  # relative, per segment (what the animation rotates)
    joints: dict[str, float]  # the joint angles it was built from, after any settling

    def radius(self, point: str) -> float:
        return point_radius(point, self.view)


def point_radius(point: str, view: str) -> float:
    """How far the drawn body reaches beyond a named point (the half-thickness there)."""
    r = RADII[view]
    name = kind(point)
    table = {"pelvis": r["pelvis"], "waist": r["pelvis"], "neck_base": r["chest"], "neck_top": r["neck"],
             "head": HEAD_RADIUS, "hip": r["thigh"], "knee": r["thigh"], "ankle": r["shin"], "toe": r["foot"],
             "heel": r["foot"], "shoulder": r["upper_arm"], "elbow": r["upper_arm"], "wrist": r["forearm"],
             "hand": r["hand"]}  # fmt: skip
    return table[name]


def forward(angles: dict[str, float], view: str, root: tuple[float, float] = (0.0, 0.0)) -> Placed:
    """Forward kinematics: every joint's position from the pelvis position and the joint angles."""
    lengths = LENGTHS[view]
    turns = relative_turns(angles, view)
    absolute: dict[str, float] = {}
    points: dict[str, tuple[float, float]] = {"pelvis": root}
    for name, parent, start, end in SEGMENTS:
        if parent is None:
            absolute[name] = turns[name]
        else:
            absolute[name] = absolute[parent] + turns[name]
            side, along = attachment(name, view)
            px, py = points[_start_of(parent)]
            ux, uy = direction(absolute[parent])
            # sideways is a quarter turn clockwise from the parent's axis
            points[start] = (px + ux * along + uy * side, py + uy * along - ux * side)
        dx, dy = direction(absolute[name])
        sx, sy = points[start]
        points[end] = (sx + dx * lengths[kind(name)], sy + dy * lengths[kind(name)])
        if kind(name) == "foot":
            hx, hy = direction(absolute[name] + side_sign(name, view) * FOOT_TURN[view])
            points[f"{name[:-5]}_heel"] = (sx + hx * HEEL, sy + hy * HEEL)
    nx, ny = points["neck_top"]
    hx, hy = direction(absolute["neck"])
    points["head"] = (nx + hx * HEAD_RADIUS, ny + hy * HEAD_RADIUS)
    return Placed(view, points, absolute, turns, dict(angles))


def _start_of(segment: str) -> str:
    return next(start for name, _parent, start, _end in SEGMENTS if name == segment)


def segment_length(placed: Placed, segment: str) -> float:
    start = _start_of(segment)
    end = next(e for name, _p, _s, e in SEGMENTS if name == segment)
    (ax, ay), (bx, by) = placed.points[start], placed.points[end]
    return math.hypot(bx - ax, by - ay)


POINTS = frozenset(forward({j: 0.0 for j in JOINTS}, "side").points)  # every body point a pose can name
