"""Progress with charts, and the plan as a calendar with what changed and why."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from backstride.accounts.roles import runner_required
from backstride.core.calendar import DAYS
from backstride.runners.reports import changes_by_day, plan_view, progress_view

from .plan_summary import assessment_summary, has_logs
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


def calendar_weeks(view: dict, today: dt.date) -> list[dict]:
    """Each plan week as seven days, with the session and runs that fall on each; this week's is open."""
    # from the day of a pause on, nothing is due until a clinician clears it: only what was logged shows
    paused_from = dt.date.fromisoformat(view["paused"]["date"]) if view.get("paused") else None
    weeks = []
    for week in view["weeks"]:
        start = dt.date.fromisoformat(week["start_date"])
        days = []
        for n in range(7):
            date = start + dt.timedelta(days=n)
            iso = date.isoformat()
            session = next((s for s in week["sessions"] if s["planned"]["date"] == iso), None)
            runs = [r for r in week["running"]["runs"] if r["date"] == iso]
            if paused_from is not None and date >= paused_from:
                session = session if session and session["logged_on"] else None
                runs = []
            days.append({"date": date, "day": DAYS[date.weekday()], "session": session, "runs": runs})
        weeks.append(week | {"days": days, "current": False, "past": dt.date.fromisoformat(week["end_date"]) < today})
    current = current_week(weeks, today)
    if current is not None:
        current["current"] = True
    return weeks


def current_week(weeks: list[dict], today: dt.date) -> dict | None:
    """The week the day falls in; the first before the start; none once the 8 weeks are over."""
    if not weeks or today > dt.date.fromisoformat(weeks[-1]["end_date"]):
        return None
    return next((w for w in weeks if today <= dt.date.fromisoformat(w["end_date"])), None)


CHANGES_SHOWN = 60  # the latest; the clinician's record and the API's /plan/changes have them all


@runner_required
@require_GET
def plan(request):
    if not request.runner.has_plan:
        return no_plan(request)
    day = day_from(request)
    view = plan_view(request.runner, day)
    changes = changes_by_day(view["changes"][:CHANGES_SHOWN])  # newest first
    weeks = calendar_weeks(view, day)
    summary = None
    if not has_logs(request.runner):
        summary = assessment_summary(request.runner.current_plan, view, day)
    return render(
        request,
        "pages/plan.html",
        {
            "view": view,
            "weeks": weeks,
            "this_week": next((w for w in weeks if w["current"]), None),
            "summary": summary,
            "maintenance_days": [
                s | {"day_date": dt.date.fromisoformat(s["date"])} for s in view.get("maintenance_sessions", [])
            ],
            "changes": changes,
            "today": day,
            "nav": "plan",
        },
    )
