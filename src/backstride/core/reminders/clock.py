"""Local time in a person's own zone: the chosen time is a wall-clock time, whatever the daylight saving."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .rules import LATE_LIMIT


def zone(name: str, fallback: str = "UTC") -> ZoneInfo:
    try:
        return ZoneInfo(name or fallback)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(fallback)


def local_now(now: dt.datetime, time_zone: str) -> dt.datetime:
    """`now` (aware, any zone) as the wall clock reads where the person lives."""
    return now.astimezone(zone(time_zone))


def send_instant(day: dt.date, at: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The chosen wall-clock time on that local day.

    Times in one zone compare as the wall clock reads, so on the spring-forward day a time inside the
    skipped hour is due when the clocks land (03:00 for 02:30), and on the fall-back day a repeated time
    is due at its first occurrence; the once-a-day record stops the second.
    """
    return dt.datetime.combine(day, at, tzinfo=tz)


def past_send_time(now_local: dt.datetime, at: dt.time) -> bool:
    """The chosen time has come today, and not so long ago that the message is stale."""
    start = send_instant(now_local.date(), at, now_local.tzinfo)
    return start <= now_local < start + LATE_LIMIT
