"""A runner deleting their own account: every row about them goes, in one transaction.

Their Runner and everything under it (logs, plans, clinician links) cascade from their user. The audit
trail stays, because clinicians must still be able to show what they did, but its entries keep only a
random reference in place of the runner. Sign-in records, sessions and the staff admin's history of
their records go too.
"""

from __future__ import annotations

import secrets

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from backstride.clinic.models import AuditEvent
from backstride.clinic.services import LISTS_OF_RUNNERS
from backstride.runners.models import Runner

# What an audit entry about a deleted runner keeps of its detail: what kind of thing was done, never
# free text (a clinician's note may name the runner) nor the ids of rows that are gone.
KEPT_DETAIL = frozenset({"via", "page", "kind", "slot", "slug", "dosage_step", "date", "status", "model", "list"})


def anonymous_reference() -> str:
    return f"deleted runner {secrets.token_hex(4)}"


def delete_account(user) -> str:
    """Delete the user and their runner; returns the reference their audit entries now carry."""
    reference = anonymous_reference()
    with transaction.atomic():
        runner = Runner.objects.filter(user=user).first()
        if runner is not None:
            _anonymise_audit(runner, reference)
            _forget_admin_history(Runner, runner.pk)
        _forget_admin_history(get_user_model(), user.pk)
        _forget_sign_ins(user)
        user.delete()  # the runner and every row under it cascade from the user
    return reference


def _anonymise_audit(runner: Runner, reference: str) -> None:
    for event in AuditEvent.objects.filter(runner=runner):
        event.runner, event.runner_ref = None, reference
        event.detail = {k: v for k, v in event.detail.items() if k in KEPT_DETAIL}
        event.save(update_fields=["runner", "runner_ref", "detail"])
    # a list of the runners a clinician looked at names them by id: the id becomes the reference
    for event in AuditEvent.objects.filter(runner__isnull=True, action__in=LISTS_OF_RUNNERS):
        shown = event.detail.get("runners")
        if isinstance(shown, list) and runner.pk in shown:
            event.detail["runners"] = [reference if r == runner.pk else r for r in shown]
            event.save(update_fields=["detail"])


def _forget_admin_history(model, pk: int) -> None:
    if apps.is_installed("django.contrib.admin"):
        kind = ContentType.objects.get_for_model(model)
        apps.get_model("admin", "LogEntry").objects.filter(content_type=kind, object_id=str(pk)).delete()


def _forget_sign_ins(user) -> None:
    """Login sessions, and the sign-in attempts recorded by username (django-axes) when installed."""
    sessions = apps.get_model("sessions", "Session") if apps.is_installed("django.contrib.sessions") else None
    for session in sessions.objects.iterator() if sessions else ():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
    if apps.is_installed("axes"):
        for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
            apps.get_model("axes", name).objects.filter(username=user.username).delete()
