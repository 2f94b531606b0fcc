"""Draw the app's home-screen icons from the favicon's mark: an amber stride curve on the top bar's dark blue.

Run once after changing the mark; the PNGs are committed as static files:

    python docs/icons/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[2] / "src" / "backstride" / "offline" / "static" / "backstride" / "icons"
INK = "#1d2733"  # app.css --ink, the top bar
AMBER = "#f0b400"  # the focus ring and the favicon's curve
GRID = 32  # the favicon's viewBox: the mark below is drawn in its units
SUPERSAMPLE = 4  # drawn larger, then shrunk, for smooth edges
CORNER = 7  # the favicon's rounded corner, in grid units
# Maskable icons may be cut to any shape inside a circle of 80 % of the width: at this scale the mark's
# farthest point, (10, 26) plus half the stroke, is 10.6 units from the centre, inside that circle's 12.8.
MASKABLE_SCALE = 0.8


def _curve(t: float) -> tuple[float, float]:
    """The favicon's stride: a cubic curve from (10, 26) to (22, 10) through (10, 18) and (22, 18)."""
    points = [(10, 26), (10, 18), (22, 18), (22, 10)]
    weights = [(1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3]
    pairs = list(zip(weights, points, strict=True))
    return sum(w * x for w, (x, _y) in pairs), sum(w * y for w, (_x, y) in pairs)


def draw(size: int, maskable: bool) -> Image.Image:
    big = size * SUPERSAMPLE
    unit = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle([0, 0, big, big], fill=INK)  # full bleed: the launcher chooses the shape
    else:
        pen.rounded_rectangle([0, 0, big - 1, big - 1], radius=CORNER * unit, fill=INK)
    scale = MASKABLE_SCALE if maskable else 1.0

    def at(x: float, y: float) -> tuple[float, float]:
        centre = GRID / 2
        return ((centre + (x - centre) * scale) * unit, (centre + (y - centre) * scale) * unit)

    # a round brush pressed along the path: smooth joins and the favicon's round line ends
    r = 1.5 * unit * scale
    steps = 400
    path = [at(*_curve(i / steps)) for i in range(steps + 1)]
    path += [at(14 + 8 * i / steps, 10) for i in range(steps + 1)]
    for x, y in path:
        pen.ellipse([x - r, y - r, x + r, y + r], fill=AMBER)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
    ]:
        draw(size, maskable).save(OUT / name, optimize=True)
        print(OUT / name)


if __name__ == "__main__":
    main()
