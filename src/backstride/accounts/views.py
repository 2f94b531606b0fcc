"""Sign-up and personal API tokens; login, logout, password change and reset are Django's own views."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import handles, limits
from .forms import SignupForm, TokenForm
from .models import ApiToken, Clinician


@require_http_methods(["GET", "POST"])
def signup(request):
    initial = {"invite_code": request.GET.get("invite", "")}
    form = SignupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        # Nobody picks a user name (handles.py), so no answer here depends on which names exist; the
        # limit bounds how many accounts one client can make.
        if not limits.sign_up_allowed(request):
            form.add_error(None, _("Too many sign-ups from your network this hour. Please try again later."))
        else:
            user = _create_account(request, form)
            welcome = _(
                "Welcome, {name}. Your user name is <strong>{username}</strong>: you log in with it and your "
                "password. Keep it somewhere safe; the password-reset email repeats it, and Settings shows it."
            )
            messages.success(request, format_html(welcome, name=user.first_name, username=user.get_username()))
            return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


def _name_is_taken(username: str) -> bool:
    # the rule of Django's UserCreationForm: names differing only in case are one name
    return User.objects.filter(username__iexact=username).exists()


def _create_account(request, form: SignupForm) -> User:
    """Create the account under a new user name and log in.

    The account, its clinician profile and the login (its session) succeed together or not at all,
    so a failure on the way never leaves an account behind. A name taken between the check and the
    insert (two sign-ups drawing the same name at once) is drawn again.
    """
    clinician = form.cleaned_data["role"] == SignupForm.CLINICIAN
    fallback = "physio" if clinician else "runner"
    for _attempt in range(3):
        form.instance.username = handles.new_user_name(form.cleaned_data["first_name"], fallback, _name_is_taken)
        try:
            with transaction.atomic():
                user = form.save()
                if clinician:
                    Clinician.objects.create(user=user)
                else:
                    request.session["invite_code"] = form.cleaned_data["invite_code"].strip()
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        except IntegrityError:
            if not _name_is_taken(form.instance.username):
                raise
            continue  # the failed insert left the unsaved account as it was: draw another name
        return user
    raise handles.NoFreeName(form.cleaned_data["first_name"])


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
