"""What runners.reports.progress_view returns: pain, Oswestry, endurance, adherence, running."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ConfigDict, Field

from .common import EpisodeOut, Number, Out


class ChangeOut(Out):
    """A before-and-after with a verdict; `from` is a Python keyword, hence the alias."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    from_: Number | None = Field(alias="from")
    to: Number | None
    verdict: str


class PainWeekOut(Out):
    week: int
    mean_morning_pain: Number
    checkins: int


class OdiOut(Out):
    date: dt.date
    percent: Number | None
    source: str


class AdherenceWeekOut(Out):
    week: int
    sessions: int
    planned: int


class AdherenceOut(Out):
    weeks: list[AdherenceWeekOut]
    weeks_in_a_row: int
    sessions_total: int


class RunningWeekOut(Out):
    week: int
    km: Number
    distance: str  # the same distance in the runner's units, for display ("12.0 km", "7.5 mi")
    minutes: Number
    trunk_load: Number
    two_week_change: Number | None = None
    two_week_flag: bool | None = None


class EnduranceOut(Out):
    date: dt.date
    flexor_seconds: Number
    extensor_seconds: Number
    side_right_seconds: Number
    side_left_seconds: Number
    ratios: dict[str, Any]


class PsfsOut(Out):
    date: dt.date
    activities: dict[str, Number]


class ProgressOut(Out):
    runner: str
    date: dt.date
    units: str
    pain_trend: list[PainWeekOut]
    pain_change: ChangeOut | None
    odi: list[OdiOut]
    odi_change: ChangeOut | None
    endurance: list[EnduranceOut]
    psfs: list[PsfsOut]
    adherence: AdherenceOut
    running: list[RunningWeekOut]
    episodes: list[EpisodeOut]
