"""Small helpers shared by the runner pages."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    return timezone.localdate()


def day_from(request, key: str = "date") -> dt.date:
    """A ?date=YYYY-MM-DD query (used by the demo and by tests), else today."""
    value = request.GET.get(key)
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return today()
