"""Login throttling: axes' lock per account and client address, plus one per client address alone."""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Locks an account after AXES_FAILURE_LIMIT failures from one address, and an address after
    LOGIN_ADDRESS_FAILURE_LIMIT failures over any user names, so trying a few passwords on many
    accounts is stopped too.

    Axes compares one count with one limit for every lockout parameter; the higher limit for an address
    needs its own count. The attempts stay recorded per user name and address, so a successful login
    clears only that account's failures, never those an address piled up against other accounts.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        if self.failures_from_address(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            # a locked address counts as a locked account, the one limit axes knows
            return max(failures, get_failure_limit(request, credentials))
        return failures

    @staticmethod
    def failures_from_address(request) -> int:
        recent = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
        )
        return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0
