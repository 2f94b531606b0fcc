"""Sign-up and personal API tokens; login, logout, password change and reset are Django's own views."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import limits
from .forms import SignupForm, TokenForm
from .models import ApiToken, Clinician


@require_http_methods(["GET", "POST"])
def signup(request):
    initial = {"invite_code": request.GET.get("invite", "")}
    form = SignupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        # A user name is unique, so whoever asks for one learns whether it was free. Counting every
        # complete attempt first bounds how many names one client can check; past the limit every
        # name gets the same answer, taken or not.
        if not limits.sign_up_allowed(request):
            form.add_error(None, _("Too many sign-ups from your network this hour. Please try again later."))
        elif form.name_is_taken() or not _create_account(request, form):
            form.add_error("username", _("That user name is not available. Please choose another."))
        else:
            return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


def _create_account(request, form: SignupForm) -> bool:
    """Create the account and log in; False when someone took the name a moment before."""
    # The account, its clinician profile and the login (its session) succeed together or not at all,
    # so a failure on the way never leaves an account behind that the person cannot sign up again for.
    try:
        with transaction.atomic():
            user = form.save()
            if form.cleaned_data["role"] == SignupForm.CLINICIAN:
                Clinician.objects.create(user=user)
            else:
                request.session["invite_code"] = form.cleaned_data["invite_code"].strip()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    except IntegrityError:
        if not form.name_is_taken():
            raise
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = ApiToken.issue(request.user, form.cleaned_data["name"], form.lifetime())
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
