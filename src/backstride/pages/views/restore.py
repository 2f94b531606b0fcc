"""A fresh account takes its runner's data back from an export (the zip from Settings, or its JSON document)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from backstride.accounts.roles import clinician_for
from backstride.core.errors import InputError
from backstride.runners.models import Runner


class RestoreForm(forms.Form):
    export = forms.FileField(
        label=gettext_lazy("Your export"),
        help_text=gettext_lazy("The zip you downloaded from Settings in backstride, or the JSON document inside it."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def restore_export(request):
    from backstride.runners.restore import MAX_BYTES, read_document, restore

    if clinician_for(request.user) is not None:
        return redirect("clinic:roster")
    if Runner.objects.filter(user=request.user).exists():
        # restoring beside a program would leave two: only an account without one takes an export
        messages.info(request, _("This account already has a program: an export can only be restored on a new one."))
        return redirect("today")
    form = RestoreForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["export"]
        try:
            if upload.size > MAX_BYTES:
                raise InputError("export", _("is too large to be a backstride export"))
            doc = read_document(upload.read())
            with transaction.atomic():
                runner = restore(doc)
                runner.user = request.user
                runner.save(update_fields=["user"])
        except InputError as exc:
            form.add_error("export", f"{exc.field}: {exc.message}")
        else:
            messages.success(request, _("Your program is back, with everything you logged."))
            return redirect("today")
    return render(request, "pages/restore.html", {"form": form})
