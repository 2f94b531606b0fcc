"""An activity from a TCX file (Garmin Training Center, and many apps' exports)."""

from __future__ import annotations

import io

from tcxreader.tcxreader import TCXReader

from .model import Activity, Source, Unreadable, make_activity


def read_tcx(data: bytes, source: Source) -> list[Activity]:
    # only_gps=False keeps treadmill and indoor points that carry no position
    exercise = TCXReader().read(io.BytesIO(data), only_gps=False)
    if exercise.start_time is None or not exercise.trackpoints:
        raise Unreadable("no track with times")
    # each lap's own span adds up to the time spent moving, leaving out pauses between laps
    lap_spans = [lap.duration for lap in exercise.laps if lap.duration is not None]
    has_elevation = any(point.elevation is not None for point in exercise.trackpoints)
    return [
        make_activity(
            source,
            exercise.start_time,
            exercise.activity_type or "other",
            distance_m=exercise.distance,
            moving_s=sum(lap_spans) if lap_spans else None,
            elapsed_s=exercise.duration,
            ascent_m=exercise.ascent if has_elevation else None,
            avg_hr=exercise.hr_avg,
        )
    ]
