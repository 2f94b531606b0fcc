"""Figures to SVG: one animated loop (SMIL, no script, no style attributes) or one still keyframe.

The body is a tree of nested groups, one per segment, each turned about its joint. The animation turns
those groups between the keyframes' angles, so segments keep their length at every moment.
"""

from __future__ import annotations

import math

from .body import FOOT_TURN, HEAD_RADIUS, HEEL, LENGTHS, RADII, SEGMENTS, Placed, attachment, kind, side_sign
from .figure import Figure, Keyframe
from .props import BALL_RADIUS, HELD, ROLLER_RADIUS, fixed_shapes, held_shape
from .props import COLOURS as PROP_COLOURS

COLOURS = {"near": "#2b3d4f", "torso": "#46627a", "far": "#a7b6c4"}
FLOOR = "#8a8a8a"
EASE = "0.45 0 0.55 1"
NOSE = (10, 9)  # forwards and up from the top of the neck
CHILDREN = {name: [s for s, parent, _a, _b in SEGMENTS if parent == name] for name, *_ in SEGMENTS}


def n(value: float) -> str:
    """A number written short and always the same way, so output is byte-for-byte repeatable."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Timeline:
    """When each keyframe is held and moved to: the values, keyTimes and keySplines of every animation."""

    def __init__(self, keyframes: tuple[Keyframe, ...]):
        self.count = len(keyframes)
        spans: list[tuple[float, bool]] = []  # (seconds, moving)
        for i, k in enumerate(keyframes):
            spans.append((0.5 + min(k.hold, 10) * 0.12, False))
            spans.append((keyframes[(i + 1) % self.count].move, True))
        total = sum(s for s, _m in spans)
        self.dur = n(total)
        times, t = [0.0], 0.0
        for seconds, _moving in spans:
            t += seconds
            times.append(t / total)
        self.key_times = ";".join(f"{x:.3f}".rstrip("0").rstrip(".") for x in times[:-1]) + ";1"
        self.splines = ";".join(EASE if moving else "0 0 1 1" for _s, moving in spans)

    def values(self, per_frame: list[str]) -> str:
        seq = [v for v in per_frame for _ in (0, 1)] + [per_frame[0]]
        return ";".join(seq)

    def animate(self, kind_: str, per_frame: list[str], attribute: str = "transform") -> str:
        tag = "animateTransform" if attribute == "transform" else "animate"
        type_ = f' type="{kind_}"' if tag == "animateTransform" else ""
        return (
            f'<{tag} attributeName="{attribute}"{type_} values="{self.values(per_frame)}" keyTimes="{self.key_times}"'
            f' calcMode="spline" keySplines="{self.splines}" dur="{self.dur}s" repeatCount="indefinite"/>'
        )


def _segment(name: str, frames: list[Placed], timeline: Timeline | None, figure: Figure) -> str:
    """One segment's group: turned about its joint, holding its own drawing and its children's groups."""
    view = figure.view
    part = kind(name)
    lead = ""
    if name != "pelvis":
        side, along = attachment(name, view)
        lead = f"translate({n(side)} {n(-along)})"
    angles = [n(p.turns[name]) for p in frames]
    if timeline is not None and len(set(angles)) > 1:
        out = [f'<g transform="{lead}">' if lead else "<g>", f'<g transform="rotate({angles[0]})">']
        out.append(timeline.animate("rotate", angles))
        closing = 2
    else:
        turn = " ".join(t for t in (lead, f"rotate({angles[0]})") if t)
        out, closing = [f'<g transform="{turn}">'], 1
    if part in ("thigh", "upper_arm"):  # a limb takes its side's colour, near dark and far light
        colour = COLOURS[name.split("_")[0]]
        out.insert(0, f'<g stroke="{colour}" fill="{colour}">')
        closing += 1
    length, width = LENGTHS[view][part], n(2 * RADII[view][part])
    kids = CHILDREN[name]
    out += [_segment(k, frames, timeline, figure) for k in kids if k.startswith("far")]
    if part == "foot":
        a = math.radians(side_sign(name, view) * FOOT_TURN[view])
        out.append(
            f'<path d="M{n(HEEL * math.sin(a))} {n(-HEEL * math.cos(a))}L0 {n(-length)}" stroke-width="{width}"/>'
        )
    else:
        out.append(f'<path d="M0 0V{n(-length)}" stroke-width="{width}"/>')
    if part == "neck":
        out.append(f'<circle cx="0" cy="{n(-length - HEAD_RADIUS)}" r="{HEAD_RADIUS}" stroke="none"/>')
        if view == "side":  # a nose shows which way the figure faces
            out.append(f'<circle cx="{NOSE[0]}" cy="{n(-length - NOSE[1])}" r="3" stroke="none"/>')
    if part == "hand":
        out += [held_shape(p.kind) for p in figure.props if p.kind in HELD and p.on == name]
    out += [_segment(k, frames, timeline, figure) for k in kids if not k.startswith("far")]
    return "".join(out) + "</g>" * closing


def bounds(figure: Figure) -> tuple[float, float, float, float]:
    xs, ys = [0.0], [0.0]
    for k in figure.keyframes:
        for point, (x, y) in k.placed.points.items():
            r = k.placed.radius(point) + 2
            xs += [x - r, x + r]
            ys += [y - r, y + r]
    for p in figure.props:
        for left, bottom, right, top in p.boxes():
            xs += [left, right]
            ys += [bottom, top]
        if p.on and p.kind in ("ball", "foam_roller"):
            xs += [k.placed.points[p.on][0] + p.x + s * BALL_RADIUS for k in figure.keyframes for s in (-1, 1)]
            ys += [2 * BALL_RADIUS if p.kind == "ball" else 2 * ROLLER_RADIUS]
        elif p.circle():
            cx, cy, r = p.circle()
            xs += [cx - r, cx + r]
            ys += [cy + r]
    return min(xs) - 6, min(ys) - 3, max(xs) + 6, max(ys) + 6


def _trail(figure: Figure, frames: list[Placed]) -> str:
    if not figure.trail or len(frames) < 2:
        return ""
    pts = [p.points[figure.trail] for p in frames]
    (x0, y0), (x1, y1) = pts[0], pts[1]
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    bend = 0.25
    cx, cy = mx - (y1 - y0) * bend, my + (x1 - x0) * bend
    angle = math.atan2(-(y1 - cy), x1 - cx)
    head = [(x1 + 5 * math.cos(angle + s), -y1 - 5 * math.sin(angle + s)) for s in (2.6, -2.6)]
    return (
        f'<path d="M{n(x0)} {n(-y0)}Q{n(cx)} {n(-cy)} {n(x1)} {n(-y1)}M{n(head[0][0])} {n(head[0][1])}'
        f'L{n(x1)} {n(-y1)}L{n(head[1][0])} {n(head[1][1])}" fill="none" stroke="#e08a3c" stroke-width="1.5"'
        ' stroke-dasharray="3 3" opacity="0.6"/>'
    )


def _root(frames: list[Placed], timeline: Timeline | None) -> str:
    spots = [f"{n(p.points['pelvis'][0])} {n(-p.points['pelvis'][1])}" for p in frames]
    if timeline is None or len(set(spots)) == 1:
        return f'<g transform="translate({spots[0]})">'
    return f'<g transform="translate({spots[0]})">{timeline.animate("translate", spots)}'


def _band(figure: Figure, frames: list[Placed], timeline: Timeline | None) -> str:
    out = []
    for p in figure.props:
        if p.kind not in ("band", "loop_band") or not p.on:
            continue
        ends = [frame.points[p.on] for frame in frames]
        x2, y2 = [n(e[0]) for e in ends], [n(-e[1]) for e in ends]
        start = (f"{n(p.x)}", f"{n(-p.y)}") if p.kind == "band" else (x2[0], y2[0])
        anim = ""
        if timeline is not None and (len(set(x2)) > 1 or len(set(y2)) > 1):
            anim = timeline.animate("", x2, "x2") + timeline.animate("", y2, "y2")
            if p.kind == "loop_band":
                anim += timeline.animate("", x2, "x1") + timeline.animate("", y2, "y1")
        if p.kind == "loop_band":  # a short red loop seen edge on, around the limbs it binds
            start = (n(float(x2[0]) - 0.01), y2[0])
        out.append(
            f'<line x1="{start[0]}" y1="{start[1]}" x2="{x2[0]}" y2="{y2[0]}" stroke="#d9534f" '
            f'stroke-width="{2 if p.kind == "band" else 17}" stroke-linecap="round" opacity="0.8">{anim}</line>'
        )
    return "".join(out)


def _rolling(prop, frames: list[Placed], timeline: Timeline | None) -> str:
    """A ball or roller that rolls along the floor under a body point."""
    r = BALL_RADIUS if prop.kind == "ball" else ROLLER_RADIUS
    xs = [n(f.points[prop.on][0] + prop.x) for f in frames]
    anim = timeline.animate("", xs, "cx") if timeline is not None and len(set(xs)) > 1 else ""
    return f'<circle cx="{xs[0]}" cy="{n(-r)}" r="{r}" fill="{PROP_COLOURS[prop.kind]}">{anim}</circle>'


def svg(figure: Figure, frames: list[Placed], title: str, mirrored: bool = False, animate: bool = True) -> str:
    timeline = Timeline(tuple(figure.keyframes)) if animate and len(frames) > 1 else None
    left, bottom, right, top = bounds(figure)
    width, height = right - left, top - bottom
    box = f"{n(-right if mirrored else left)} {n(-top)} {n(width)} {n(height)}"
    flip = ' transform="scale(-1 1)"' if mirrored else ""
    solid = [s for p in figure.props if p.kind not in HELD and not p.on for s in fixed_shapes(p, (left, right))]
    rolling = "".join(_rolling(p, frames, timeline) for p in figure.props if p.kind in ("ball", "foam_roller") and p.on)
    body = _root(frames, timeline) + _segment("pelvis", frames, timeline, figure) + "</g>"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}" width="{n(width * 2)}" height="{n(height * 2)}"'
        f' role="img"><title>{_escape(title)}</title><g{flip}>'
        f'<path d="M{n(left)} 0H{n(right)}" stroke="{FLOOR}" stroke-width="1"/>{"".join(solid)}{_trail(figure, frames)}'
        f"{rolling}"
        f'<g stroke="{COLOURS["torso"]}" fill="{COLOURS["torso"]}" stroke-linecap="round">{body}</g>'
        f"{_band(figure, frames, timeline)}</g></svg>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
