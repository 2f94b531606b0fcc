"""Importing recorded runs from FIT, GPX and TCX files and from Strava and Garmin export archives.

Pure Python: no Django here. Every file a runner gives becomes activities or a problem with a plain reason;
bad input never raises.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

from . import limits
from .archive import Progress, read_archive
from .files import read_bytes
from .model import Activity, Problem, Source

__all__ = ["Activity", "Problem", "Progress", "Source", "read_archive", "read_bytes", "read_path"]

ZIP_MAGIC = b"PK\x03\x04"


def read_path(
    path: str | os.PathLike, *, now: dt.datetime | None = None, progress: Progress | None = None
) -> Iterator[Activity | Problem]:
    """Read a zip archive or a single activity file from disk."""
    name = os.path.basename(os.fspath(path))
    try:
        stream = open(path, "rb")  # noqa: SIM115 - held open while the generator yields
    except OSError:
        yield Problem(name, "the file could not be opened")
        return
    with stream:
        if name.lower().endswith(".zip") or stream.read(4) == ZIP_MAGIC:
            stream.seek(0)
            yield from read_archive(name, stream, now=now, progress=progress)
            return
        stream.seek(0)
        try:
            data = limits.read_at_most(stream, limits.MAX_FILE_BYTES)
        except limits.TooLarge:
            items: list[Activity | Problem] = [
                Problem(name, f"file larger than {limits.size_words(limits.MAX_FILE_BYTES)}")
            ]
        except OSError:
            items = [Problem(name, "the file could not be read")]
        else:
            items = read_bytes(name, data, now=now)
        if progress:
            progress(1, 1)
        yield from items
