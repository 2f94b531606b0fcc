"""Small helpers shared by the runner pages."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib import messages
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from backstride.api.dates import EARLIEST, LATEST
from backstride.runners.program import replay_horizon
from backstride.runners.services import today

# The days the pages show and accept: from a few weeks before the plan's start (a run or check-in
# from just before it began) to a week past today, or past the plan's 8 weeks while they are
# still ahead. Anything further is refused rather than worked out day by day.
DAYS_BEFORE_START = 28
DAYS_AHEAD = 7
# A whole number typed in a form: ASCII digits only (str.isdigit() accepts "²", which int() refuses),
# and short enough that int() never meets its limit on digits.
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,6}")


def allowed_days(runner) -> tuple[dt.date, dt.date]:
    """The first and last day a runner's pages show or accept a log for."""
    plan = runner.current_plan if runner is not None else None
    if plan is None:
        return EARLIEST, LATEST
    now = today()
    first = min(now, plan.start_date - dt.timedelta(days=DAYS_BEFORE_START))
    last = max(now, plan.end_date) + dt.timedelta(days=DAYS_AHEAD)
    return first, min(last, replay_horizon(plan))


def out_of_range(runner, day: dt.date) -> str | None:
    """Why a runner cannot use this day, or None when it is within their allowed days."""
    first, last = allowed_days(runner)
    if first <= day <= last:
        return None
    return _("Choose a date from %(first)s to %(last)s.") % {"first": first.isoformat(), "last": last.isoformat()}


def asked_day(request, key: str = "date") -> tuple[dt.date, str | None]:
    """The ?date=YYYY-MM-DD asked for (used by the demo and by tests), else today; and why it was not used."""
    runner = getattr(request, "runner", None)
    first, last = allowed_days(runner)
    fallback = min(max(today(), first), last)
    value = request.GET.get(key)
    if not value:
        return fallback, None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return fallback, _("The date must be written YYYY-MM-DD.")
    problem = out_of_range(runner, day)
    return (fallback, problem) if problem else (day, None)


def day_from(request, key: str = "date") -> dt.date:
    """The day asked for; a day that cannot be shown is replaced by today, with a message saying so."""
    day, problem = asked_day(request, key)
    if problem:
        messages.warning(request, _("%(problem)s Showing today instead.") % {"problem": problem})
    return day


def safe_next(request, default: str) -> str:
    """The `next` page posted or asked for when it is a page of this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    local = target.startswith("/") and not target.startswith("//")
    allowed = local and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if allowed else default


def has_nul(post) -> bool:
    """True when any posted value holds the NUL character, which the database cannot store as text."""
    return any("\x00" in value for _key, values in post.lists() for value in values)
