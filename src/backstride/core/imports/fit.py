"""Activities from a FIT file (Garmin, Coros, Suunto, Wahoo, Polar...): one per session message."""

from __future__ import annotations

import datetime as dt
import io
import struct

import fitdecode

from .model import Activity, Source, Unreadable, make_activity

# FIT times count seconds from this moment; values below 0x10000000 count from the device's power-on instead.
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
FIT_RELATIVE_TIME_BELOW = 0x10000000

# The kind of running a sub-sport names, so that a treadmill or trail run keeps that name.
RUNNING_SUB_SPORTS = {
    "treadmill": "treadmill",
    "trail": "trail_running",
    "track": "track_running",
    "virtual_activity": "virtual_running",
    "indoor_running": "indoor_running",
}


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC_TABLE = _crc_table()


def fit_crc(data: bytes | memoryview) -> int:
    """The FIT checksum (CRC-16 with polynomial 0xA001), one table lookup per byte."""
    crc, table = 0, _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def check_structure(data: bytes) -> None:
    """Check each FIT file in the stream is whole and its checksums match.

    Done here in one pass, because fitdecode's own checksum, computed piece by piece, costs a third of its reading time.
    """
    view, offset = memoryview(data), 0
    while offset < len(data):
        if len(data) - offset < 12:
            raise Unreadable("the file is cut short")
        header_size, data_size = data[offset], struct.unpack_from("<I", data, offset + 4)[0]
        if header_size < 12 or data[offset + 8 : offset + 12] != b".FIT":
            raise Unreadable("the file is damaged (a FIT header is missing)")
        if header_size >= 14 and len(data) - offset >= 14:
            header_crc = struct.unpack_from("<H", data, offset + 12)[0]
            if header_crc and fit_crc(view[offset : offset + 12]) != header_crc:
                raise Unreadable("the file is damaged (its checksum does not match)")
        end = offset + header_size + data_size + 2
        if end > len(data):
            raise Unreadable("the file is cut short")
        if fit_crc(view[offset:end]) != 0:  # the checksum of a block followed by its own checksum is zero
            raise Unreadable("the file is damaged (its checksum does not match)")
        offset = end


def fit_time(value) -> dt.datetime | None:
    if not isinstance(value, int) or value < FIT_RELATIVE_TIME_BELOW:
        return None
    return FIT_EPOCH + dt.timedelta(seconds=value)


def sport_name(sport, sub_sport) -> str:
    if sub_sport == "treadmill" or (sport == "running" and sub_sport in RUNNING_SUB_SPORTS):
        return RUNNING_SUB_SPORTS[sub_sport]
    if sport is None:
        return "unknown"
    return str(sport)


def _fields(frame) -> dict:
    return {field.name: field.value for field in frame.fields}


def read_fit(data: bytes, source: Source) -> list[Activity]:
    check_structure(data)
    sessions, laps, file_types, sports, has_records = [], [], set(), [], False
    # No data processor: its unit and date conversions cost time and only a few session fields are needed here.
    reader = fitdecode.FitReader(
        io.BytesIO(data),
        processor=None,
        check_crc=fitdecode.CrcCheck.DISABLED,
        error_handling=fitdecode.ErrorHandling.IGNORE,
    )
    for frame in reader:
        if frame.frame_type != fitdecode.FIT_FRAME_DATA:
            continue
        name = frame.name
        if name == "record":
            has_records = True
        elif name == "session":
            sessions.append(_fields(frame))
        elif name == "lap":
            laps.append(_fields(frame))
        elif name == "file_id":
            file_types.add(frame.get_value("type", fallback=None))
        elif name == "sport":
            sports.append(_fields(frame))
    file_sport = sports[0] if sports else {}
    if sessions:
        return [_from_summary(source, session, file_sport) for session in sessions]
    # without a session, only a recorded activity's laps or points count: a course file has them too, as a plan
    if file_types and "activity" not in file_types:
        raise Unreadable("no activity in this file")
    if laps:
        return [_from_laps(source, laps, file_sport)]
    if has_records:
        return [_from_records(source, data, file_sport)]
    raise Unreadable("no activity in this file")


def _from_summary(source: Source, summary: dict, file_sport: dict) -> Activity:
    elapsed = summary.get("total_elapsed_time")
    start = fit_time(summary.get("start_time"))
    if start is None:
        end = fit_time(summary.get("timestamp"))
        if end is None or not isinstance(elapsed, float | int):
            raise Unreadable("no start time in this file")
        start = end - dt.timedelta(seconds=elapsed)
    sport = summary.get("sport") or file_sport.get("sport")
    sub_sport = summary.get("sub_sport") or file_sport.get("sub_sport")
    return make_activity(
        source,
        start,
        sport_name(sport, sub_sport),
        distance_m=summary.get("total_distance"),
        moving_s=summary.get("total_moving_time") or summary.get("total_timer_time"),
        elapsed_s=elapsed,
        ascent_m=summary.get("total_ascent"),
        avg_hr=summary.get("avg_heart_rate"),
    )


def _from_laps(source: Source, laps: list[dict], file_sport: dict) -> Activity:
    """A file without a session (some older or interrupted devices): the laps added up make the activity."""

    def total(key: str) -> float | None:
        values = [lap[key] for lap in laps if isinstance(lap.get(key), int | float)]
        return sum(values) if values else None

    summary = {key: total(key) for key in ("total_distance", "total_timer_time", "total_elapsed_time", "total_ascent")}
    first = laps[0]
    summary.update(
        start_time=first.get("start_time"),
        timestamp=laps[-1].get("timestamp"),
        sport=first.get("sport"),
        sub_sport=first.get("sub_sport"),
    )
    return _from_summary(source, summary, file_sport)


def _from_records(source: Source, data: bytes, file_sport: dict) -> Activity:
    """A file with only track points: a second pass takes the first and last time and the last distance."""
    first = last = distance = None
    reader = fitdecode.FitReader(io.BytesIO(data), processor=None, check_crc=fitdecode.CrcCheck.DISABLED)
    for frame in reader:
        if frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name == "record":
            moment = fit_time(frame.get_value("timestamp", fallback=None))
            if moment is not None:
                first = first or moment
                last = moment
            distance = frame.get_value("distance", fallback=None) or distance
    if first is None:
        raise Unreadable("no track with times")
    elapsed = (last - first).total_seconds()
    sport = sport_name(file_sport.get("sport"), file_sport.get("sub_sport"))
    return make_activity(source, first, sport, distance_m=distance, elapsed_s=elapsed)
