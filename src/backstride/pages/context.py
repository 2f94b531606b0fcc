"""Template context every page needs: the user's role."""

from backstride.accounts.roles import clinician_of


def roles(request) -> dict:
    user = getattr(request, "user", None)
    return {"is_clinician": bool(user and user.is_authenticated and clinician_of(request) is not None)}
