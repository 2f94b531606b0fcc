"""A linked runner's program as a PDF, for a clinician to print or file: a read, audited like the record."""

from __future__ import annotations

from django.http import Http404, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from backstride.accounts.roles import clinician_required, linked_runner
from backstride.pages.program_pdf import program_pdf
from backstride.pages.views.printed import pdf_response, size_from

from . import services


@clinician_required
@require_GET
def runner_pdf(request, runner_id: int):
    person = linked_runner(request.clinician, runner_id)
    size = size_from(request)
    if size is None:
        return HttpResponseBadRequest(_("The paper size is a4 or letter."))
    if not person.has_plan:
        raise Http404("This runner has no plan yet.")
    body = program_pdf(person, services.today(), size)
    services.audit(request.user, person, services.VIEWED, page="pdf", size=size)
    return pdf_response(body, f"backstride-program-{person.id}-{size}.pdf")
