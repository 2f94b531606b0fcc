"""What the runner logs: sessions, morning check-ins and runs; each new log adapts the program."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db.models import Prefetch
from ninja import Router, Status

from backstride.core.inputs import check_session_log
from backstride.core.tracking.logs import (
    CheckInInput,
    RunInput,
    SessionLogInput,
    parse_checkin,
    parse_run,
    parse_session_log,
)
from backstride.core.tracking.state import ProgramState
from backstride.runners import models as m
from backstride.runners import services

from ..access import own_runner
from ..bodies import body_schema, parsed
from ..errors import PROGRAM, RUNNER, Problems
from ..schemas.logs import CheckInOut, LoggedOut, RunLogOut, SessionLogOut

router = Router(tags=["logs"])
LISTED = RUNNER | {422: Problems}


def _between(rows, since: dt.date | None, until: dt.date | None):
    if since is not None:
        rows = rows.filter(date__gte=since)
    if until is not None:
        rows = rows.filter(date__lte=until)
    return rows


def _logged(runner: m.Runner, day: dt.date, store: Callable[[], ProgramState]) -> Status:
    """Store through the service, then answer with the decisions this log added.

    The replay walks the days in order, so a log can only change decisions from its own day on:
    only those are read and compared, however long the history.
    """
    before = services.decision_keys_since(runner, day)
    state = store()
    changes = [d.as_dict() for d in state.decisions if d.date >= day and (d.date, d.target, d.kind) not in before]
    return Status(201, {"date": day, "changes": changes, "paused": state.paused.as_dict() if state.paused else None})


@router.get("/sessions", response={200: list[SessionLogOut]} | LISTED)
def list_sessions(request, since: dt.date | None = None, until: dt.date | None = None):
    """The sessions logged, oldest first, each with the exercises reported."""
    done = Prefetch("exercises", queryset=m.ExerciseLog.objects.order_by("id"))
    return _between(own_runner(request).session_logs.prefetch_related(done), since, until).order_by("date", "id")


def _session_body() -> dict:
    """The session log's schema, with the exercises the server accepts listed."""
    from backstride.core.library import load_library

    extra = body_schema(SessionLogInput)
    body = extra["requestBody"]["content"]["application/json"]["schema"]
    body["properties"]["exercises"]["items"]["properties"]["slug"]["enum"] = sorted(e.slug for e in load_library())
    return extra


@router.post("/sessions", response={201: LoggedOut} | PROGRAM, openapi_extra=_session_body())
def log_session(request):
    """Log a session (format backstride.session-log/1); without `exercises` it counts as done as planned."""
    runner = own_runner(request)
    log = check_session_log(parsed(request, parse_session_log))
    return _logged(runner, log.date, lambda: services.log_session(runner, log))


@router.get("/checkins", response={200: list[CheckInOut]} | LISTED)
def list_checkins(request, since: dt.date | None = None, until: dt.date | None = None):
    """The morning check-ins, oldest first."""
    rows = _between(own_runner(request).checkins, since, until).order_by("date")
    fields = ("id", "date", "pain", "stiffness", "leg_symptoms", "leg_weakness", "red_flags", "red_flag_status")
    return [row | {"red_flag_status": row["red_flag_status"] or None} for row in rows.values(*fields)]


@router.post("/checkins", response={201: LoggedOut} | PROGRAM, openapi_extra=body_schema(CheckInInput))
def log_checkin(request):
    """The morning check-in; once a week it must carry the red-flag answers (`red_flags`), or 422."""
    runner = own_runner(request)
    data = parsed(request, parse_checkin)
    return _logged(runner, data.date, lambda: services.checkin(runner, data))


@router.get("/runs", response={200: list[RunLogOut]} | LISTED)
def list_runs(request, since: dt.date | None = None, until: dt.date | None = None):
    """The runs logged, oldest first."""
    rows = _between(own_runner(request).run_logs, since, until).order_by("date", "id")
    return list(rows.values(*RunLogOut.model_fields))


@router.post("/runs", response={201: LoggedOut} | PROGRAM, openapi_extra=body_schema(RunInput))
def log_run(request):
    """Log a run or walk-run, or a walk (`walk: true`) towards starting walk-run."""
    runner = own_runner(request)
    data = parsed(request, parse_run)
    return _logged(runner, data.date, lambda: services.log_run(runner, data))
