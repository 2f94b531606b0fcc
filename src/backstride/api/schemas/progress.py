"""What runners.reports.progress_view returns: pain, Oswestry, endurance, adherence, running, training load."""

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


class LoadWeekOut(Out):
    """One program week of core.tracking.load: running against the plan's cap, the two-week change, session load."""

    week: int
    km: Number
    distance: str
    minutes: Number
    km_cap: Number | None  # None where the plan sets no distance cap that week
    cap_distance: str | None
    minutes_cap: Number | None  # None where the plan sets no time cap (only walk-run weeks set one)
    over_cap: bool
    change_km: Number | None  # this week against two weeks earlier, as a fraction; None before week 3 or from 0
    change_minutes: Number | None
    change_km_percent: int | None
    change_minutes_percent: int | None
    flag: bool  # distance or time up more than 30 % over two weeks (Nielsen et al. 2014)
    run_load: Number  # effort × minutes of the runs that were rated (walks are not counted)
    trunk_load: Number
    load: Number
    sessions: int
    unrated: int  # sessions without an effort: left out of the load, not given a value


class AcwrDayOut(Out):
    date: dt.date
    acute: Number
    chronic: Number
    ratio: Number | None  # None when the last 28 days hold no rated load
    in_band: bool | None


class AcwrLatestOut(AcwrDayOut):
    unrated: int  # sessions of the last 28 days without an effort


class AcwrOut(Out):
    """Advice only: the 0.8-1.3 band (Gabbett 2016) is criticised as a statistical artefact (Lolli 2019)."""

    variant: str  # rolling_averages_coupled
    band: list[Number]
    acute_days: int
    chronic_days: int
    available_from: dt.date  # the first day with 28 days of history
    days: list[AcwrDayOut]  # the last 28 days by day, once available
    latest: AcwrLatestOut | None


class LoadOut(Out):
    weeks: list[LoadWeekOut]
    flag_above: Number
    latest_jump: dict[str, Any] | None  # the week whose two-week change passes 30 % now, as the roster flags it
    unrated: int
    acwr: AcwrOut


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
    load: LoadOut | None = None  # absent from a view cached before it was added
    episodes: list[EpisodeOut]
