"""An activity from a GPX file: all its tracks together are one recording."""

from __future__ import annotations

import gpxpy

from .limits import MIN_TIMED_SHARE
from .model import Activity, Source, Unreadable, as_utc, make_activity

# GPX has no required sport. Files without one come from running apps and watches exporting a run far more often
# than from anything else, and this program only asks runners for their files, so an unnamed track counts as a run.
DEFAULT_SPORT = "running"


def read_gpx(data: bytes, source: Source) -> list[Activity]:
    gpx = gpxpy.parse(_text(data))
    points = [point for track in gpx.tracks for segment in track.segments for point in segment.points]
    if not points:
        raise Unreadable("a planned route, not a recorded activity" if gpx.routes else "no track with times")
    times = [point.time for point in points if point.time is not None]
    if not times:
        raise Unreadable("no track with times")
    if len(times) < MIN_TIMED_SHARE * len(points):
        raise Unreadable("most points of the track have no time")
    start, end = as_utc(times[0]), as_utc(times[-1])
    moving = gpx.get_moving_data()
    has_elevation = any(point.elevation is not None for point in points)
    sport = next((track.type for track in gpx.tracks if track.type and track.type.strip()), DEFAULT_SPORT)
    return [
        make_activity(
            source,
            start,
            sport,
            distance_m=gpx.length_2d(),
            moving_s=moving.moving_time if moving else None,
            elapsed_s=(end - start).total_seconds(),
            ascent_m=gpx.get_uphill_downhill().uphill if has_elevation else None,
            avg_hr=_average_heart_rate(points),
        )
    ]


def _text(data: bytes) -> str:
    """The file as text: UTF-8 (byte-order mark or not) as GPX asks, or Latin-1 as some old exporters wrote."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _average_heart_rate(points) -> float | None:
    """The mean of the heart rates that Garmin-style point extensions (<hr>) carry, if any."""
    total = count = 0
    for point in points:
        for extension in point.extensions:
            for element in extension.iter():
                tag = element.tag if isinstance(element.tag, str) else ""
                if (tag == "hr" or tag.endswith(("}hr", ":hr"))) and element.text:
                    try:
                        total += float(element.text)
                        count += 1
                    except ValueError:
                        pass
    return total / count if count else None
