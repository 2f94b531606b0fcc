"""Who may see what: a runner sees only their own data, a clinician only the runners linked to them."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from backstride.runners.models import Runner

from .models import Clinician


def runner_for(user) -> Runner | None:
    if not user.is_authenticated:
        return None
    return Runner.objects.filter(user=user).first()


def clinician_for(user) -> Clinician | None:
    if not user.is_authenticated:
        return None
    return Clinician.objects.filter(user=user).first()


def runner_required(view):
    """Runner pages: a signed-in user with a runner record (or sent to onboarding first)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"/accounts/login/?next={request.path}")
        if clinician_for(request.user) is not None:
            raise PermissionDenied("Runner pages are for runners.")
        runner = runner_for(request.user)
        if runner is None or (runner.current_plan is None and not runner.assessments.exists()):
            return redirect("onboarding")
        request.runner = runner
        return view(request, *args, **kwargs)

    return wrapper


def clinician_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"/accounts/login/?next={request.path}")
        clinician = clinician_for(request.user)
        if clinician is None:
            raise PermissionDenied("Clinician pages are for clinicians.")
        request.clinician = clinician
        return view(request, *args, **kwargs)

    return wrapper


def linked_runner(clinician: Clinician, runner_id: int) -> Runner:
    """The runner, if linked to this clinician; otherwise 404 (so ids of others stay unknown)."""
    runner = Runner.objects.filter(pk=runner_id, care_links__clinician=clinician).first()
    if runner is None:
        raise Http404("No such runner among yours.")
    return runner
