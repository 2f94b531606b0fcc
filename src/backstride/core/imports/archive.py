"""Reading activities out of a zip (Strava and Garmin exports, or any zip of activity files) without unpacking it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import posixpath
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from typing import BinaryIO

from . import limits, strava
from .files import format_of, read_bytes
from .model import Activity, Problem, category_of, normalize_sport

Progress = Callable[[int, int], None]


@dataclasses.dataclass
class _Run:
    """What one archive read keeps track of across nested archives."""

    now: dt.datetime
    progress: Progress | None
    bytes_left: int
    done: int = 0
    total: int = 0

    def add(self, count: int) -> None:
        self.total += count

    def step(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)


class _Stop(Exception):
    """The archive as a whole is refused; the message says why."""


def read_archive(
    name: str, fileobj: BinaryIO, *, now: dt.datetime | None = None, progress: Progress | None = None
) -> Iterator[Activity | Problem]:
    """Yield the activities and problems of each activity file in a zip, one entry at a time.

    `progress` is called with (done, total) after each entry; the total grows when a nested archive is opened.
    """
    run = _Run(now=now or dt.datetime.now(dt.UTC), progress=progress, bytes_left=limits.MAX_TOTAL_BYTES)
    try:
        archive = zipfile.ZipFile(fileobj)
    except Exception:  # whatever zipfile makes of a damaged or foreign file, it is not an archive to read
        yield Problem(name, "not a readable zip archive")
        return
    with archive:
        try:
            yield from _read_zip(name, archive, 0, run)
        except _Stop as stop:
            yield Problem(name, str(stop))


def _read_zip(label: str, archive: zipfile.ZipFile, depth: int, run: _Run) -> Iterator[Activity | Problem]:
    entries = archive.infolist()
    if len(entries) > limits.MAX_ARCHIVE_ENTRIES:
        yield Problem(label, f"archive has more than {limits.MAX_ARCHIVE_ENTRIES:,} entries")
        return
    wanted = [info for info in entries if _is_wanted(info)]
    if not wanted:
        yield Problem(label, "no FIT, GPX or TCX files in this archive")
        return
    sports: dict[str, str] = {}
    listing = strava.find_activity_list(archive) if depth == 0 else None
    if listing is not None:
        try:
            sports = strava.sports_by_file(archive, listing)
        except Exception:  # a damaged list only costs the sports it would have named
            yield Problem(f"{label}:{listing.filename}", "the activity list could not be read")
    run.add(len(wanted))
    for info in wanted:
        yield from _read_entry(label, archive, info, depth, run, sports.get(info.filename))
        run.step()


def _read_entry(
    label: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, depth: int, run: _Run, listed_sport: str | None
) -> Iterator[Activity | Problem]:
    member = f"{label}:{info.filename}"
    nested = _is_zip(info)
    limit = limits.MAX_NESTED_ARCHIVE_BYTES if nested else limits.MAX_FILE_BYTES
    reason = _unsafe_reason(info) or _size_reason(info, limit)
    if reason is None and nested and depth >= limits.MAX_NESTING:
        reason = "an archive inside an archive inside an archive is not read"
    if reason:
        yield Problem(member, reason)
        return
    if info.file_size > run.bytes_left:
        raise _Stop(f"archive holds more than {limits.size_words(limits.MAX_TOTAL_BYTES)} of activity files")
    try:
        with archive.open(info) as stream:
            data = limits.read_at_most(stream, limit)
    except limits.TooLarge:
        yield Problem(member, f"entry larger than {limits.size_words(limit)}")
        return
    except RuntimeError:  # zipfile's way of saying the entry is encrypted
        yield Problem(member, "the entry is password-protected")
        return
    except Exception:  # a bad checksum, damaged compressed data, an unsupported compression method...
        yield Problem(member, "the entry is damaged in the archive")
        return
    run.bytes_left -= len(data)
    if nested:
        yield from _read_nested(member, data, depth, run)
        return
    items = read_bytes(member, data, now=run.now)
    if listed_sport and len(items) == 1 and isinstance(items[0], Activity):
        sport = normalize_sport(listed_sport)
        items = [dataclasses.replace(items[0], sport=sport, category=category_of(sport))]
    yield from items


def _read_nested(member: str, data: bytes, depth: int, run: _Run) -> Iterator[Activity | Problem]:
    try:
        nested = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # as for the outer archive: damaged means unreadable
        yield Problem(member, "not a readable zip archive")
        return
    with nested:
        yield from _read_zip(member, nested, depth + 1, run)


def _is_wanted(info: zipfile.ZipInfo) -> bool:
    """Activity files and nested zips, leaving out the copies of file details a Mac adds ("__MACOSX/._run.fit")."""
    path = info.filename
    if info.is_dir() or path.startswith("__MACOSX/") or posixpath.basename(path).startswith("._"):
        return False
    return _is_zip(info) or format_of(path)[0] is not None


def _is_zip(info: zipfile.ZipInfo) -> bool:
    return info.filename.lower().endswith(".zip")


def _unsafe_reason(info: zipfile.ZipInfo) -> str | None:
    """Entries are never written to disk here, but a path built to escape a folder means the archive is not honest."""
    path = info.filename
    parts = re.split(r"[\\/]", path)
    if path.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", path) or ".." in parts:
        return "unsafe path in archive"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "a link, not a file, in the archive"
    return None


def _size_reason(info: zipfile.ZipInfo, limit: int) -> str | None:
    if info.file_size > limit:
        return f"entry larger than {limits.size_words(limit)}"
    ratio_limit = limits.MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
    if info.file_size >= limits.RATIO_CHECK_FROM_BYTES and info.file_size > ratio_limit:
        return "entry shrinks too much when compressed (a zip bomb)"
    return None
