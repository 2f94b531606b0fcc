"""A runner's outcomes as a FHIR R4 Bundle, for the runner and the clinicians linked to them."""

from __future__ import annotations

from django.http import Http404
from ninja import Path, Router

from backstride.accounts.roles import clinician_for, linked_runner, runner_for
from backstride.runners.models import Runner

from ..errors import Message, Problems

router = Router(tags=["fhir"])

RUNNER_ID = Path(..., ge=1, le=2**63 - 1, description="the runner's id: your own, or one of your linked runners'")
BUNDLE = (
    "A FHIR R4 Bundle (type collection): the runner's Patient, a Questionnaire and QuestionnaireResponses for the "
    "Oswestry, STarT Back and PSFS, and Observations for morning pain (LOINC 72514-3) and the trunk endurance holds."
)


def _readable(request, runner_id: int) -> Runner:
    """The caller's own runner or a linked one; any other id is 404, so others' ids stay unknown."""
    from backstride.clinic.services import VIEWED, audit

    clinician = clinician_for(request.auth)
    if clinician is not None:
        runner = linked_runner(clinician, runner_id)
        audit(request.auth, runner, VIEWED, via="api", page="fhir")
        return runner
    runner = runner_for(request.auth)
    if runner is None or runner.pk != runner_id:
        raise Http404("No such runner among yours.")
    return runner


@router.get(
    "/runners/{runner_id}/fhir",
    response={200: dict, 401: Message, 404: Message, 422: Problems},
    openapi_extra={"responses": {200: {"description": BUNDLE}}},
)
def runner_fhir(request, runner_id: int = RUNNER_ID):
    """The runner's outcomes as a FHIR R4 Bundle, for their own records or a clinic's system."""
    from backstride.runners.fhir import bundle

    return bundle(_readable(request, runner_id))
