"""Which clinician sees which runner, how runners join, and who looked at or changed what."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from backstride.accounts.models import Clinician
from backstride.runners.models import Runner

from . import invite_codes


class CareLink(models.Model):
    clinician = models.ForeignKey(Clinician, on_delete=models.CASCADE, related_name="links")
    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="care_links")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["clinician", "runner"], name="one_link_per_pair")]


def new_code() -> str:
    """A code to read out, such as K7QX-M3PD-R9TW (invite_codes.py); named here for migration 0001."""
    return invite_codes.new_code()


class Invite(models.Model):
    """A one-time code. Codes made before the readable ones (random URL-safe text) are kept as they were."""

    clinician = models.ForeignKey(Clinician, on_delete=models.CASCADE, related_name="invites")
    code = models.CharField(max_length=32, unique=True, default=new_code)
    created_at = models.DateTimeField(auto_now_add=True)
    used_by = models.ForeignKey(Runner, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class AuditEvent(models.Model):
    """Who viewed or changed what: written for every clinician view and change of a runner's data."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # A runner who deletes their account leaves the trail: the event keeps only an anonymous reference.
    runner = models.ForeignKey(Runner, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events")
    runner_ref = models.CharField(max_length=40, blank=True)  # "deleted runner 3f9a…", once the runner is gone
    action = models.CharField(max_length=40)
    detail = models.JSONField(default=dict)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["runner", "-at"])]


class Message(models.Model):
    """A short note on the runner's record, between the runner and their clinicians; each one is in the audit trail."""

    runner = models.ForeignKey(Runner, on_delete=models.CASCADE, related_name="messages")
    # who wrote it; a clinician who later deletes their account leaves "a former clinician"
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    from_clinician = models.BooleanField()
    text = models.TextField(max_length=1000)
    read_at = models.DateTimeField(null=True, blank=True)  # when the other side first saw it
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["runner", "created_at"])]
