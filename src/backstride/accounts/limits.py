"""How often one client may sign up or ask for password-reset emails, counted in Django's cache.

Each limit counts in fixed windows of the clock (this hour, then the next). The cache is the one every
server process shares (files on this machine, or Redis with REDIS_URL), so their counts add up; on the
file cache two requests at the same instant may count once, which a limit of this size can bear.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

HOUR = 60 * 60
# Sign-ups (accepted, or refused for the user name) from one client address per hour: enough for a
# household or a clinic's waiting room, too few to map which user names are taken.
SIGN_UPS_PER_ADDRESS = 10
# Reset emails asked for one email address per hour: a lost first email can be asked for again.
RESETS_PER_EMAIL = 3
# Reset emails asked for from one client address per hour, whatever the addresses.
RESETS_PER_ADDRESS = 10


def client_address(request) -> str:
    """The address of the client; behind BACKSTRIDE_PROXY_COUNT reverse proxies, the one the outermost saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the client is the
    entry that many places from the end; entries before it were written by the client and prove nothing.
    Axes uses this too (AXES_CLIENT_IP_CALLABLE), so login and these limits agree on who is calling.
    """
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _count(kind: str, who: str, window: int) -> int:
    """Add one to who's count of kind in the current window and return the new count."""
    current = int(time.time() // window)
    key = f"limit:{kind}:{hashlib.sha256(who.encode()).hexdigest()}:{current}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, window)
        return 1
    cache.touch(key, window)  # the file cache's incr stores the count again with the default timeout
    return count


def sign_up_allowed(request) -> bool:
    """Count one sign-up attempt from this client and say whether it is within the limit."""
    return _count("sign-up", client_address(request), HOUR) <= SIGN_UPS_PER_ADDRESS


def reset_email_allowed(request, email: str) -> bool:
    """Count one reset request for email from this client and say whether both are within their limits.

    Every request counts, whether or not an account uses the address, so the limit itself tells nothing.
    """
    per_email = _count("reset-email", email.strip().lower(), HOUR)
    per_address = _count("reset-address", client_address(request), HOUR)
    return per_email <= RESETS_PER_EMAIL and per_address <= RESETS_PER_ADDRESS
