"""Runs from watches and apps: the upload page, and the question of how each imported run felt."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from backstride.accounts.roles import runner_required
from backstride.core.errors import InputError

from ..forms import RunRatingForm
from .logs import _show_changes

ACCEPT = ".fit,.gpx,.tcx,.gz,.zip"


@runner_required
@require_http_methods(["GET", "POST"])
def import_runs(request):
    from django.conf import settings

    from backstride.runners.uploads import import_uploads

    summary, error = None, ""
    if request.method == "POST":
        files = request.FILES.getlist("files")
        if not files:
            error = _("Choose one or more files: FIT, GPX or TCX (also .gz), or a Strava or Garmin Connect .zip.")
        else:
            try:
                summary = import_uploads(request.runner, files)
            except InputError as exc:
                error = f"{exc.field}: {exc.message}"
    context = {
        "summary": summary,
        "error": error,
        "accept": ACCEPT,
        "limit_mb": settings.UPLOAD_MAX_MB,
        "nav": "progress",
    }
    if request.htmx and request.method == "POST":
        return render(request, "pages/_import_result.html", context)
    return render(request, "pages/import_runs.html", context)


@runner_required
@require_POST
def rate_run(request, run_id: int):
    from backstride.runners.recorded import rate_run as store

    form = RunRatingForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(request, error if field == "__all__" else f"{form.fields[field].label}: {error}")
        return redirect("today")
    data = form.cleaned_data
    try:
        state = store(request.runner, run_id, data["pain_during"], data["effort"], data["pain_after"])
    except InputError as exc:
        messages.error(request, f"{exc.field}: {exc.message}")
        return redirect("today")
    messages.success(request, _("Thank you: that run now guides your running steps."))
    _show_changes(request, state)
    return redirect("today")
