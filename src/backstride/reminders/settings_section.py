"""The reminders section of the runner's Settings page: what it shows, and saving it."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backstride.accounts.roles import runner_required

from .forms import ReminderForm
from .models import DEFAULT_TIME, ReminderSettings


def _initial(request) -> dict:
    prefs = ReminderSettings.objects.filter(user=request.user).first()
    zone = request.runner.time_zone
    if prefs is None:
        return {"enabled": False, "email": True, "push": False, "at": DEFAULT_TIME, "quiet_days": [], "time_zone": zone}
    return {
        "enabled": prefs.enabled,
        "email": prefs.email,
        "push": prefs.push,
        "at": prefs.at,
        "quiet_days": [str(d) for d in prefs.quiet_days],
        "time_zone": zone,
    }


def reminders_context(request) -> dict:
    """What the Settings page shows of reminders: the form, and whether this person has an email address."""
    return {
        "form": ReminderForm(initial=_initial(request), auto_id="id_reminder_%s"),
        "has_email": bool(request.user.email),
        "subscriptions": request.user.push_subscriptions.count(),
    }


@runner_required
@require_POST
def save_reminders(request):
    form = ReminderForm(request.POST, auto_id="id_reminder_%s")
    if not form.is_valid():
        messages.error(request, _("The reminders were not saved: give a time such as 07:30 and pick your time zone."))
        return redirect(reverse("settings") + "#reminders")
    c = form.cleaned_data
    ReminderSettings.objects.update_or_create(
        user=request.user,
        defaults={
            "enabled": c["enabled"],
            "email": c["email"],
            "push": c["push"],
            "at": c["at"],
            "quiet_days": c["quiet_days"],
        },
    )
    runner = request.runner
    if runner.time_zone != c["time_zone"]:
        runner.time_zone = c["time_zone"]
        runner.save(update_fields=["time_zone"])
    messages.success(request, _("Saved. Reminders are on.") if c["enabled"] else _("Saved. Reminders are off."))
    return redirect(reverse("settings") + "#reminders")
