"""Shapes shared by several responses: decisions, episodes, nudges, a referral pause."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema
from pydantic import ConfigDict, Field

Number = int | float  # a whole number stays whole in the JSON


class Out(Schema):
    """A response object: the fields listed are always there, and the core may add more."""

    model_config = ConfigDict(extra="allow")


class DecisionOut(Out):
    date: dt.date
    target: str
    kind: str
    reason: str
    details: dict[str, Any] = Field(default_factory=dict)  # absent where stored decisions are listed


class PlanChangeOut(DecisionOut):
    """A decision as "what changed and why" lists it."""

    by_clinician: bool = False  # made by the runner's clinician (a plan adjustment), not by the program's rules


NEWEST_FIRST = "Newest first (by day, and within a day the latest made first)."


class EpisodeOut(Out):
    kind: str
    start: dt.date
    end: dt.date | None
    reason: str
    details: dict[str, Any]


class NudgeOut(Out):
    date: dt.date
    kind: str
    message: str


class ReferralOut(Out):
    """The program is paused until a clinician has seen the runner."""

    date: dt.date
    status: str
    message: str
    reasons: list[str]
    cause: str = "red_flag"  # red_flag, leg_symptoms or pain_not_settling
