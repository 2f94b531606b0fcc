"""Who may see what: a runner sees only their own data, a clinician only the runners linked to them."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from backstride.runners.models import Runner

from .models import Clinician

RUNNER_BY_USER = (
    "SELECT id, user_id, name, age, sex, units, created_at, state_as_of, version, fingerprint, rewritten "
    "FROM runners_runner "
    "WHERE user_id = %s ORDER BY id LIMIT 1"
)


def runner_for(user) -> Runner | None:
    if not user.is_authenticated:
        return None
    # Every runner page asks this first, so it is one plain query; the large state snapshot is
    # left out (only the roster reads it) and loads on access if ever needed.
    found = list(Runner.objects.raw(RUNNER_BY_USER, [user.pk]))
    return found[0] if found else None


def clinician_for(user) -> Clinician | None:
    if not user.is_authenticated:
        return None
    return Clinician.objects.filter(user=user).first()


def clinician_of(request) -> Clinician | None:
    """The request's clinician, looked up once per request (pages ask more than once)."""
    if not hasattr(request, "_clinician_lookup"):
        request._clinician_lookup = clinician_for(request.user)
    return request._clinician_lookup


def runner_required(view):
    """Runner pages: a signed-in user with a runner record (or sent to onboarding first)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"/accounts/login/?next={request.path}")
        runner = runner_for(request.user)
        if runner is None and clinician_of(request) is not None:
            raise PermissionDenied("Runner pages are for runners.")
        if runner is not None:
            request._clinician_lookup = None  # roles are exclusive: a runner is not a clinician
        if runner is None or (not runner.has_plan and not runner.assessments.exists()):
            return redirect("onboarding")
        request.runner = runner
        return view(request, *args, **kwargs)

    return wrapper


def clinician_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"/accounts/login/?next={request.path}")
        clinician = clinician_of(request)
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
