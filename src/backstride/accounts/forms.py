from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _


class SignupForm(UserCreationForm):
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
        help_text=_("From your physiotherapist, to share your progress with them."),
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")


class TokenForm(forms.Form):
    name = forms.CharField(label=_("What is it for?"), max_length=80)
