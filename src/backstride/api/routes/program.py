"""The runner's own program: today, the plan with its changes, progress (runners.reports)."""

from __future__ import annotations

import datetime as dt

from ninja import Query, Router

from backstride.runners.reports import plan_view, progress_view, today_view

from ..access import own_runner
from ..dates import RANGE, day_or_today
from ..errors import PROGRAM
from ..schemas.progress import ProgressOut
from ..schemas.reports import PlanOut, TodayOut

router = Router(tags=["program"])

DAY = Query(None, description=f"the day, YYYY-MM-DD, {RANGE} (default: today)")


@router.get("/today", response={200: TodayOut} | PROGRAM, exclude_unset=True)
def today(request, date: dt.date | None = DAY):
    """What to do today: the session with its doses, running, check-ins and what changed."""
    return today_view(own_runner(request), day_or_today(date))


@router.get("/plan", response={200: PlanOut} | PROGRAM, exclude_unset=True)
def plan(request, date: dt.date | None = DAY):
    """The plan as built, the coming week as adapted, and every change with its reason."""
    return plan_view(own_runner(request), day_or_today(date))


@router.get("/progress", response={200: ProgressOut} | PROGRAM, exclude_unset=True, by_alias=True)
def progress(request, date: dt.date | None = DAY):
    """Pain trend, Oswestry, endurance, adherence and running volume up to the day."""
    return progress_view(own_runner(request), day_or_today(date))
