"""FIT files without a session message: the laps, or failing those the track points, make the activity."""

import datetime as dt
import struct
from pathlib import Path

import fitdecode
from fitdecode.utils import compute_crc

from backstride.core.imports import Activity, Problem, read_bytes
from backstride.core.imports.fit import fit_crc, sport_name

RUNS = Path(__file__).resolve().parent.parent / "data" / "runs"
NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)


def without_messages(relative: str, *names: str) -> bytes:
    """A real FIT file rebuilt without the named data messages, its size and checksums made to agree again."""
    header, body = bytearray(), bytearray()
    with fitdecode.FitReader(str(RUNS / relative), keep_raw_chunks=True) as reader:
        for frame in reader:
            if frame.frame_type == fitdecode.FIT_FRAME_HEADER:
                header = bytearray(frame.chunk.bytes)
            dropped = frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name in names
            if frame.frame_type in (fitdecode.FIT_FRAME_DEFINITION, fitdecode.FIT_FRAME_DATA) and not dropped:
                body += frame.chunk.bytes
    struct.pack_into("<I", header, 4, len(body))
    struct.pack_into("<H", header, 12, compute_crc(header, end=12))
    whole = bytes(header) + bytes(body)
    return whole + struct.pack("<H", compute_crc(whole))


def test_a_fit_file_without_a_session_adds_up_its_laps():
    [activity] = read_bytes("laps.fit", without_messages("fit/2013-02-06-12-11-14.fit", "session"), now=NOW)
    assert isinstance(activity, Activity)
    assert (activity.sport, activity.category) == ("running", "run")
    assert activity.start == dt.datetime(2013, 2, 6, 12, 11, 14, tzinfo=dt.UTC)
    # the laps add up to what the session would have said
    assert abs(activity.distance_m - 4835.38) < 1 and abs(activity.moving_s - 2625.14) < 1


def test_a_fit_file_with_only_track_points_takes_its_first_and_last_time():
    data = without_messages("fit/garmin-fenix-5-run.fit", "session", "lap")
    [activity] = read_bytes("points.fit", data, now=NOW)
    assert isinstance(activity, Activity) and activity.category == "run"
    assert activity.start.date() == dt.date(2017, 6, 11)
    assert (activity.elapsed_s, activity.distance_m) == (57, 157.56)  # the session said 56.9 s and 157.56 m


def test_a_fit_file_with_no_session_lap_or_point_has_no_activity():
    data = without_messages("fit/garmin-fenix-5-run.fit", "session", "lap", "record")
    assert read_bytes("empty.fit", data, now=NOW) == [Problem("empty.fit", "no activity in this file")]


def test_the_checksum_agrees_with_fitdecodes_own():
    data = (RUNS / "fit/activity-small-fenix2-run.fit").read_bytes()
    assert fit_crc(data[:5000]) == compute_crc(data, end=5000)


def test_treadmill_and_trail_runs_keep_their_kind_of_running():
    assert sport_name("running", "treadmill") == "treadmill"
    assert sport_name("fitness_equipment", "treadmill") == "treadmill"
    assert sport_name("running", "trail") == "trail_running"
    assert sport_name("running", "generic") == "running"
    assert sport_name("cycling", "trail") == "cycling"
