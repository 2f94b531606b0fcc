"""The equipment drawn around a figure, as simple shapes in world centimetres.

A prop is either fixed in the room (mat, wall, step, chair, bench, ball, foam roller), held in a hand
(dumbbell, kettlebell), or stretched between a fixed anchor and a body point (band, loop band).
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("mat", "wall", "step", "chair", "bench", "band", "loop_band", "ball", "foam_roller", "dumbbell", "kettlebell")
SOLID = ("wall", "step", "chair", "bench", "ball", "foam_roller")  # the body may touch these but not pass through
HELD = ("dumbbell", "kettlebell")
COLOURS = {"mat": "#b7d3c0", "wall": "#d9d4cc", "step": "#c9b79c", "chair": "#a58d6f", "bench": "#a58d6f",
           "band": "#d9534f", "loop_band": "#d9534f", "ball": "#8fb8de", "foam_roller": "#6fa3a0",
           "dumbbell": "#555555", "kettlebell": "#3d3d3d"}  # fmt: skip
BALL_RADIUS = 32  # a 65 cm stability ball
ROLLER_RADIUS = 7.5  # a 15 cm foam roller


@dataclass(frozen=True)
class Prop:
    kind: str
    x: float = 0.0  # where a fixed prop stands (its near edge or centre)
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    on: str | None = None  # the body point a held or stretched prop follows
    back: str = "left"  # which end of a chair has the backrest (left is behind a figure facing right)
    side: str = "both"  # "near": the prop is only under the near limbs; the far ones pass beside it

    @classmethod
    def from_data(cls, data: str | dict) -> Prop:
        if isinstance(data, str):
            data = {"kind": data}
        unknown = set(data) - {"kind", "x", "y", "width", "height", "follow", "back", "side"}
        if data.get("kind") not in KINDS or unknown:
            raise ValueError(f"not a prop: {data!r}")
        defaults = {"wall": (8, 200), "step": (35, 20), "chair": (45, 45), "bench": (40, 42)}
        width, height = defaults.get(data["kind"], (0, 0))
        return cls(
            kind=data["kind"],
            x=float(data.get("x", 0)),
            y=float(data.get("y", 0)),
            width=float(data.get("width", width)),
            height=float(data.get("height", height)),
            on=data.get("follow"),
            back=data.get("back", "left"),
            side=data.get("side", "both"),
        )

    def boxes(self) -> list[tuple[float, float, float, float]]:
        """The solid parts as (left, bottom, right, top) boxes, for the checks and the picture."""
        if self.kind in ("wall", "step", "bench"):
            return [(self.x, self.y, self.x + self.width, self.y + self.height)]
        if self.kind == "chair":
            seat = (self.x, self.height - 4, self.x + self.width, self.height)
            left = self.x if self.back == "left" else self.x + self.width - 4
            back = (left, self.height, left + 4, self.height + 40)
            return [seat, back]
        return []

    def circle(self) -> tuple[float, float, float] | None:
        if self.kind == "ball":
            return (self.x, self.y or BALL_RADIUS, BALL_RADIUS)
        if self.kind == "foam_roller":
            return (self.x, self.y or ROLLER_RADIUS, ROLLER_RADIUS)
        return None


def fixed_shapes(prop: Prop, span: tuple[float, float]) -> list[str]:
    """SVG elements for a prop that stays still (world y is flipped to SVG y)."""
    fill = COLOURS[prop.kind]
    if prop.kind == "mat":
        left, right = span
        return [f'<rect x="{left:.1f}" y="-1.2" width="{right - left:.1f}" height="1.2" rx="0.6" fill="{fill}"/>']
    shapes = []
    for left, bottom, right, top in prop.boxes():
        shapes.append(
            f'<rect x="{left:.1f}" y="{-top:.1f}" width="{right - left:.1f}" height="{top - bottom:.1f}" '
            f'rx="1.5" fill="{fill}"/>'
        )
    if prop.kind in ("chair", "bench"):
        for leg_x in (prop.x + 2, prop.x + prop.width - 4):
            shapes.append(
                f'<rect x="{leg_x:.1f}" y="{-prop.height:.1f}" width="2" height="{prop.height:.1f}" fill="{fill}"/>'
            )
    circle = prop.circle()
    if circle:
        cx, cy, r = circle
        shapes.append(f'<circle cx="{cx:.1f}" cy="{-cy:.1f}" r="{r}" fill="{fill}"/>')
        if prop.kind == "foam_roller":
            shapes.append(f'<circle cx="{cx:.1f}" cy="{-cy:.1f}" r="{r * 0.4:.1f}" fill="#ffffff" opacity="0.5"/>')
    return shapes


def held_shape(kind: str) -> str:
    """A weight in the hand's own frame (the hand points up, towards -y): a dumbbell is seen end on."""
    fill = COLOURS[kind]
    if kind == "dumbbell":
        return f'<circle cx="0" cy="-5" r="7.5" fill="{fill}"/><circle cx="0" cy="-5" r="2.5" fill="#999999"/>'
    return (f'<path d="M-5 -4A6 6 0 0 1 5 -4" fill="none" stroke="{fill}" stroke-width="2.5"/>'
            f'<circle cx="0" cy="-16" r="10" fill="{fill}"/>')  # fmt: skip
