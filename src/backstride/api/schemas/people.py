"""Who is calling, and the runners a clinician looks after."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .common import Number, Out


class PlanDatesOut(Out):
    start_date: dt.date
    end_date: dt.date


class MyRunnerOut(Out):
    id: int
    name: str
    units: str
    plan: PlanDatesOut | None  # None while a referral holds the program back


class MeOut(Out):
    username: str
    role: Literal["runner", "clinician"] | None
    runner: MyRunnerOut | None


class TwoWeekChangeOut(Out):
    """Running this plan week against two weeks before: 0.4 is 40 % more (null when that week had none)."""

    week: int
    change_km: Number | None
    change_minutes: Number | None


class AttentionOut(Out):
    """Worked out when the runner last logged, so listing runners only reads."""

    red_flag: str | None
    flare_up: dt.date | None
    pain_rising: bool
    load_jump: bool = False  # running up more than 30 % over two weeks (Nielsen et al. 2014)
    two_week_change: TwoWeekChangeOut | None = None  # the week that was flagged, and by how much
    sessions_missed: int
    outcome_due: list[str]
    last_log: dt.date | None
    mean_morning_pain: Number | None
    paused_because: str | None = None  # red_flag, leg_symptoms or pain_not_settling, while paused
    startback_risk: str | None = None  # low, medium or high, from the latest assessment


class ClinicRunnerOut(Out):
    id: int
    name: str
    state_as_of: dt.date | None
    attention: AttentionOut | None  # None until the runner has a plan
