"""The runner's own data: download all of it, or delete the account and everything about them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from backstride.accounts.deletion import delete_account
from backstride.accounts.roles import runner_required
from backstride.runners.export import export_zip, file_name
from backstride.runners.models import Runner


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password, to confirm it is you"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


@runner_required
@require_GET
def download_export(request):
    runner = Runner.objects.get(pk=request.runner.pk)  # with its state, which the page lookup leaves out
    response = HttpResponse(export_zip(runner), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{file_name(timezone.localdate())}"'
    response["Cache-Control"] = "no-store"
    return response


@runner_required
@require_http_methods(["GET", "POST"])
def delete_my_account(request):
    """A page saying what goes, then (POST, with the password typed again) the deletion."""
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # authenticate() rather than check_password(): wrong guesses count towards the sign-in lockout
        user = authenticate(request, username=request.user.username, password=form.cleaned_data["password"])
        if user is None or user.pk != request.user.pk:
            form.add_error("password", _("That is not your password. Nothing was deleted."))
        else:
            delete_account(request.user)
            logout(request)
            messages.success(request, _("Your account and all your data have been deleted."))
            return redirect("home")
    return render(request, "pages/delete_account.html", {"form": form, "nav": "settings"})
