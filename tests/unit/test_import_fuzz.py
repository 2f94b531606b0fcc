"""Damaged copies of real files never make the import raise: each gives activities or problems, nothing else."""

import struct
from pathlib import Path

from fitdecode.utils import compute_crc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backstride.core.imports import Activity, Problem, read_bytes

RUNS = Path(__file__).resolve().parent.parent / "data" / "runs"
# small real files, so each example parses in milliseconds
SAMPLES = {
    name: (RUNS / name).read_bytes()
    for name in (
        "fit/garmin-fenix-5-run.fit",
        "fit/garmin-fenix-5-walk.fit",
        "fit/Settings.fit",
        "gpx/track-with-empty-segment.gpx",
        "gpx/route.gpx",
        "tcx/sup_activity_1.tcx",
    )
}


@st.composite
def mutation(draw, size: int):
    kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
    at = draw(st.integers(0, max(size - 1, 0)))
    if kind == "flip":
        return ("flip", at, draw(st.integers(1, 255)))
    if kind == "insert":
        return ("insert", at, draw(st.binary(min_size=1, max_size=16)))
    if kind == "delete":
        return ("delete", at, draw(st.integers(1, 64)))
    return ("truncate", at, None)


def mutate(data: bytes, steps) -> bytes:
    out = bytearray(data)
    for kind, at, value in steps:
        at = min(at, len(out))
        if kind == "flip" and at < len(out):
            out[at] ^= value
        elif kind == "insert":
            out[at:at] = value
        elif kind == "delete":
            del out[at : at + value]
        elif kind == "truncate":
            out = out[:at]
    return bytes(out)


def with_fresh_checksums(data: bytes) -> bytes:
    """Make a damaged FIT file's sizes and checksums agree again, so the damage reaches the decoder itself."""
    if len(data) < 16 or data[8:12] != b".FIT" or data[0] != 14:
        return data
    out = bytearray(data)
    struct.pack_into("<I", out, 4, len(out) - 16)
    struct.pack_into("<H", out, 12, compute_crc(out, end=12))
    struct.pack_into("<H", out, len(out) - 2, compute_crc(out, end=len(out) - 2))
    return bytes(out)


@st.composite
def damaged_files(draw):
    name = draw(st.sampled_from(sorted(SAMPLES)))
    data = SAMPLES[name]
    steps = draw(st.lists(mutation(len(data)), min_size=1, max_size=4))
    damaged = mutate(data, steps)
    if name.endswith(".fit") and draw(st.booleans()):
        damaged = with_fresh_checksums(damaged)
    return Path(name).name, damaged


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_files())
def test_a_damaged_real_file_gives_only_activities_or_problems_and_never_raises(named):
    name, data = named
    results = read_bytes(name, data)
    assert results and all(isinstance(item, Activity | Problem) for item in results)
    assert all(item.name == name for item in results if isinstance(item, Problem))


def test_the_fuzz_helper_keeps_an_undamaged_fit_file_readable():
    data = SAMPLES["fit/garmin-fenix-5-run.fit"]
    [activity] = read_bytes("run.fit", with_fresh_checksums(data))
    assert activity.category == "run"
