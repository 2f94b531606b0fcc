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
from .util import WHOLE_NUMBER, asked_day, day_from, has_nul


def _activities(runner) -> list[str]:
    assessment = runner.assessments.first()
    chosen = [a["activity"] for a in (assessment.intake.get("psfs") or [])] if assessment else []
    latest = runner.outcomes.filter(kind="psfs").order_by("-date", "-id").first()
    return list(latest.data) if latest else chosen


def _score(value: str | None, activity: str) -> int | None:
    """A PSFS rating typed for an activity; None when left empty."""
    value = (value or "").strip()
    if not value:
        return None
    if not WHOLE_NUMBER.fullmatch(value):
        raise InputError(activity, _("must be a whole number from 0 to 10 (got %(value)s)") % {"value": value[:20]})
    return int(value)


@runner_required
@require_http_methods(["GET", "POST"])
def outcomes(request):
    from backstride.runners.services import record_outcome

    if request.method == "POST":
        day, problem = asked_day(request)  # a measure for a day out of range is refused, not moved to today
    else:
        day, problem = day_from(request), None
    which = request.POST.get("measure")
    odi_form = OdiForm(request.POST if which == "odi" else None, prefix="odi")
    end_form = EnduranceForm(request.POST if which == "endurance" else None, prefix="end")
    activities = _activities(request.runner)
    errors = []
    if problem or (request.method == "POST" and has_nul(request.POST)):
        errors.append(problem or _("The form must not contain the NUL character."))
    elif request.method == "POST":
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
                ratings = {}
                for i, a in enumerate(activities):
                    if (score := _score(request.POST.get(f"psfs_{i}"), a)) is not None:
                        ratings[a] = score
                new = request.POST.get("psfs_new", "").strip()
                if new and (score := _score(request.POST.get("psfs_new_score"), new[:120])) is not None:
                    ratings[new[:120]] = score
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
