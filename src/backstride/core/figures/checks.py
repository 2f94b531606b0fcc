"""Checks that a figure shows a body a person could hold: joint ranges, floor, props and contacts."""

from __future__ import annotations

import math

from .body import HEAD_RADIUS, RADII, SEGMENTS, Placed, kind
from .figure import Figure
from .props import BALL_RADIUS, ROLLER_RADIUS

# Normal adult active range of motion, degrees (AAOS, Greene & Heckman 1994; Norkin & White, Measurement of Joint
# Motion). Side view: flexion positive, extension negative. Front view: abduction or lateral bending positive; a
# bent knee seen from the front shows its shin to either side (hip rotation decides which), hence its signed range.
RANGE_OF_MOTION = {
    "side": {"spine": (-25, 80), "neck": (-45, 45), "hip": (-30, 120), "knee": (0, 135), "ankle": (-20, 50),
             "shoulder": (-60, 180), "elbow": (0, 150), "wrist": (-80, 70)},
    "front": {"spine": (-35, 35), "neck": (-45, 45), "hip": (-30, 45), "knee": (-135, 135), "ankle": (-15, 35),
              "shoulder": (-50, 180), "elbow": (0, 150), "wrist": (-30, 20)},
}  # fmt: skip
TOUCH = 2.0  # cm: a body part this close to a surface counts as resting on it
SINK = 2.0  # cm: how far the drawn (soft) body may press into the floor or a prop

# Which parts rest on a surface in each starting position: each group needs at least one part touching.
CONTACTS = {
    "supine": [("neck_base", "waist", "pelvis", "head")],
    "prone": [("pelvis", "waist")],
    "side_lying": [("pelvis", "waist", "neck_base", "hip", "shoulder")],
    "quadruped": [("knee", "toe"), ("hand", "wrist", "elbow")],
    "kneeling": [("knee", "toe")],
    "half_kneeling": [("knee",), ("heel", "toe")],
    "plank": [("elbow", "wrist", "hand"), ("toe", "knee")],
    "side_plank": [("elbow", "wrist", "hand", "forearm"), ("toe", "heel", "ankle", "knee")],
    "seated": [("pelvis",)],
    "standing": [("heel", "toe")],
}


def rom_problems(figure: Figure) -> list[str]:
    table = RANGE_OF_MOTION[figure.view]
    problems = []
    for k in figure.keyframes:
        for joint, value in k.placed.joints.items():
            if joint == "tilt":
                continue
            low, high = table[joint.split("_", 1)[1] if joint.startswith(("near", "far")) else joint]
            if not low <= value <= high:
                problems.append(f"{figure.slug} '{k.name}': {joint} {value:g} is outside {low}..{high}")
    return problems


def samples(placed: Placed) -> list[tuple[str, float, float, float]]:
    """Points along every segment with the body's thickness there: (segment, x, y, radius)."""
    out = []
    for name, _parent, start, end in SEGMENTS:
        (ax, ay), (bx, by) = placed.points[start], placed.points[end]
        r = RADII[placed.view][kind(name)]
        out += [(name, ax + (bx - ax) * t / 4, ay + (by - ay) * t / 4, r) for t in range(5)]
    hx, hy = placed.points["head"]
    return [*out, ("head", hx, hy, HEAD_RADIUS)]


def _circles(figure: Figure, placed: Placed) -> list[tuple[float, float, float]]:
    out = []
    for p in figure.props:
        if p.kind in ("ball", "foam_roller") and p.on:
            r = BALL_RADIUS if p.kind == "ball" else ROLLER_RADIUS
            out.append((placed.points[p.on][0] + p.x, r, r))
        elif p.circle():
            out.append(p.circle())
    return out


def depth(figure: Figure, placed: Placed, x: float, y: float, r: float, part: str = "") -> float:
    """How far a round body part at (x, y) presses into the floor or any solid prop (negative: a gap)."""
    deepest = r - y
    for p in figure.props:
        if p.side == "near" and part.startswith("far"):
            continue
        for left, bottom, right, top in p.boxes():
            inside_x = min(x - left, right - x) + r
            inside_y = min(y - bottom, top - y) + r
            deepest = max(deepest, min(inside_x, inside_y))
    for cx, cy, cr in _circles(figure, placed):
        deepest = max(deepest, cr + r - math.hypot(x - cx, y - cy))
    return deepest


def collision_problems(figure: Figure) -> list[str]:
    problems = []
    for k in figure.keyframes:
        for segment, x, y, r in samples(k.placed):
            if depth(figure, k.placed, x, y, r, segment) > SINK:
                problems.append(f"{figure.slug} '{k.name}': {segment} goes into the floor or a prop")
                break
    return problems


def contact_problems(figure: Figure, position: str) -> list[str]:
    problems = []
    for k in figure.keyframes:
        if k.airborne:
            continue
        for group in CONTACTS[position]:
            names = [p for p in k.placed.points if p in group or (p.split("_", 1)[-1] in group and "_" in p)]
            if not any(depth(figure, k.placed, *k.placed.points[p], k.placed.radius(p), p) > -TOUCH for p in names):
                problems.append(f"{figure.slug} '{k.name}': none of {', '.join(group)} rests on a surface")
    return problems
