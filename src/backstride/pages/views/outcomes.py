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

ACTIVITY_MAX = 120  # as long as an activity's name may be at intake


def _activities(runner) -> list[str]:
    """Every activity chosen at intake or rated since, in the order first named.

    A rating may leave some activities out, or add one: the others stay on the form all the same.
    """
    assessment = runner.assessments.first()
    names = [a["activity"] for a in (assessment.intake.get("psfs") or [])] if assessment else []
    for rated in runner.outcomes.filter(kind="psfs").order_by("date", "id").values_list("data", flat=True):
        names += list(rated)
    return list(dict.fromkeys(names))


def _new_activity(post, activities: list[str]) -> tuple[str, int] | None:
    """The activity added on the form with its score, or None; refused whole rather than cut or dropped."""
    name = post.get("psfs_new", "").strip()
    if not name:
        return None
    if len(name) > ACTIVITY_MAX:
        raise InputError(
            _("new activity"),
            _("its name is %(length)s characters long: keep it to %(max)s")
            % {"length": len(name), "max": ACTIVITY_MAX},
        )
    if name not in activities and len(activities) >= psfs.MAX_ACTIVITIES:
        raise InputError(
            _("new activity"),
            _("you already rate %(max)s activities, the most the scale takes") % {"max": psfs.MAX_ACTIVITIES},
        )
    score = _score(post.get("psfs_new_score"), name)
    if score is None:
        raise InputError(name, _("give it a score from 0 to 10"))
    return name, score


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
                new = _new_activity(request.POST, activities)
                if new is not None:
                    ratings[new[0]] = new[1]
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
