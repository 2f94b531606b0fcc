"""A clinician's view of the runners linked to them (clinic.models.CareLink); nobody else's."""

from __future__ import annotations

import datetime as dt

from ninja import Path, Router, Status

from backstride.core.validation import validate
from backstride.runners.models import Runner
from backstride.runners.reports import progress_view, today_view

from ..access import clinic_runner, own_clinician, runner_to_change
from ..bodies import body_schema, parsed
from ..dates import day_or_today
from ..errors import PROGRAM, Message, Problems
from ..schemas.clearance import ClearanceIn, ClearanceOut
from ..schemas.people import ClinicRunnerOut
from ..schemas.progress import ProgressOut
from ..schemas.reports import PlanChangesOut, PlanOut, TodayOut
from .program import DAY, PAGE, changes_page, plan_with_latest_changes

router = Router(tags=["clinic"])

RUNNER_ID = Path(..., ge=1, le=2**63 - 1, description="the runner's id, as /clinic/runners lists it")


@router.get("/clinic/runners", response={200: list[ClinicRunnerOut], 401: Message, 403: Message})
def list_runners(request):
    """The linked runners with the attention flags stored at their last log (listing never recomputes)."""
    from backstride.clinic.services import RUNNERS_LISTED, audit

    clinician = own_clinician(request)
    runners = Runner.objects.filter(care_links__clinician=clinician).order_by("name", "id")
    audit(request.auth, None, RUNNERS_LISTED, via="api")
    return [
        {
            "id": r.pk,
            "name": r.name,
            "state_as_of": r.state_as_of,
            "attention": (r.state or {}).get("attention"),
        }
        for r in runners
    ]


@router.get("/clinic/runners/{runner_id}/today", response={200: TodayOut} | PROGRAM, exclude_unset=True)
def runner_today(request, runner_id: int = RUNNER_ID, date: dt.date | None = DAY):
    """The runner's day, as they see it."""
    return today_view(_viewed(request, runner_id, "today"), day_or_today(date))


@router.get("/clinic/runners/{runner_id}/plan", response={200: PlanOut} | PROGRAM, exclude_unset=True)
def runner_plan(request, runner_id: int = RUNNER_ID, date: dt.date | None = DAY):
    """The runner's plan with the latest changes and their reasons."""
    return plan_with_latest_changes(_viewed(request, runner_id, "plan"), day_or_today(date))


@router.get("/clinic/runners/{runner_id}/plan/changes", response={200: PlanChangesOut} | PROGRAM)
def runner_plan_changes(request, runner_id: int = RUNNER_ID, page: int = PAGE, date: dt.date | None = DAY):
    """Every change to the runner's plan with its reason, newest first, a page at a time."""
    return changes_page(_viewed(request, runner_id, "plan"), day_or_today(date), page)


@router.get(
    "/clinic/runners/{runner_id}/progress", response={200: ProgressOut} | PROGRAM, exclude_unset=True, by_alias=True
)
def runner_progress(request, runner_id: int = RUNNER_ID, date: dt.date | None = DAY):
    """The runner's progress up to the day."""
    return progress_view(_viewed(request, runner_id, "progress"), day_or_today(date))


@router.post(
    "/clinic/runners/{runner_id}/clearance",
    response={201: ClearanceOut, 401: Message, 403: Message, 409: Problems, 422: Problems},
    openapi_extra=body_schema(ClearanceIn),
)
def clear_referral(request, runner_id: int = RUNNER_ID):
    """Record that you cleared the runner's referral, so the paused program resumes.

    Only a clinician linked to the runner may; an emergency referral can be cleared no other way.
    Your name is kept with the clearance, in the audit trail and in the note the runner sees.
    409 when the program is not paused (or has no plan).
    """
    from backstride.clinic import services

    runner = runner_to_change(request, runner_id)
    body = parsed(request, lambda data: validate(ClearanceIn, data, "body"))
    day = body.date if body.date is not None else services.today()
    clearance = services.clear(runner, request.auth, body.note, day, via="api")
    paused = (runner.state or {}).get("paused")
    return Status(
        201,
        {
            "runner_id": runner.pk,
            "date": clearance.date,
            "cleared_by": clearance.cleared_by,
            "note": clearance.note,
            "paused": paused,
        },
    )


def _viewed(request, runner_id: int, what: str) -> Runner:
    """A clinician reading a runner's data is recorded in the audit trail, as on the web pages."""
    from backstride.clinic.services import VIEWED, audit

    runner = clinic_runner(request, runner_id)
    audit(request.auth, runner, VIEWED, via="api", page=what)
    return runner
