"""The runner's program as a PDF to print or keep: A4 or US Letter."""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from backstride.accounts.roles import runner_required

from ..program_pdf import PAGE_SIZES, program_pdf
from .today import no_plan
from .util import day_from


def pdf_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def size_from(request) -> str | None:
    """The paper size asked for (A4 unless said otherwise), or None for one we do not know."""
    size = request.GET.get("size", "a4").lower()
    return size if size in PAGE_SIZES else None


@runner_required
@require_GET
def plan_pdf(request):
    if not request.runner.has_plan:
        return no_plan(request)
    size = size_from(request)
    if size is None:
        return HttpResponseBadRequest(_("The paper size is a4 or letter."))
    return pdf_response(program_pdf(request.runner, day_from(request), size), f"backstride-program-{size}.pdf")
