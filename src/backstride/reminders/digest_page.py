"""A clinician's weekly digest: on or off, the time it comes and the zone it is read in."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from backstride.accounts.roles import clinician_required

from .forms import zone_choices
from .models import DEFAULT_TIME, ReminderSettings


class DigestForm(forms.Form):
    enabled = forms.BooleanField(label=gettext_lazy("Email me a summary every Monday"), required=False)
    at = forms.TimeField(
        label=gettext_lazy("Time of day"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    time_zone = forms.ChoiceField(label=gettext_lazy("Your time zone"), choices=zone_choices)


@clinician_required
@require_http_methods(["GET", "POST"])
def digest_settings(request):
    prefs = ReminderSettings.objects.filter(user=request.user).first()
    initial = {
        "enabled": bool(prefs and prefs.enabled),
        "at": prefs.at if prefs else DEFAULT_TIME,
        "time_zone": (prefs.time_zone if prefs else "") or settings.TIME_ZONE,
    }
    form = DigestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        ReminderSettings.objects.update_or_create(
            user=request.user,
            defaults={"enabled": c["enabled"], "email": True, "at": c["at"], "time_zone": c["time_zone"]},
        )
        messages.success(request, _("Saved."))
        return redirect("reminders:digest")
    return render(request, "reminders/digest.html", {"form": form, "has_email": bool(request.user.email)})
