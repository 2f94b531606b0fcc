"""Reading one activity file: which format it is, whether its content agrees, and never an exception out."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import fitdecode
import gpxpy.gpx

from . import limits
from .fit import read_fit
from .gpx import read_gpx
from .model import Activity, Problem, Source, Unreadable, as_utc
from .tcx import read_tcx

log = logging.getLogger(__name__)

READERS: dict[str, Callable[[bytes, Source], list[Activity]]] = {"fit": read_fit, "gpx": read_gpx, "tcx": read_tcx}
XML_ROOTS = {"gpx": "gpx", "trainingcenterdatabase": "tcx"}
NOT_AN_ACTIVITY_FILE = "not a FIT, GPX or TCX file"

_FIRST_TAG = re.compile(rb"<\s*(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def format_of(name: str) -> tuple[str | None, bool]:
    """The format a file name promises ("fit", "gpx", "tcx" or None) and whether it is gzipped."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    if gzipped:
        lower = lower[:-3]
    suffix = lower.rpartition(".")[2] if "." in lower else ""
    return (suffix if suffix in READERS else None), gzipped


def sniff(data: bytes) -> str | None:
    """The format the bytes hold, judged from the FIT header or the XML root element."""
    if len(data) >= 12 and data[8:12] == b".FIT":
        return "fit"
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    # "<?xml", "<!--" and "<!DOCTYPE" do not match, so the first match is the root element
    match = _FIRST_TAG.search(head)
    return XML_ROOTS.get(match.group(1).decode("ascii", "replace").lower()) if match else None


def read_bytes(name: str, data: bytes, *, now: dt.datetime | None = None) -> list[Activity | Problem]:
    """Read one file into activities, or a single problem that says why it was not read."""
    try:
        return _read(name, data, as_utc(now) if now else dt.datetime.now(dt.UTC))
    except Unreadable as exc:
        return [Problem(name, str(exc))]
    except limits.TooLarge:
        return [Problem(name, f"file larger than {limits.size_words(limits.MAX_FILE_BYTES)}")]


def _read(name: str, data: bytes, now: dt.datetime) -> list[Activity | Problem]:
    kind, gzipped = format_of(name)
    if kind is None:
        raise Unreadable(NOT_AN_ACTIVITY_FILE)
    if len(data) > limits.MAX_FILE_BYTES:
        raise limits.TooLarge
    if gzipped:
        if not data:
            raise Unreadable("the file is empty")
        data = limits.gunzip_at_most(data, limits.MAX_FILE_BYTES)
    if not data or data.isspace():
        raise Unreadable("the file is empty")
    found = sniff(data)
    if found != kind:
        held = f"holds a {found.upper()} file" if found else f"is not a {kind.upper()} file"
        raise Unreadable(f"named .{kind} but {held}")
    if kind != "fit" and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):
        # entities can make a small XML file expand without end; activity files never declare any
        raise Unreadable("the file uses XML features activity files never use")
    source = Source(name=name, format=kind, sha256=hashlib.sha256(data).hexdigest())
    try:
        activities = READERS[kind](data, source)
    except Unreadable:
        raise
    except Exception as exc:  # any failure of a parser on a runner's file is that file's problem, not the import's
        log.debug("could not read %s", name, exc_info=True)
        raise Unreadable(_reason_for(exc)) from exc
    if not activities:
        raise Unreadable("no activity in this file")
    results: list[Activity | Problem] = []
    for activity in activities:
        reason = limits.plausible_start_reason(activity.start, now)
        results.append(Problem(name, reason) if reason else activity)
    return results


def _reason_for(exc: Exception) -> str:
    if isinstance(exc, fitdecode.FitEOFError | EOFError):
        return "the file is cut short"
    if isinstance(exc, fitdecode.FitError):
        return "the file is damaged"
    if isinstance(exc, ET.ParseError | gpxpy.gpx.GPXXMLSyntaxException):
        return "the file is cut short or damaged (its XML does not parse)"
    if isinstance(exc, MemoryError):
        return "the file is too big to read"
    return "the file is damaged or in a form that cannot be read"
