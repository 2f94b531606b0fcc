"""Real recordings moved to a chosen day, for tests whose runs must fall inside a runner's plan."""

import datetime as dt
from pathlib import Path

GPX = Path(__file__).resolve().parent / "data" / "runs" / "gpx"
# each file's own first day, which is replaced (the few points after midnight keep their next day)
FIRST_DAYS = {"cerknicko-jezero.gpx": "2010-08-05T", "korita-zbevnica.gpx": "2010-10-03T"}


def gpx_on(day: dt.date, name: str = "cerknicko-jezero.gpx") -> bytes:
    """The real GPX recording as if it had been run on `day` (4.58 km for the lake loop, 14.91 km for the other)."""
    return (GPX / name).read_text().replace(FIRST_DAYS[name], day.isoformat() + "T").encode()
