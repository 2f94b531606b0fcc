"""The runner's side of the messages on their record: read what their clinicians wrote, and answer."""

from __future__ import annotations

from django.contrib import messages as notices
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from backstride.accounts.roles import runner_required
from backstride.clinic import services
from backstride.clinic.messages import send, thread
from backstride.core.errors import InputError


@runner_required
@require_http_methods(["GET", "POST"])
def runner_messages(request):
    runner = request.runner
    linked = services.linked_clinicians(runner)
    if request.method == "POST":
        if not linked:
            notices.error(request, _("No clinician follows your record, so there is nobody to write to."))
            return redirect("runner_messages")
        try:
            send(runner, request.user, request.POST.get("text", ""), from_clinician=False)
        except InputError as exc:
            notices.error(request, f"{exc.field}: {exc.message}")
        else:
            notices.success(request, _("Message sent."))
        return redirect(reverse("runner_messages") + "#messages")
    context = {
        "thread": thread(runner, reader_is_clinician=False),
        "clinicians": [services.clinician_name(c.user) for c in linked],
        "post_url": reverse("runner_messages"),
        "label": _("Write to your clinicians"),
        "empty": _("No messages yet."),
        "nav": "settings",
    }
    return render(request, "pages/messages.html", context)
