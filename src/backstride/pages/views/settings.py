"""Settings: units, days, minutes, sessions a week, equipment and the running week. A change re-plans the weeks
ahead."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from backstride.accounts.roles import runner_required
from backstride.core.errors import InputError

from ..forms import SettingsForm
from .calendar import feed_context
from .today import no_plan


@runner_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    from backstride.runners.services import start_runner

    assessment = request.runner.assessments.first()
    if assessment.intake.get("partial"):
        return no_plan(request)  # only the safety questions were answered: there is nothing to set yet
    intake = assessment.intake
    initial = {
        "units": intake["runner"]["units"],
        "days": intake["availability"]["days"],
        "minutes_per_session": intake["availability"]["minutes_per_session"],
        "equipment": intake.get("equipment", []),
        "sessions_per_week": intake["availability"].get("sessions_per_week"),
        "run_days": intake["running"].get("run_days", []),
        "long_run_day": intake["running"].get("long_run_day") or "",
        "workout_days": intake["running"].get("workout_days", []),
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = copy.deepcopy(intake)
        c = form.cleaned_data
        data["runner"]["units"] = c["units"]
        data["availability"] |= {"days": c["days"], "minutes_per_session": c["minutes_per_session"]}
        if c["sessions_per_week"] is None:
            data["availability"].pop("sessions_per_week", None)
        else:
            data["availability"]["sessions_per_week"] = c["sessions_per_week"]
        data["equipment"] = c["equipment"]
        data["running"] |= {
            "run_days": c["run_days"],
            "long_run_day": c["long_run_day"] or None,
            "workout_days": c["workout_days"],
        }
        try:
            start_runner(data, request.runner, replan_from=timezone.localdate())
        except InputError as exc:
            form.add_error(None, f"{exc.field}: {exc.message}")
        else:
            messages.success(request, _("Saved. Your plan has been rebuilt for the weeks ahead."))
            return redirect("plan")
    from backstride.reminders.settings_section import reminders_context

    context = {"form": form, "nav": "settings", "calendar": feed_context(request)}
    return render(request, "pages/settings.html", context | {"reminders": reminders_context(request)})
