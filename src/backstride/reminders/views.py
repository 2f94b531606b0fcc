"""Unsubscribing from a link in an email, and this browser's push subscription."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .models import PushSubscription, ReminderSettings
from .unsubscribe import read_token

MAX_BODY = 4096  # a subscription is a few hundred bytes


# No login and no CSRF token: mail programs POST here on the reader's behalf (RFC 8058 one-click),
# so the signed token in the address is the whole authority, and it can only turn messages off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    found = read_token(token)
    if found is None:
        return render(request, "reminders/unsubscribe.html", {"invalid": True}, status=400)
    user_id, channel = found
    if request.method == "GET":
        return render(request, "reminders/unsubscribe.html", {"token": token, "channel": channel})
    ReminderSettings.objects.filter(user_id=user_id).update(**{channel: False})
    return render(request, "reminders/unsubscribe.html", {"done": True, "channel": channel})


def _subscription(request) -> dict | None:
    if len(request.body) > MAX_BODY:
        return None
    try:
        data = json.loads(request.body)
        keys = data["keys"]
        endpoint, p256dh, auth = data["endpoint"], keys["p256dh"], keys["auth"]
    except (ValueError, KeyError, TypeError):
        return None
    if not all(isinstance(v, str) and v for v in (endpoint, p256dh, auth)) or not endpoint.startswith("https://"):
        return None
    return {"endpoint": endpoint, "p256dh": p256dh, "auth": auth}


@login_required
def push_key(request):
    from .push import vapid_keys

    return JsonResponse({"public_key": vapid_keys()[1]})


@login_required
@require_POST
def push_subscribe(request):
    """The browser's PushManager subscription, as JSON; saving it also turns the push channel on."""
    sub = _subscription(request)
    if sub is None:
        return HttpResponseBadRequest("A push subscription needs an https endpoint and its two keys.")
    PushSubscription.objects.update_or_create(
        endpoint=sub["endpoint"], defaults={"user": request.user, "p256dh": sub["p256dh"], "auth": sub["auth"]}
    )
    ReminderSettings.objects.update_or_create(user=request.user, defaults={"push": True})
    return JsonResponse({"subscribed": True}, status=201)


@login_required
@require_POST
def push_unsubscribe(request):
    try:
        endpoint = json.loads(request.body)["endpoint"]
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("Say which endpoint.")
    PushSubscription.objects.filter(user=request.user, endpoint=endpoint).delete()
    return HttpResponse(status=204)
