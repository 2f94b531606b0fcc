"""The reminders section of a runner's Settings page."""

from __future__ import annotations

import functools
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


@functools.cache
def zone_choices() -> list[tuple[str, str]]:
    return [(z, z.replace("_", " ")) for z in sorted(zoneinfo.available_timezones()) if "/" in z or z == "UTC"]


class ReminderForm(forms.Form):
    enabled = forms.BooleanField(label=_("Send me reminders"), required=False)
    email = forms.BooleanField(label=_("By email"), required=False)
    push = forms.BooleanField(label=_("As notifications in this browser (subscribe below)"), required=False)
    at = forms.TimeField(
        label=_("Time of day"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"), required=True
    )
    quiet_days = forms.MultipleChoiceField(
        label=_("Days without messages"), choices=WEEKDAYS, required=False, widget=forms.CheckboxSelectMultiple
    )
    time_zone = forms.ChoiceField(label=_("Your time zone"), choices=zone_choices)

    def clean_quiet_days(self) -> list[int]:
        return sorted(int(d) for d in self.cleaned_data["quiet_days"])
