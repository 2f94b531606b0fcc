"""A clinician's clearance of a runner's referral."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .common import Out, ReferralOut

NOTE_MAX = 500  # as on the clinic's web form


class ClearanceIn(BaseModel):
    """What you found, which the runner sees with your name, and the day you cleared it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    note: Annotated[str, Field(min_length=1, max_length=NOTE_MAX)]
    date: dt.date | None = None  # default: today; never before the pause it answers


class ClearanceOut(Out):
    runner_id: int
    date: dt.date
    cleared_by: str
    note: str
    paused: ReferralOut | None  # None once the program resumes
