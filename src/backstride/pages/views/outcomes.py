"""Outcome measures: Oswestry, endurance self-tests and the runner's chosen activities (PSFS)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from backstride.accounts.roles import runner_required
from backstride.core.errors import InputError
from backstride.core.questionnaires import endurance, oswestry, psfs

from ..forms import EnduranceForm, OdiForm
from .util import day_from


def _activities(runner) -> list[str]:
    assessment = runner.assessments.first()
    chosen = [a["activity"] for a in (assessment.intake.get("psfs") or [])] if assessment else []
    latest = runner.outcomes.filter(kind="psfs").order_by("-date", "-id").first()
    return list(latest.data) if latest else chosen


@runner_required
@require_http_methods(["GET", "POST"])
def outcomes(request):
    from backstride.runners.services import record_outcome

    day = day_from(request)
    which = request.POST.get("measure")
    odi_form = OdiForm(request.POST if which == "odi" else None, prefix="odi")
    end_form = EnduranceForm(request.POST if which == "endurance" else None, prefix="end")
    activities = _activities(request.runner)
    errors = []
    if request.method == "POST":
        try:
            if which == "odi" and odi_form.is_valid():
                score = oswestry.score(odi_form.answers())
                if score.percent is None:
                    raise InputError("odi", _("please answer at least eight of the ten areas"))
                record_outcome(request.runner, "odi", day, score.percent, odi_form.answers() | score.as_dict())
                messages.success(
                    request, _("Oswestry saved: %(p)s %% (%(band)s).") % {"p": score.percent, "band": score.band}
                )
                return redirect("progress")
            if which == "endurance" and end_form.is_valid():
                c = end_form.cleaned_data
                times = endurance.EnduranceTimes(
                    c["flexor_seconds"],
                    c["extensor_seconds"],
                    c["side_right_seconds"],
                    c["side_left_seconds"],
                    c["variant"],
                )
                record_outcome(request.runner, "endurance", day, None, dict(c))
                ratios = endurance.ratios(times)
                messages.success(
                    request, _("Endurance tests saved (right/left %(rl)s).") % {"rl": ratios["right_left"]["value"]}
                )
                return redirect("progress")
            if which == "psfs":
                ratings = {
                    a: int(request.POST.get(f"psfs_{i}", ""))
                    for i, a in enumerate(activities)
                    if request.POST.get(f"psfs_{i}", "").isdigit()
                }
                new = request.POST.get("psfs_new", "").strip()
                if new and request.POST.get("psfs_new_score", "").isdigit():
                    ratings[new[:120]] = int(request.POST["psfs_new_score"])
                result = psfs.score(ratings)
                record_outcome(request.runner, "psfs", day, result.mean, result.ratings)
                messages.success(request, _("Activities rated: mean %(m)s.") % {"m": result.mean})
                return redirect("progress")
        except InputError as exc:
            errors.append(f"{exc.field}: {exc.message}")
    return render(
        request,
        "pages/outcomes.html",
        {
            "odi_form": odi_form,
            "end_form": end_form,
            "activities": list(enumerate(activities)),
            "errors": errors,
            "nav": "progress",
            "scale": range(0, 11),
        },
    )
