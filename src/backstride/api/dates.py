"""The days the API accepts: the program's own date arithmetic is only safe within these."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from backstride.core.errors import InputError

# The adaptation replays every day from the plan's start, so a far-off date is slow, and date
# arithmetic near year 9999 overflows; a runner's program has no business outside this century.
EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2099, 12, 31)
# How the OpenAPI document states the range (JSON Schema has no bounds for a date string).
RANGE = f"from {EARLIEST.isoformat()} to {LATEST.isoformat()}"


def checked(day: dt.date) -> dt.date:
    if not EARLIEST <= day <= LATEST:
        raise InputError("date", f"must be {RANGE} (got {day.isoformat()})")
    return day


def day_or_today(day: dt.date | None) -> dt.date:
    """The day asked about, or today in the server's time zone."""
    return checked(day) if day is not None else timezone.localdate()
