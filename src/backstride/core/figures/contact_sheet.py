"""Contact sheets: one PNG per exercise category, each exercise's keyframes side by side.

Drawn with matplotlib straight from the same forward kinematics the SVG uses, so no SVG rasteriser is needed.
Run: python -m backstride.core.figures.contact_sheet docs/figures
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from .body import HEAD_RADIUS, RADII, SEGMENTS, kind
from .figure import Figure
from .props import BALL_RADIUS, ROLLER_RADIUS
from .props import COLOURS as PROP_COLOURS
from .render import COLOURS, NOSE, bounds


def _capsule(ax, a, b, r, colour):
    from matplotlib.patches import Circle, Polygon

    (ax_, ay), (bx, by) = a, b
    length = math.hypot(bx - ax_, by - ay) or 1.0
    nx, ny = -(by - ay) / length * r, (bx - ax_) / length * r
    ax.add_patch(Polygon([(ax_ + nx, ay + ny), (bx + nx, by + ny), (bx - nx, by - ny), (ax_ - nx, ay - ny)],
                         color=colour, lw=0))  # fmt: skip
    ax.add_patch(Circle(a, r, color=colour, lw=0))
    ax.add_patch(Circle(b, r, color=colour, lw=0))


def draw_keyframe(ax, figure: Figure, index: int) -> None:
    """One keyframe of a figure onto a matplotlib axes, in world centimetres."""
    from matplotlib.patches import Circle, Rectangle

    placed = figure.keyframes[index].placed
    ax.axhline(0, color="#8a8a8a", lw=0.8)
    for p in figure.props:
        colour = PROP_COLOURS[p.kind]
        if p.kind == "mat":
            ax.add_patch(Rectangle((-150, -1.2), 300, 1.2, color=colour, lw=0))
        for left, bottom, right, top in p.boxes():
            ax.add_patch(Rectangle((left, bottom), right - left, top - bottom, color=colour, lw=0))
        if p.kind in ("ball", "foam_roller"):
            r = BALL_RADIUS if p.kind == "ball" else ROLLER_RADIUS
            x = placed.points[p.on][0] + p.x if p.on else p.x
            ax.add_patch(Circle((x, p.y or r), r, color=colour, lw=0))
    order = [s for s in SEGMENTS if s[0].startswith("far")] + [
        s for s in SEGMENTS if not s[0].startswith(("far", "near"))
    ]
    order += [s for s in SEGMENTS if s[0].startswith("near")]
    for name, _parent, start, end in order:
        colour = COLOURS[name.split("_")[0]] if name.startswith(("near", "far")) else COLOURS["torso"]
        a = placed.points[start]
        if kind(name) == "foot":
            a = placed.points[name.replace("foot", "heel")]
        _capsule(ax, a, placed.points[end], RADII[figure.view][kind(name)], colour)
        if name == "neck":
            ax.add_patch(Circle(placed.points["head"], HEAD_RADIUS, color=colour, lw=0))
            if figure.view == "side":
                ax.add_patch(Circle(_nose(placed), 3, color=colour, lw=0))
    for p in figure.props:
        if p.on and p.kind in ("dumbbell", "kettlebell"):
            ax.add_patch(Circle(placed.points[p.on], 7.5 if p.kind == "dumbbell" else 10, color=PROP_COLOURS[p.kind]))
        if p.on and p.kind == "band":
            (x, y) = placed.points[p.on]
            ax.plot([p.x, x], [p.y, y], color=PROP_COLOURS["band"], lw=1.2)
        if p.on and p.kind == "loop_band":
            ax.add_patch(Circle(placed.points[p.on], 8.5, color=PROP_COLOURS["loop_band"], alpha=0.8, lw=0))


def _nose(placed) -> tuple[float, float]:
    (x, y), angle = placed.points["neck_top"], math.radians(placed.angles["neck"])
    up, forward = NOSE[1], NOSE[0]
    return (x + up * math.sin(angle) + forward * math.cos(angle), y + up * math.cos(angle) - forward * math.sin(angle))


def write_sheets(folder: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ..library import load_library
    from . import load_figure

    folder.mkdir(parents=True, exist_ok=True)
    library = load_library()
    written = []
    for category in sorted({e.category for e in library}):
        exercises = library.in_category(category)
        figures = [load_figure(e.slug) for e in exercises]
        cols = max(len(f.keyframes) for f in figures)
        fig, axes = plt.subplots(len(figures), cols, figsize=(3.2 * cols, 2.3 * len(figures)), squeeze=False)
        for row, (exercise, figure) in enumerate(zip(exercises, figures, strict=True)):
            for col in range(cols):
                ax = axes[row][col]
                ax.set_axis_off()
                if col >= len(figure.keyframes):
                    continue
                draw_keyframe(ax, figure, col)
                left, bottom, right, top = bounds(figure)
                ax.set_xlim(left, right)
                ax.set_ylim(bottom, top)
                ax.set_aspect("equal")
                label = f"{exercise.name}\n{figure.keyframes[col].name}" if col == 0 else figure.keyframes[col].name
                ax.set_title(label, fontsize=8)
        fig.suptitle(category.replace("_", " "), fontsize=12)
        fig.tight_layout()
        path = folder / f"{category}.png"
        fig.savefig(path, dpi=72)
        plt.close(fig)
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_sheets(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/figures")):
        print(written_path)
