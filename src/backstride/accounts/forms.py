import datetime as dt

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm, PasswordResetForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from backstride.core.inputs import hidden_character

from . import limits


class SignupForm(BaseUserCreationForm):
    """The account's details; the user name is chosen by the view (handles.new_user_name), never asked for.

    A name the person picked would have to be refused when taken, and that refusal would tell anyone
    who asks whether someone uses backstride.
    """

    RUNNER, CLINICIAN = "runner", "clinician"
    first_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_(
            "How you appear to your physiotherapist or to your runners. It need not be unique; "
            "your user name is made from its first word and four random characters."
        ),
    )
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
        fields = ("first_name", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs.update(autofocus=True, autocomplete="name")
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_first_name(self) -> str:
        name = " ".join(self.cleaned_data["first_name"].split())
        problem = hidden_character(name)
        if problem:
            raise forms.ValidationError(problem, code="hidden_character")
        return name


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
