"""The runner's clinicians: who follows their record, and ending that access."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from backstride.accounts.roles import runner_required
from backstride.clinic import services


@runner_required
@require_GET
def clinicians(request):
    people = [(c, services.clinician_name(c.user)) for c in services.linked_clinicians(request.runner)]
    return render(request, "pages/clinicians.html", {"clinicians": people, "nav": "settings"})


@runner_required
@require_http_methods(["GET", "POST"])
def end_access(request, clinician_id: int):
    """A confirmation page, then (POST) the end of the clinician's access."""
    clinician = next((c for c in services.linked_clinicians(request.runner) if c.pk == clinician_id), None)
    if clinician is None:
        raise Http404("No such clinician follows you.")
    name = services.clinician_name(clinician.user)
    if request.method == "POST":
        services.end_access(request.runner, clinician.pk)
        messages.success(request, _("%(name)s can no longer see your record.") % {"name": name})
        return redirect("my_clinicians")
    return render(request, "pages/end_access.html", {"clinician": clinician, "name": name, "nav": "settings"})
