"""Who the caller is: a runner, a clinician, or an account not set up yet."""

from __future__ import annotations

from ninja import Router

from backstride.accounts.roles import clinician_for, runner_for

from ..errors import AUTHENTICATED
from ..schemas.people import MeOut

router = Router(tags=["account"])


@router.get("/me", response={200: MeOut} | AUTHENTICATED)
def me(request):
    """The signed-in account and its role, so a script knows which endpoints are its own."""
    user = request.auth
    out = {"username": user.get_username(), "role": None, "runner": None}
    if clinician_for(user) is not None:
        return out | {"role": "clinician"}
    runner = runner_for(user)
    if runner is None:
        return out
    plan = runner.current_plan
    dates = {"start_date": plan.start_date, "end_date": plan.end_date} if plan else None
    mine = {"id": runner.pk, "name": runner.name, "units": runner.units, "plan": dates}
    return out | {"role": "runner", "runner": mine}
