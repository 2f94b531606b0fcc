"""Who wants reminders and how, the browsers subscribed to push, and each message sent (once)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from backstride.runners.models import Runner

DEFAULT_TIME = dt.time(8, 0)


class ReminderSettings(models.Model):
    """A person's reminder preferences: a runner's, or a clinician's weekly digest."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings")
    enabled = models.BooleanField(default=False)  # nothing is sent until the person turns it on
    email = models.BooleanField(default=True)
    push = models.BooleanField(default=False)
    at = models.TimeField(default=DEFAULT_TIME)  # wall-clock time in the person's own zone
    quiet_days = models.JSONField(default=list)  # weekdays without messages, 0 = Monday
    # A runner's zone is Runner.time_zone; this one serves a person who is not a runner (a clinician).
    time_zone = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def channels(self, has_push_subscription: bool) -> list[str]:
        out = []
        if self.email and self.user.email:
            out.append(Delivery.EMAIL)
        if self.push and has_push_subscription:
            out.append(Delivery.PUSH)
        return out


class PushSubscription(models.Model):
    """One browser's push subscription, as its PushManager gave it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions")
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)


class VapidKeys(models.Model):
    """The server's Web Push key pair, made on first use and kept here (one row), unless set in settings."""

    private_pem = models.TextField()
    public_key = models.CharField(max_length=128)  # uncompressed point, URL-safe base64, as browsers want it
    created_at = models.DateTimeField(auto_now_add=True)


class Delivery(models.Model):
    """One message to one person on one channel, for one kind and local day: claimed once, sent once."""

    EMAIL, PUSH = "email", "push"
    PENDING, SENDING, SENT, RETRY, FAILED = "pending", "sending", "sent", "retry", "failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_deliveries")
    runner = models.ForeignKey(Runner, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=32)
    local_date = models.DateField()
    channel = models.CharField(max_length=8)
    detail = models.JSONField(default=dict)
    claim = models.CharField(max_length=32)  # the claim that inserted the row: how a worker knows it is its own
    status = models.CharField(max_length=8, default=PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_try_at = models.DateTimeField(null=True, blank=True)
    sending_since = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "local_date", "channel"], name="one_reminder_a_day")
        ]
        indexes = [models.Index(fields=["status", "next_try_at"]), models.Index(fields=["claim"])]


class MaintenanceLapse(models.Model):
    """A runner with a clinician has gone two or more maintenance weeks without a core session."""

    runner = models.OneToOneField(Runner, on_delete=models.CASCADE, related_name="maintenance_lapse")
    missed_weeks = models.PositiveSmallIntegerField()
    as_of = models.DateField()
