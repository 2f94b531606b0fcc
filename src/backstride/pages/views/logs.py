"""Check-in, run log and outcome measures."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from backstride.accounts.roles import runner_required
from backstride.core.errors import InputError
from backstride.offline.once import already_stored, store_once

from ..forms import CheckInForm, RedFlagForm, RunForm
from .util import allowed_days, asked_day, day_from


def _show_changes(request, state) -> None:
    # a pause is spelled out in full on the page these forms return to, so the message only points at it
    for change in [d for d in state.decisions if d.date >= state.as_of and d.kind != "pause"][-5:]:
        messages.info(request, change.reason)
    if state.paused:
        messages.error(request, _("Your program is paused: read below whom to see and how soon."))


@runner_required
@require_http_methods(["GET", "POST"])
def checkin(request):
    from backstride.runners.services import red_flags_due

    if request.method == "POST" and already_stored(request):  # sent again (offline queue, double tap)
        messages.success(request, _("Checked in. Thank you."))
        return redirect("today")
    if request.method == "POST":
        day, problem = asked_day(request)  # a check-in for a day out of range is refused, not moved to today
    else:
        day, problem = day_from(request), None
    due = request.runner.current_plan is not None and red_flags_due(request.runner, day)
    form = CheckInForm(request.POST or None)
    flags = RedFlagForm(request.POST or None, prefix="rf") if due else None
    if problem:
        form.add_error(None, problem)
    if request.method == "POST" and form.is_valid() and (flags is None or flags.is_valid()):
        from backstride.core.tracking.logs import parse_checkin
        from backstride.runners.services import checkin as store

        data = {
            "date": day.isoformat(),
            "pain": form.cleaned_data["pain"],
            "stiffness": form.cleaned_data["stiffness"],
            "leg_symptoms": form.cleaned_data["leg_symptoms"],
            "leg_weakness": form.cleaned_data["leg_weakness"],
            "red_flags": flags.answers() if flags else None,
        }
        try:
            state = store_once(request, "checkin", lambda: store(request.runner, parse_checkin(data)))
        except InputError as exc:
            form.add_error(None, f"{exc.field}: {exc.message}")
        else:
            messages.success(request, _("Checked in. Thank you."))
            if state is not None:
                _show_changes(request, state)
            return redirect("today")
    return render(request, "pages/checkin.html", {"form": form, "flags": flags, "day": day, "nav": "today"})


@runner_required
@require_http_methods(["GET", "POST"])
def log_run(request):
    if request.method == "POST" and already_stored(request):  # sent again (offline queue, double tap)
        messages.success(request, _("Walk saved.") if request.POST.get("walk") else _("Run saved."))
        return redirect("today")
    form = RunForm(request.POST or None, initial={"date": day_from(request)}, days=allowed_days(request.runner))
    if request.method == "POST" and form.is_valid():
        from backstride.core.tracking.logs import parse_run
        from backstride.runners.services import log_run as store

        data = form.cleaned_data | {"date": form.cleaned_data["date"].isoformat()}
        try:
            state = store_once(request, "run", lambda: store(request.runner, parse_run(data)))
        except InputError as exc:
            form.add_error(None, f"{exc.field}: {exc.message}")
        else:
            messages.success(request, _("Walk saved.") if data["walk"] else _("Run saved."))
            if state is not None:
                _show_changes(request, state)
            return redirect("today")
    return render(request, "pages/run.html", {"form": form, "nav": "today"})
