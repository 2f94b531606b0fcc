"""How long drawing every exercise figure takes: each animation, its mirror and every keyframe still.

Run on demand:  python benchmarks/figure_speed.py
Target: under 2 s in total, and every SVG under 20 KB.
"""

from __future__ import annotations

import time

TARGET_SECONDS = 2.0
MAX_BYTES = 20_000


def main() -> None:
    start = time.perf_counter()
    from backstride.core.figures import figure_slugs, figure_svg, keyframe_names, still_svg

    sizes: dict[str, int] = {}
    count = 0
    for slug in figure_slugs():
        sizes[slug] = len(figure_svg(slug).encode())
        sizes[f"{slug} (mirrored)"] = len(figure_svg(slug, mirrored=True).encode())
        count += 2
        for name in keyframe_names(slug):
            sizes[f"{slug}: {name}"] = len(still_svg(slug, name).encode())
            count += 1
    elapsed = time.perf_counter() - start
    largest = max(sizes, key=sizes.__getitem__)
    print(f"{count} SVGs from {len(figure_slugs())} figures in {elapsed:.2f} s (target under {TARGET_SECONDS:.0f} s)")
    print(f"largest: {largest}, {sizes[largest]:,} bytes (limit {MAX_BYTES:,})")
    print(f"total: {sum(sizes.values()):,} bytes")
    if elapsed > TARGET_SECONDS or sizes[largest] > MAX_BYTES:
        raise SystemExit("over target")


if __name__ == "__main__":
    main()
