"""What other parts of the app may ask about reminders."""

from __future__ import annotations

from .models import ReminderSettings


def reminders_on(runner) -> bool:
    """Whether the runner has reminders turned on with a channel that can reach them (all a clinician sees)."""
    if runner.user_id is None:
        return False
    prefs = ReminderSettings.objects.filter(user_id=runner.user_id).select_related("user").first()
    if prefs is None or not prefs.enabled:
        return False
    return bool(prefs.channels(has_push_subscription=prefs.user.push_subscriptions.exists()))
