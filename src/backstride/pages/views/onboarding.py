"""The onboarding wizard: red flags first, then the intake, validated exactly like an intake file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from backstride.accounts.roles import clinician_for, runner_for
from backstride.core.errors import InputError
from backstride.core.units import KM_PER_MILE

from ..onboarding_forms import FIELD_STEP, STEPS

SESSION_KEY = "onboarding"


def _step_names() -> list[str]:
    return [name for name, _title, _form in STEPS]


def build_intake(answers: dict) -> dict:
    """The intake contract (backstride.intake/1) from the wizard's answers."""
    about, run, week = answers["about"], answers["running"], answers["availability"]
    startback = {k: v == "yes" for k, v in answers["startback"].items() if k != "bothersomeness"}
    # The runner answers distances in their own units; the intake keeps kilometres.
    per_km = KM_PER_MILE if about["units"] == "mi" else 1.0

    def km(value):
        return round(value * per_km, 1) if value is not None else None

    pattern = answers.get("pattern") or {}
    inflammatory = dict.fromkeys(pattern.get("features", []), True)
    if pattern.get("onset_age") is not None:
        inflammatory["onset_age"] = pattern["onset_age"]
    intake = {
        "format": "backstride.intake/1",
        "runner": {"name": about["name"], "age": about["age"], "sex": about["sex"], "units": about["units"]},
        "start_date": about["start_date"],
        "red_flags": {k: v for k, v in answers["safety"].items() if k != "walking_changed"}
        | {"walking_changed": answers["safety"].get("walking_changed", False)},
        "inflammatory": inflammatory,
        "pain": {
            "now": about["pain_now"],
            "worst_last_week": about["pain_worst"],
            "weeks_since_onset": about["weeks_since_onset"],
            "previous_episodes": about["previous_episodes"],
            "pain_below_knee": about["pain_below_knee"] == "yes",
        },
        "aggravated_by": about["aggravated_by"],
        "eased_by": about["eased_by"],
        "startback": startback | {"bothersomeness": answers["startback"]["bothersomeness"]},
        "odi": answers["odi"],
        "running": {
            "status": run["status"],
            "runs_per_week": run["runs_per_week"],
            "weekly_km": km(run["weekly_km"]),
            "run_days": run["run_days"],
            "workout_days": run.get("workout_days", []),
            "walk_30_min_comfortable": run["walk_30_min_comfortable"] == "yes",
        },
        "availability": {
            "days": week["days"],
            "minutes_per_session": week["minutes_per_session"],
            "sessions_per_week": int(week["sessions_per_week"]),
        },
        "equipment": week["equipment"],
    }
    if answers.get("consent"):
        intake["consent"] = answers["consent"]
    if run.get("long_run_km") is not None:
        intake["running"]["long_run_km"] = km(run["long_run_km"])
    if run.get("pain_during_run") is not None:
        intake["running"]["pain_during_run"] = run["pain_during_run"]
    if run.get("long_run_day") and run["long_run_day"] in run["run_days"]:
        intake["running"]["long_run_day"] = run["long_run_day"]
    if run.get("race_name") and run.get("race_date") and run.get("race_km"):
        intake["running"]["goal_race"] = {
            "name": run["race_name"],
            "date": run["race_date"],
            "distance_km": km(run["race_km"]),
        }
    return intake


def _cleaned(form) -> dict:
    if hasattr(form, "answers"):
        return form.answers()
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in form.cleaned_data.items()}


@login_required
@require_http_methods(["GET", "POST"])
def onboarding(request):
    from backstride.core.screening import RedFlagAnswers, screen

    if clinician_for(request.user) is not None:
        return redirect("clinic:roster")
    if _emergency_pause(request):
        messages.error(request, _("Your program is paused for an emergency referral: only a clinician can clear it."))
        return redirect("today")
    answers = request.session.get(SESSION_KEY, {})
    names = _step_names()
    step = (
        request.GET.get("step") or request.POST.get("step") or next((n for n in names if n not in answers), names[-1])
    )
    asked = step
    if step not in names or (step != names[0] and names[0] not in answers):
        step = names[0]  # no health question before the runner has agreed to their answers being stored
    index = names.index(step)
    _name, title, form_class = STEPS[index]
    form = form_class((request.POST or None) if asked == step else None, prefix=step)
    error = None
    if request.method == "POST" and form.is_valid():
        answers[step] = _cleaned(form)
        request.session[SESSION_KEY] = answers
        if step == "safety" and not screen(RedFlagAnswers(flags=answers["safety"])).clear:
            screening = store_positive_screening(request, answers["safety"], answers.get("consent"))
            return render(request, "pages/referral.html", {"screening": screening})
        if index + 1 < len(names):
            return redirect(f"{request.path}?step={names[index + 1]}")
        try:
            runner = finish(request, answers)
        except InputError as exc:
            error = f"{exc.field}: {exc.message}"
            step = FIELD_STEP.get(exc.field.split(".")[0], step)
            return redirect(f"{request.path}?step={step}&error={exc.field}")
        request.session.pop(SESSION_KEY, None)
        return redirect("today" if runner.current_plan else "home")
    if request.GET.get("error"):
        error = _("Please check this step: %(field)s") % {"field": request.GET["error"]}
    return render(
        request,
        "pages/onboarding.html",
        {
            "form": form,
            "step": step,
            "title": title,
            "number": index + 1,
            "total": len(names),
            "error": error,
            "previous": names[index - 1] if index else None,
        },
    )


def _emergency_pause(request) -> bool:
    """Answering the questions again must not replace a program paused for an emergency."""
    from backstride.runners.services import emergency_pause

    runner = runner_for(request.user)
    return runner is not None and emergency_pause(runner) is not None


def store_positive_screening(request, flags: dict, consent: dict | None = None) -> dict:
    """Keep a positive answer before showing whom to see, so a clinician can see it later.

    The runner is created (with the account's name) if the account has none yet, and a
    clinician's invite that came with the sign-up is accepted now, so that clinician sees it too.
    """
    from django.db import transaction

    from backstride.runners.services import record_positive_screening

    name = request.user.get_full_name() or request.user.username
    with transaction.atomic():
        runner, screening = record_positive_screening(runner_for(request.user), name, flags, consent)
        _claim(request, runner)
    return screening


def _claim(request, runner) -> None:
    """Link the runner to the account, and accept a clinician's invite if one came with the sign-up."""
    from backstride.clinic.services import accept_invite

    if runner.user_id is None:
        runner.user = request.user
        runner.save(update_fields=["user"])
    code = request.session.pop("invite_code", "")
    if code:
        accept_invite(runner, code)


def finish(request, answers: dict):
    """Assess and store, link the account, and accept a clinician's invite if one came with the sign-up."""
    from django.db import transaction

    from backstride.runners.services import start_runner

    intake = build_intake(answers)
    with transaction.atomic():
        runner, _result = start_runner(intake, runner_for(request.user))
        _claim(request, runner)
    return runner
