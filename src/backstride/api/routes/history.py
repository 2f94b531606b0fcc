"""The runner's own history: every record, newest first; one changed or deleted, and the program worked out again."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Router, Schema

from backstride.core.errors import InputError
from backstride.runners import history

from ..access import own_runner
from ..bodies import parsed
from ..errors import PROGRAM, RUNNER

router = Router(tags=["history"])
Kind = Literal["session", "checkin", "run", "outcome"]


class HistoryRecordOut(Schema):
    """One record; the fields that do not belong to its kind are null."""

    kind: Kind
    id: int
    date: dt.date
    pain: int | None = None
    stiffness: int | None = None
    leg_symptoms: bool | None = None
    leg_weakness: bool | None = None
    red_flags_answered: bool | None = None
    red_flag_status: str | None = None
    locked: bool | None = None  # a check-in a clinician must clear: it cannot be deleted, nor its answers changed
    pain_before: int | None = None
    pain_during: int | None = None
    pain_after: int | None = None
    effort: int | None = None
    as_planned: bool | None = None
    note: str | None = None
    exercises: list[dict] | None = None
    km: float | None = None
    minutes: float | None = None
    walk: bool | None = None
    recorded: bool | None = None  # imported from a watch or app: distance and time stay as recorded
    source_name: str | None = None
    measure: Literal["odi", "psfs", "endurance"] | None = None
    value: float | None = None
    data: dict | None = None


class HistoryChangedOut(Schema):
    kind: Kind
    id: int
    date: dt.date
    change: Literal["changed", "deleted"]
    paused: dict | None


def _own(request, kind: str, record_id: int):
    runner = own_runner(request)
    try:
        return runner, history.record_of(runner, kind, record_id)
    except InputError:
        raise Http404(f"You have no {kind} numbered {record_id}.") from None


def _fields_to_change(body: object) -> dict:
    if not isinstance(body, dict) or not body:
        raise InputError("body", "must be a JSON object of the fields to change")
    return body


def _done(runner, kind: str, record_id: int, day: dt.date, change: str) -> dict:
    runner.refresh_from_db(fields=["state"])
    return {"kind": kind, "id": record_id, "date": day, "change": change, "paused": (runner.state or {}).get("paused")}


@router.get("/history", response={200: list[HistoryRecordOut]} | RUNNER)
def list_history(request):
    """Every session, check-in, run and outcome measure, the newest day first."""
    return history.records(own_runner(request))


@router.delete("/history/{kind}/{record_id}", response={200: HistoryChangedOut} | PROGRAM)
def delete_record(request, kind: Kind, record_id: int):
    """Delete one record: the program is worked out again from its day, and the deletion kept in the plan's changes.

    A check-in that reported a warning sign or leg symptoms cannot be deleted (422, field `red_flags`):
    only a clinician clears what it started.
    """
    runner, row = _own(request, kind, record_id)
    history.delete(runner, kind, record_id, actor=request.auth)
    return _done(runner, kind, record_id, row.date, "deleted")


@router.patch(
    "/history/{kind}/{record_id}",
    response={200: HistoryChangedOut} | PROGRAM,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "description": "The fields to change, as the log paths name them (the day stays).",
                    }
                }
            },
        }
    },
)
def edit_record(request, kind: Kind, record_id: int):
    """Change some fields of one record, validated as a new log is; the program is worked out again from its day."""
    runner, row = _own(request, kind, record_id)
    history.edit(runner, kind, record_id, parsed(request, _fields_to_change), actor=request.auth)
    return _done(runner, kind, record_id, row.date, "changed")
