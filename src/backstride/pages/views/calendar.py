"""The calendar feed: the private address calendar apps subscribe to, a one-off download, and its settings."""

from __future__ import annotations

from django import forms
from django.conf import settings as django_settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from backstride.accounts.roles import runner_required

CONTENT_TYPE = "text/calendar; charset=utf-8"


class SessionTimeForm(forms.Form):
    session_time = forms.TimeField(
        label=gettext_lazy("Time of day for your sessions (leave empty for all-day events)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )


def site_url(request) -> str:
    return django_settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")


def feed_context(request) -> dict:
    """What the Settings page shows of the feed: the private address, if there is one, and the time form."""
    from backstride.runners.models import CalendarFeed

    feed = CalendarFeed.objects.filter(runner=request.runner).first()
    address = None
    if feed is not None and feed.token:
        address = site_url(request) + reverse("calendar_feed", args=[feed.token])
    time = feed.session_time.strftime("%H:%M") if feed and feed.session_time else None
    return {"address": address, "time_form": SessionTimeForm(initial={"session_time": time})}


# No login: calendar apps cannot sign in, so the long random token in the address is the key.
@never_cache
@require_GET
def calendar_feed(request, token: str):
    from backstride.runners.calendar_feed import calendar_ics, runner_for_token

    runner = runner_for_token(token)
    if runner is None:
        raise Http404("No such calendar.")
    return HttpResponse(calendar_ics(runner, site_url(request)), content_type=CONTENT_TYPE)


@runner_required
@require_GET
def calendar_download(request):
    from backstride.runners.calendar_feed import calendar_ics

    response = HttpResponse(calendar_ics(request.runner, site_url(request)), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="backstride.ics"'
    return response


@runner_required
@require_POST
def calendar_settings(request):
    """Make or renew the private address, turn it off, or set the time of day sessions go in at."""
    from backstride.runners import calendar_feed
    from backstride.runners.models import CalendarFeed

    action = request.POST.get("action")
    if action == "renew":
        calendar_feed.renew(request.runner)
        messages.success(request, _("Your calendar has a new private address. Any old address no longer works."))
    elif action == "revoke":
        calendar_feed.revoke(request.runner)
        messages.success(
            request, _("Your calendar address is turned off. Calendars subscribed to it get nothing more.")
        )
    elif action == "time":
        form = SessionTimeForm(request.POST)
        if form.is_valid():
            CalendarFeed.objects.update_or_create(
                runner=request.runner, defaults={"session_time": form.cleaned_data["session_time"]}
            )
            messages.success(request, _("Saved. Your calendar shows sessions at this time."))
        else:
            messages.error(request, _("Give a time such as 07:30, or leave it empty."))
    return redirect(reverse("settings") + "#calendar")
