"""How fast recorded runs import: each FIT run against bare fitdecode, then a 1,500-activity Strava export.

Run on demand:  python benchmarks/import_speed.py [--count N] [--skip-memory]
Targets: reading a FIT run at most 1.3 times as long as fitdecode alone takes to read all its frames;
the whole export read in under 60 s.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import io
import platform
import re
import struct
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

import fitdecode

from backstride.core.imports import Activity, read_archive, read_bytes
from backstride.core.imports.fit import fit_crc

ROOT = Path(__file__).resolve().parent.parent
RUNS = ROOT / "tests" / "data" / "runs"
FIT_RUNS = [
    "fit/2013-02-06-12-11-14.fit",
    "fit/activity-small-fenix2-run.fit",
    "fit/garmin-fenix-5-run.fit",
    "fit/garmin-fenix-5-walk.fit",
    "fit/activity-large-fenxi2-multisport.fit",
]
# The real files an export is built from, with the sport Strava's list gives each; mostly runs, as a runner's is.
EXPORT_SOURCES = [
    ("fit/2013-02-06-12-11-14.fit", "Run"),
    ("fit/activity-small-fenix2-run.fit", "Run"),
    ("fit/garmin-fenix-5-run.fit", "Run"),
    ("fit/garmin-fenix-5-walk.fit", "Walk"),
    ("fit/garmin-fenix-5-bike.fit", "Ride"),
    ("gpx/cerknicko-jezero.gpx", "Run"),
    ("gpx/korita-zbevnica.gpx", "Hike"),
    ("gpx/track-with-empty-segment.gpx", "Run"),
    ("tcx/sup_activity_1.tcx", "Stand Up Paddling"),
]
RATIO_TARGET = 1.3
ARCHIVE_TARGET_SECONDS = 60
STRAVA_COLUMNS = ["Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description"]
STRAVA_COLUMNS += ["Elapsed Time", "Distance", "Commute", "Activity Gear", "Filename", "Moving Time"]
XML_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def fastest(action, minimum_seconds: float = 0.5, minimum_runs: int = 3) -> float:
    """The best of several runs of `action`, repeated until they add up to `minimum_seconds`."""
    times: list[float] = []
    while len(times) < minimum_runs or sum(times) < minimum_seconds:
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def bare_fitdecode(data: bytes) -> None:
    for _frame in fitdecode.FitReader(io.BytesIO(data)):
        pass


def varied_fit(data: bytes, copy: int) -> bytes:
    """The same FIT recording with different bytes: a new profile version in the header, checksums made to agree."""
    out = bytearray(data)
    struct.pack_into("<H", out, 2, copy % 65536)
    if out[0] >= 14:
        struct.pack_into("<H", out, 12, fit_crc(out[:12]))
    struct.pack_into("<H", out, len(out) - 2, fit_crc(out[:-2]))
    return bytes(out)


def varied_xml(text: str, copy: int) -> bytes:
    """A GPX or TCX recording moved `copy` days later, so that starts and hashes differ between copies."""
    shift = dt.timedelta(days=copy)

    def later(match: re.Match) -> str:
        return (dt.datetime.fromisoformat(match.group(0)) + shift).strftime("%Y-%m-%dT%H:%M:%S")

    return XML_TIME.sub(later, text).encode()


def build_strava_archive(path: Path, count: int) -> Path:
    """Write a Strava-style "Download your data" zip holding `count` activity files made from the real recordings.

    Each copy has its own bytes (and, for GPX and TCX, its own start), FIT and TCX files are gzipped as Strava
    stores them, and activities.csv names every file's sport. FIT copies keep the original start time.
    """
    originals = [((RUNS / relative).read_bytes(), relative, sport) for relative, sport in EXPORT_SOURCES]
    listing = io.StringIO()
    writer = csv.writer(listing, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(STRAVA_COLUMNS)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for copy in range(count):
            data, relative, sport = originals[copy % len(originals)]
            kind = relative.rpartition(".")[2]
            activity_id = 1_000_000 + copy
            if kind == "fit":
                body, filename = gzip.compress(varied_fit(data, copy), mtime=0), f"activities/{activity_id}.fit.gz"
            elif kind == "tcx":
                body = gzip.compress(varied_xml(data.decode(), copy), mtime=0)
                filename = f"activities/{activity_id}.tcx.gz"
            else:
                body, filename = varied_xml(data.decode(), copy), f"activities/{activity_id}.gpx"
            archive.writestr(filename, body)
            when = (dt.datetime(2020, 1, 1) + dt.timedelta(days=copy)).strftime("%b %-d, %Y, %-I:%M:%S %p")
            writer.writerow([activity_id, when, f"{sport} {copy}", sport, "", 3600, 10.0, "false", "", filename, 3500])
        archive.writestr("activities.csv", listing.getvalue())
        archive.writestr("profile.csv", "Athlete ID,First Name\n1,Sam\n")
    return path


def read_whole(path: Path) -> tuple[int, int]:
    activities = problems = 0
    with open(path, "rb") as stream:
        for item in read_archive(path.name, stream):
            if isinstance(item, Activity):
                activities += 1
            else:
                problems += 1
    return activities, problems


def compare_with_fitdecode() -> bool:
    print("FIT runs: bare fitdecode reading every frame, against read_bytes")
    worst = 0.0
    for relative in FIT_RUNS:
        data = (RUNS / relative).read_bytes()
        bare = fastest(lambda data=data: bare_fitdecode(data))
        ours = fastest(lambda data=data, name=Path(relative).name: read_bytes(name, data))
        worst = max(worst, ours / bare)
        print(
            f"  {Path(relative).name:40s} {len(data) // 1024:6d} KiB  bare {bare * 1000:8.1f} ms"
            f"  import {ours * 1000:8.1f} ms  ratio {ours / bare:5.2f}"
        )
    verdict = "meets" if worst <= RATIO_TARGET else "MISSES"
    print(f"  worst ratio {worst:.2f}; target at most {RATIO_TARGET}: {verdict}")
    return worst <= RATIO_TARGET


def time_archive(count: int, memory: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="backstride-import-bench-") as folder:
        path = build_strava_archive(Path(folder) / "export_1.zip", count)
        print(f"Strava-style export: {count:,} activity files, {path.stat().st_size / 1024 / 1024:.1f} MiB zipped")
        started, started_cpu = time.perf_counter(), time.process_time()
        activities, problems = read_whole(path)
        seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        verdict = "meets" if seconds < ARCHIVE_TARGET_SECONDS else "MISSES"
        print(
            f"  read {activities:,} activities and {problems:,} problems in {seconds:.1f} s"
            f" (processor {cpu:.1f} s, {seconds / max(count, 1) * 1000:.1f} ms a file)"
        )
        print(f"  target under {ARCHIVE_TARGET_SECONDS} s: {verdict}")
        if memory:
            # tracing every allocation slows the read several times over, so it has a pass of its own
            tracemalloc.start()
            read_whole(path)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"  peak memory traced while reading: {peak / 1024 / 1024:.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1500)
    parser.add_argument("--skip-memory", action="store_true", help="leave out the slower pass that traces memory")
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, fitdecode {fitdecode.__version__}")
    compare_with_fitdecode()
    time_archive(args.count, not args.skip_memory)


if __name__ == "__main__":
    main()
