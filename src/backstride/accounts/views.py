"""Sign-up and personal API tokens; login, logout and password reset are Django's own views."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .forms import SignupForm, TokenForm
from .models import ApiToken, Clinician


@require_http_methods(["GET", "POST"])
def signup(request):
    initial = {"invite_code": request.GET.get("invite", "")}
    form = SignupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        # The account, its clinician profile and the login (its session) succeed together or not at all,
        # so a failure on the way never leaves an account behind that the person cannot sign up again for.
        with transaction.atomic():
            user = form.save()
            if form.cleaned_data["role"] == SignupForm.CLINICIAN:
                Clinician.objects.create(user=user)
            else:
                request.session["invite_code"] = form.cleaned_data["invite_code"].strip()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = ApiToken.issue(request.user, form.cleaned_data["name"])
        form = TokenForm()
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "new_key": new_key,
            "tokens": request.user.api_tokens.all(),
            "nav": "settings",
        },
    )


@login_required
@require_POST
def revoke_token(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    token.delete()
    messages.success(request, _("Token revoked."))
    return redirect("tokens")
