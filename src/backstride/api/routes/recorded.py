"""Runs recorded by watches and apps: import files, and say how each run felt."""

from __future__ import annotations

from ninja import File, Router, Schema, Status, UploadedFile

from backstride.core.tracking.logs import RunRating, parse_run_rating
from backstride.runners import services
from backstride.runners.recorded import rate_run
from backstride.runners.uploads import import_uploads

from ..access import own_runner
from ..bodies import body_schema, parsed
from ..errors import PROGRAM
from ..schemas.logs import LoggedOut
from .logs import _logged

router = Router(tags=["logs"])


class UnreadableOut(Schema):
    file: str
    reason: str


class ImportOut(Schema):
    """What an import did: runs and walks stored, activities skipped, and each file that could not be read."""

    runs: int
    walks: int
    other_skipped: int  # cycling, swimming and other activities that are not runs or walks
    already_here: int  # the same file again, or the same run from another watch or app
    merged_with_typed: int  # a run typed by hand that the recording now completes
    unreadable: list[UnreadableOut]
    run_ids: list[int]


@router.post("/runs/import", response={201: ImportOut} | PROGRAM)
def import_runs(request, files: File[list[UploadedFile]]):
    """Import FIT, GPX or TCX files (also .gz) or a Strava or Garmin Connect archive (.zip), as `files`.

    Each new run waits for the runner's pain and effort (`POST /runs/{id}/rating`); until then it
    counts for load but not for walk-run stages or volume steps.
    """
    runner = own_runner(request)
    services.active_plan(runner)
    return Status(201, import_uploads(runner, files).as_dict())


@router.post("/runs/{run_id}/rating", response={201: LoggedOut} | PROGRAM, openapi_extra=body_schema(RunRating))
def rate_recorded_run(request, run_id: int):
    """How an imported run felt: pain during (and after) and effort, 0-10."""
    runner = own_runner(request)
    data = parsed(request, parse_run_rating)
    run = runner.run_logs.filter(pk=run_id).values_list("date", flat=True).first()
    day = run or services.today()
    return _logged(runner, day, lambda: rate_run(runner, run_id, data.pain_during, data.effort, data.pain_after))
