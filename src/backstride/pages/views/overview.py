"""Progress with charts, and the plan as a calendar with what changed and why."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from backstride.accounts.roles import runner_required
from backstride.core.calendar import DAYS
from backstride.runners.reports import changes_by_day, plan_view, progress_view

from .today import no_plan
from .util import day_from


@runner_required
@require_GET
def progress(request):
    from ..charts import progress_charts

    if not request.runner.has_plan:
        return no_plan(request)
    view = progress_view(request.runner, day_from(request))
    charts = {name: mark_safe(markup) for name, markup in progress_charts(view).items()}
    return render(request, "pages/progress.html", {"view": view, "charts": charts, "nav": "progress"})


def calendar_weeks(view: dict) -> list[dict]:
    """Each plan week as seven days, with the session and runs that fall on each."""
    weeks = []
    for week in view["weeks"]:
        start = dt.date.fromisoformat(week["start_date"])
        days = []
        for n in range(7):
            date = start + dt.timedelta(days=n)
            iso = date.isoformat()
            session = next((s for s in week["sessions"] if s["planned"]["date"] == iso), None)
            runs = [r for r in week["running"]["runs"] if r["date"] == iso]
            days.append({"date": date, "day": DAYS[date.weekday()], "session": session, "runs": runs})
        weeks.append(week | {"days": days})
    return weeks


CHANGES_SHOWN = 60  # the latest; the clinician's record and the API have them all


@runner_required
@require_GET
def plan(request):
    if not request.runner.has_plan:
        return no_plan(request)
    day = day_from(request)
    view = plan_view(request.runner, day)
    changes = changes_by_day(view["changes"][:CHANGES_SHOWN])  # newest first
    return render(
        request,
        "pages/plan.html",
        {
            "view": view,
            "weeks": calendar_weeks(view),
            "changes": changes,
            "today": day,
            "nav": "plan",
        },
    )
