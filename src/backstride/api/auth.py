"""Who is calling: a personal API token (Bearer) or the browser session."""

from __future__ import annotations

from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from backstride.accounts.models import ApiToken


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; an expired or unknown token gets 401.

    The lookup writes only the token's "last used" time, at most once a minute (LAST_USED_PRECISION),
    so a script's GETs do not each write.
    """

    def authenticate(self, request, token: str):
        return ApiToken.user_for(token)


class SessionAuth(NinjaSessionAuth):
    """django_auth, checking CSRF only once a session user is found.

    ninja's SessionAuth checks CSRF before looking for a user, so an anonymous POST would get
    403 "CSRF check Failed" instead of 401; scripts without a session must see 401.
    """

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


AUTH = [ApiTokenAuth(), SessionAuth()]
