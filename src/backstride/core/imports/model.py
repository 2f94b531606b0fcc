"""What an import produces: an activity read from a file, or a problem that says why a file was not read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Sports as files and services spell them, after `normalize_sport`. Treadmill and virtual runs still load the back
# like a run does, so they count as runs; hiking is walking with a pack and hills.
RUN_SPORTS = frozenset(
    {
        "running",
        "run",
        "trail_running",
        "trail_run",
        "treadmill",
        "treadmill_running",
        "virtual_running",
        "virtual_run",
        "indoor_running",
        "track_running",
        "street_running",
    }
)
WALK_SPORTS = frozenset({"walking", "walk", "hiking", "hike", "casual_walking", "speed_walking", "indoor_walking"})


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # the file name, or "archive.zip:activities/123.fit" for a member of an archive
    format: str  # "fit", "gpx" or "tcx"
    sha256: str  # of the file's bytes after any gzip is undone, so a re-upload is recognised


@dataclass(frozen=True, slots=True)
class Activity:
    start: dt.datetime  # timezone-aware, UTC
    sport: str  # as the file (or the export's list) names it, lower case
    category: str  # "run", "walk" or "other"
    distance_m: float | None
    moving_s: float | None
    elapsed_s: float | None
    ascent_m: float | None
    avg_hr: int | None
    source: Source


@dataclass(frozen=True, slots=True)
class Problem:
    name: str
    reason: str  # short and plain, for the runner to read


class Unreadable(Exception):
    """A reader found the file unusable; the message is the reason shown to the runner."""


def normalize_sport(raw: str) -> str:
    """Lower case with underscores: "TrailRun", "Trail Run" and "trail-run" all become "trail_run"."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", raw.strip())
    return re.sub(r"[\s\-]+", "_", spaced).lower()


def category_of(sport: str) -> str:
    if sport in RUN_SPORTS:
        return "run"
    if sport in WALK_SPORTS:
        return "walk"
    return "other"


def as_utc(moment: dt.datetime) -> dt.datetime:
    # files without a zone mean UTC: GPX and TCX define their times that way
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def make_activity(
    source: Source,
    start: dt.datetime,
    sport: str,
    *,
    distance_m: float | None = None,
    moving_s: float | None = None,
    elapsed_s: float | None = None,
    ascent_m: float | None = None,
    avg_hr: float | None = None,
) -> Activity:
    sport = normalize_sport(sport) or "unknown"
    return Activity(
        start=as_utc(start),
        sport=sport,
        category=category_of(sport),
        distance_m=_amount(distance_m),
        moving_s=_amount(moving_s),
        elapsed_s=_amount(elapsed_s),
        ascent_m=_amount(ascent_m),
        avg_hr=round(avg_hr) if _amount(avg_hr) else None,
        source=source,
    )


def _amount(value: float | None) -> float | None:
    """A figure from a file, or None when it is missing, negative or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number != number or number < 0 or number == float("inf"):
        return None
    return number
