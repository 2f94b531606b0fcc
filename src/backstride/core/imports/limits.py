"""How much an import will read before it gives up, and the helpers that read no further than that."""

from __future__ import annotations

import datetime as dt
import zlib
from typing import BinaryIO

from .model import Unreadable

MB = 1024 * 1024

# A day-long ultra recorded every second is about 10 MB as FIT and 30 MB as GPX; 50 MB leaves room for that.
MAX_FILE_BYTES = 50 * MB
# Ten years of daily runs plus the photos and extra files an export carries stay well below this.
MAX_ARCHIVE_ENTRIES = 20_000
# The activity files of the largest exports seen add up to a few hundred MB; more than this is not a real export.
MAX_TOTAL_BYTES = 2 * 1024 * MB
# Garmin splits its uploaded files into parts held in memory one at a time; a part bigger than this is refused.
MAX_NESTED_ARCHIVE_BYTES = 1024 * MB
# Activity files shrink 3-20 times in a zip; a thousandfold shrink is a zip bomb, not a run.
MAX_COMPRESSION_RATIO = 100
# Below this size an entry cannot hurt whatever its ratio, and tiny files can compress oddly well.
RATIO_CHECK_FROM_BYTES = 1 * MB
# Garmin exports hold zips of uploaded files; a zip inside one of those is never part of an export.
MAX_NESTING = 1
# FIT's own clock starts on 1989-12-31, and no watch recorded runs before then.
EARLIEST_START = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
# Device clocks and time zones can be off by hours, not by days.
FUTURE_SLACK = dt.timedelta(days=1)
# A GPX track where most points carry no time cannot tell how long the distance took.
MIN_TIMED_SHARE = 0.5

CHUNK = 1 * MB


class TooLarge(Exception):
    """More bytes than a limit allows."""


def size_words(limit: int) -> str:
    if limit < MB:
        return f"{limit:,} bytes"
    return f"{limit // MB} MB" if limit < 1024 * MB else f"{limit // (1024 * MB)} GB"


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Read the whole stream in chunks, stopping with TooLarge once it passes `limit` bytes."""
    parts, size = [], 0
    while True:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise TooLarge


def gunzip_at_most(data: bytes, limit: int) -> bytes:
    """Undo gzip, stopping at `limit` bytes of output so that a gzip bomb never unpacks in full."""
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = unpacker.decompress(data, limit + 1)
    except zlib.error as exc:
        raise Unreadable("the gzip wrapping is damaged") from exc
    if len(out) > limit:
        raise TooLarge
    if not unpacker.eof:
        raise Unreadable("the file is cut short")
    return out


def plausible_start_reason(start: dt.datetime, now: dt.datetime) -> str | None:
    if start < EARLIEST_START or start > now + FUTURE_SLACK:
        return f"start time {start.date().isoformat()} is not plausible"
    return None
