"""A figure: an exercise's keyframes, settled into the world, and the props around it."""

from __future__ import annotations

from dataclasses import dataclass

from .body import POINTS, SIDES, Placed
from .poses import BASES, KEYS, settle
from .props import Prop

VIEWS = ("side", "front")
MOVE_SECONDS = 1.2  # default time to move into a keyframe


@dataclass(frozen=True)
class Keyframe:
    name: str
    hold: float  # seconds the exercise holds this position
    move: float  # seconds the animation takes to arrive here
    pose: dict
    placed: Placed
    airborne: bool = False  # a moment in the air (a hop or bound), so nothing need touch the floor


@dataclass(frozen=True)
class Figure:
    slug: str
    view: str
    keyframes: tuple[Keyframe, ...]
    props: tuple[Prop, ...]
    trail: str | None  # the body point whose path is drawn as a faint arrow

    def keyframe(self, name: str) -> Keyframe:
        for k in self.keyframes:
            if k.name == name:
                return k
        raise KeyError(f"{self.slug} has no keyframe '{name}'")


def figure_from_data(slug: str, data: dict) -> Figure:
    """Build a figure from its file's data; a problem raises ValueError naming the slug."""
    unknown = set(data) - {"view", "keyframes", "props", "trail"}
    if unknown:
        raise ValueError(f"{slug}: unknown figure keys {sorted(unknown)}")
    view = data.get("view", "side")
    if view not in VIEWS:
        raise ValueError(f"{slug}: view must be one of {VIEWS}")
    frames = data.get("keyframes") or []
    if len(frames) < 1:
        raise ValueError(f"{slug}: a figure needs at least one keyframe")
    keyframes = []
    for n, frame in enumerate(frames, start=1):
        pose = frame.get("pose") or {}
        bad = set(pose) - KEYS
        if bad or not frame.get("name"):
            raise ValueError(f"{slug}: keyframe {n} has no name or unknown joints {sorted(bad)}")
        problem = _pose_problem(frame, pose)
        if problem:
            raise ValueError(f"{slug}: keyframe {n} {problem}")
        placed = settle(pose, view)
        move = float(frame.get("move", MOVE_SECONDS))
        hold = float(frame.get("hold", 0))
        keyframes.append(Keyframe(frame["name"], hold, move, pose, placed, bool(frame.get("airborne", False))))
    names = [k.name for k in keyframes]
    if len(set(names)) != len(names):
        raise ValueError(f"{slug}: keyframe names must differ")
    props = tuple(Prop.from_data(p) for p in data.get("props") or [])
    followed = [p.on for p in props if p.on] + ([data["trail"]] if "trail" in data else [])
    if any(point not in POINTS for point in followed):
        raise ValueError(f"{slug}: a prop or the trail follows a body point that does not exist")
    return Figure(slug, view, tuple(keyframes), props, data.get("trail"))


def _pose_problem(frame: dict, pose: dict) -> str | None:
    """What is wrong with a keyframe's own keys, its base or the points it rests on, if anything."""
    extra = set(frame) - {"name", "hold", "move", "pose", "airborne"}
    if extra:
        return f"has unknown keys {sorted(extra)}"
    if pose.get("base", "stand") not in BASES:
        return f"builds on an unknown base '{pose['base']}'"
    rest = pose.get("rest") or {}
    if ("rest" in pose and not 1 <= len(rest) <= 2) or any(point not in POINTS for point in rest):
        return "must rest on one or two named body points"
    if any(side not in SIDES for side in pose.get("plant") or {}):
        return "can only plant the near or far foot"
    return None
