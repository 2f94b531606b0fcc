"""Whose data a caller may touch: runners their own, clinicians the runners linked to them."""

from __future__ import annotations

from ninja.errors import HttpError

from backstride.accounts.models import Clinician
from backstride.accounts.roles import clinician_for, linked_runner, runner_for
from backstride.runners.models import Runner


def own_runner(request) -> Runner:
    """The caller's own runner; never another's, whatever the request asks for."""
    user = request.auth
    runner = runner_for(user)  # roles are exclusive: a runner is never a clinician
    if runner is not None:
        return runner
    if clinician_for(user) is not None:
        raise HttpError(403, "These endpoints are for runners; clinicians use /clinic/runners.")
    raise HttpError(404, "You have no runner profile yet: complete the intake on the website first.")


def own_clinician(request) -> Clinician:
    clinician = clinician_for(request.auth)
    if clinician is None:
        raise HttpError(403, "These endpoints are for clinicians.")
    return clinician


def clinic_runner(request, runner_id: int) -> Runner:
    """A runner linked to the calling clinician; any other id is 404, so others' ids stay unknown."""
    return linked_runner(own_clinician(request), runner_id)


def runner_to_change(request, runner_id: int) -> Runner:
    """A runner linked to the calling clinician, for a change; any other id is 403, whether or not
    that runner exists, so others' ids stay unknown here too."""
    runner = Runner.objects.filter(pk=runner_id, care_links__clinician=own_clinician(request)).first()
    if runner is None:
        raise HttpError(403, "Only a clinician linked to this runner can change their program.")
    return runner
