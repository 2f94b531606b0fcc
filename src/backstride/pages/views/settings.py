"""Settings: units, days, minutes and equipment. A change re-plans the weeks ahead."""

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
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = copy.deepcopy(intake)
        c = form.cleaned_data
        data["runner"]["units"] = c["units"]
        data["availability"] |= {"days": c["days"], "minutes_per_session": c["minutes_per_session"]}
        data["equipment"] = c["equipment"]
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
