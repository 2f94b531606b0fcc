from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect

from backstride.accounts.roles import clinician_for, runner_for


def home(request):
    """Send each person to where they start: the roster, today's session, or onboarding."""
    if not request.user.is_authenticated:
        return redirect("login")
    if clinician_for(request.user) is not None:
        return redirect("clinic:roster")
    runner = runner_for(request.user)
    if runner is None or not runner.assessments.exists():
        return redirect("onboarding")
    return redirect("today")


@login_required
def ping(request):
    """The smallest signed-in page: the framework's floor for the speed benchmark."""
    return HttpResponse("ok", content_type="text/plain")
