"""The roster's outcome measures as one CSV file, for a clinician's own records: linked runners only."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from backstride.accounts.roles import clinician_required
from backstride.runners.models import OutcomeMeasure

from . import services

COLUMNS = ("runner", "date", "kind", "value")
# A cell starting with one of these is read as a formula by spreadsheets: such a name is written as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def outcome_rows(clinician) -> list[tuple]:
    """(runner id, name, date, kind, value) of every outcome of the runners this clinician follows."""
    measures = (
        OutcomeMeasure.objects.filter(runner__care_links__clinician=clinician)
        .order_by("runner__name", "runner_id", "date", "id")
        .values_list("runner_id", "runner__name", "date", "kind", "value")
    )
    return list(measures)


@clinician_required
@require_GET
def outcomes_csv(request):
    rows = outcome_rows(request.clinician)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for _runner_id, name, day, kind, value in rows:
        writer.writerow((as_text(name), day.isoformat(), kind, "" if value is None else value))
    services.audit(request.user, None, services.OUTCOMES_EXPORTED, runners=sorted({r[0] for r in rows}))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    name = f"backstride-outcomes-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
