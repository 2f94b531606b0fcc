import datetime as dt

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm, PasswordResetForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from . import limits


class SignupForm(BaseUserCreationForm):
    """The account's details. Whether the user name is free is left to the view (views.signup).

    The view answers only after counting the attempt against the client's sign-up limit, so nobody
    can check names faster than that; Django's UserCreationForm would answer on every request.
    """

    RUNNER, CLINICIAN = "runner", "clinician"
    email = forms.EmailField(label=_("Email"), help_text=_("For resetting your password."))
    role = forms.ChoiceField(
        label=_("I am"),
        choices=[(RUNNER, _("a runner")), (CLINICIAN, _("a physiotherapist or coach"))],
        widget=forms.RadioSelect,
        initial=RUNNER,
    )
    invite_code = forms.CharField(
        label=_("Invite code (optional)"),
        required=False,
        max_length=32,
        help_text=_(
            "From your physiotherapist, to share your progress with them. "
            "Small or capital letters, with or without the dashes: both work."
        ),
    )

    class Meta(BaseUserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def validate_unique(self):
        """Skipped: the view checks the user name, after the sign-up limit."""

    def name_is_taken(self) -> bool:
        # the same rule as Django's UserCreationForm: names differing only in case are one name
        return User.objects.filter(username__iexact=self.cleaned_data["username"]).exists()


class TokenForm(forms.Form):
    NEVER = "never"
    name = forms.CharField(label=_("What is it for?"), max_length=80)
    expires = forms.ChoiceField(
        label=_("Stops working after"),
        choices=[("30", _("30 days")), ("90", _("90 days")), ("365", _("a year")), (NEVER, _("never"))],
        initial="90",
    )

    def lifetime(self) -> dt.timedelta | None:
        days = self.cleaned_data["expires"]
        return None if days == self.NEVER else dt.timedelta(days=int(days))


class LimitedPasswordResetForm(PasswordResetForm):
    """Django's reset form, sending nothing once the address or the client has asked too often.

    The page that follows is the same either way, so the limit tells nothing about the account.
    """

    def save(self, *args, request=None, **kwargs):
        if request is not None and not limits.reset_email_allowed(request, self.cleaned_data["email"]):
            return
        super().save(*args, request=request, **kwargs)
