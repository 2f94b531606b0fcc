"""Illustrated exercise figures: a 2-D body posed from joint angles, drawn as animated or still SVG.

`figure_svg(slug)` gives the looping animation (mirrored for the other side), `still_svg(slug, keyframe)`
one held position for print. Both are deterministic, so a file can be named by a hash of its content.
"""

from __future__ import annotations

from functools import cache

from .figure import Figure
from .render import svg
from .store import figure_slugs, load_figure

__all__ = ["Figure", "figure_slugs", "figure_svg", "keyframe_names", "load_figure", "still_svg"]


@cache
def _title(slug: str) -> str:
    from ..library import load_library

    library = load_library()
    return library[slug].name if slug in library else slug


def figure_svg(slug: str, mirrored: bool = False) -> str:
    """The exercise's looping animation as one SVG document; mirrored shows the other side."""
    figure = load_figure(slug)
    return svg(figure, [k.placed for k in figure.keyframes], _title(slug), mirrored=mirrored)


def still_svg(slug: str, keyframe: str, mirrored: bool = False) -> str:
    """One keyframe as a still SVG (for print)."""
    figure = load_figure(slug)
    frame = figure.keyframe(keyframe)
    return svg(figure, [frame.placed], f"{_title(slug)}: {keyframe}", mirrored=mirrored, animate=False)


def keyframe_names(slug: str) -> list[str]:
    return [k.name for k in load_figure(slug).keyframes]
