"""The runner's own program: today, the plan with its changes, progress (runners.reports)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from django.core.cache import cache
from django.http import HttpResponse
from ninja import Query, Router
from ninja.responses import NinjaJSONEncoder

from backstride.runners.reports import VIEW_SECONDS, plan_view, progress_view, today_view, view_key

from ..access import own_runner
from ..dates import RANGE, day_or_today
from ..errors import PROGRAM
from ..schemas.progress import ProgressOut
from ..schemas.reports import CHANGES_PAGE, PLAN_CHANGES, PlanChangesOut, PlanOut, TodayOut

router = Router(tags=["program"])

DAY = Query(None, description=f"the day, YYYY-MM-DD, {RANGE} (default: today)")


@router.get("/today", response={200: TodayOut} | PROGRAM, exclude_unset=True)
def today(request, date: dt.date | None = DAY):
    """What to do today: the session with its doses, running, check-ins and what changed."""
    return _cached_json("today", own_runner(request), day_or_today(date), today_view, TodayOut)


@router.get("/plan", response={200: PlanOut} | PROGRAM, exclude_unset=True)
def plan(request, date: dt.date | None = DAY):
    """The plan as built, the coming week as adapted, and the latest changes with their reasons."""
    return _cached_json("plan", own_runner(request), day_or_today(date), plan_with_latest_changes, PlanOut)


def plan_with_latest_changes(runner, day: dt.date) -> dict:
    """The plan with its latest changes: a year of them would make every read of the plan heavy."""
    view = plan_view(runner, day)
    return view | {"changes": view["changes"][:PLAN_CHANGES], "changes_total": len(view["changes"])}


PAGE = Query(1, ge=1, le=10_000, description="the page, from 1 (the newest changes)")


def changes_page(runner, day: dt.date, page: int) -> dict:
    changes = plan_view(runner, day)["changes"]
    pages = max(-(-len(changes) // CHANGES_PAGE), 1)
    first = (page - 1) * CHANGES_PAGE
    return {"page": page, "pages": pages, "total": len(changes), "changes": changes[first : first + CHANGES_PAGE]}


@router.get("/plan/changes", response={200: PlanChangesOut} | PROGRAM)
def plan_changes(request, page: int = PAGE, date: dt.date | None = DAY):
    """Every change to the plan with its reason, newest first, a page at a time."""
    return changes_page(own_runner(request), day_or_today(date), page)


@router.get("/progress", response={200: ProgressOut} | PROGRAM, exclude_unset=True, by_alias=True)
def progress(request, date: dt.date | None = DAY):
    """Pain trend, Oswestry, endurance, adherence and running volume up to the day."""
    return _cached_json("progress", own_runner(request), day_or_today(date), progress_view, ProgressOut, by_alias=True)


PDF = {
    "description": "The program as a PDF to print: summary, 8-week checklist, exercise cards, maintenance, safety.",
    "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
}


@router.get("/plan/pdf", response=PROGRAM, openapi_extra={"responses": {200: PDF}})
def plan_pdf(
    request,
    size: Literal["a4", "letter"] = Query("a4", description="the paper size: a4 or letter"),
    date: dt.date | None = DAY,
):
    """The whole program as a PDF to print or keep, on A4 or US Letter paper."""
    from backstride.pages.program_pdf import program_pdf

    body = program_pdf(own_runner(request), day_or_today(date), size)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="backstride-program-{size}.pdf"'
    return response


def _cached_json(kind: str, runner, day: dt.date, view, schema, by_alias: bool = False) -> HttpResponse:
    """The response body as the schema shapes it, kept in the shared cache beside the view itself.

    Checking and shaping a whole plan through its schema costs more than reading it, so a
    runner's repeated reads of one version are served as the bytes sent the first time.
    """
    key = view_key(f"{kind}.json", runner, day)
    body = cache.get(key)
    if body is None:
        data = schema.model_validate(view(runner, day)).model_dump(exclude_unset=True, by_alias=by_alias)
        body = json.dumps(data, cls=NinjaJSONEncoder).encode()
        cache.set(key, body, VIEW_SECONDS)
    return HttpResponse(body, content_type="application/json; charset=utf-8")
