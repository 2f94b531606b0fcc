"""A whole Strava export imported into the database the way a runner does it: `backstride import ARCHIVE`.

Run on demand:  python benchmarks/import_archive_db.py [--count N] [--db URL]
Builds a Strava-style export of N activity files from the real recordings (import_speed.build_strava_archive),
starts a runner in a fresh database, then times the import command in its own process and reads its peak
resident memory. The same is done with a third of the files, so that memory that grows with the archive shows.
Targets: 1,500 activities in under 60 s, with peak memory that does not grow with the archive's size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_speed import build_strava_archive

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 60


def backstride(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "backstride", *args], capture_output=True, text=True, cwd=ROOT)


def peak_rss_mib(before: int) -> float:
    """The largest resident size of the children so far, in MiB (Linux reports KiB); `before` is the earlier peak."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(peak, before) / 1024


def one_import(folder: Path, count: int, db: str | None) -> dict:
    archive = build_strava_archive(folder / f"export_{count}.zip", count)
    database = db or str(folder / f"import-{count}.sqlite3")
    started = backstride("start", "--answers", "examples/intake-sam.json", "--db", database)
    if started.returncode != 0:
        raise SystemExit(started.stderr)
    clock = time.perf_counter()
    result = backstride("import", str(archive), "--json", "--db", database)
    seconds = time.perf_counter() - clock
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return {"count": count, "seconds": seconds, "summary": json.loads(result.stdout), "mib": archive.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1500)
    parser.add_argument("--db", help="a PostgreSQL URL (a fresh runner is started in it); default a new SQLite file")
    options = parser.parse_args()
    os.environ.pop("BACKSTRIDE_DB", None)
    with tempfile.TemporaryDirectory(prefix="backstride-import-db-") as folder:
        peaks = []
        for count in (max(options.count // 3, 1), options.count):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            run = one_import(Path(folder), count, options.db)
            # ru_maxrss of children is the largest of any child so far: each import runs after the smaller one,
            # so a larger figure here belongs to this import
            peak = peak_rss_mib(0) if resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss > before else None
            peaks.append(peak)
            s = run["summary"]
            print(
                f"{count:,} activities ({run['mib'] / 1024 / 1024:.1f} MiB zipped): {run['seconds']:.1f} s, "
                f"{s['runs']} runs, {s['walks']} walks, {s['other_skipped']} other, {s['already_here']} already here, "
                f"{len(s['unreadable'])} unreadable; peak memory of the process "
                + (f"{peak:.0f} MiB" if peak is not None else "no higher than the smaller import's")
            )
        verdict = "meets" if run["seconds"] < TARGET_SECONDS else "MISSES"
        print(f"target: {options.count:,} activities in under {TARGET_SECONDS} s: {verdict}")


if __name__ == "__main__":
    main()
