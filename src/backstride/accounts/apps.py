import logging

from django.apps import AppConfig, apps
from django.conf import settings

log = logging.getLogger("backstride.accounts")

# Email backends that deliver nothing, and what becomes of the emails with them.
UNDELIVERED = {
    "django.core.mail.backends.dummy.EmailBackend": "are not sent",
    "django.core.mail.backends.console.EmailBackend": "are printed to the log, reset links included",
}


def email_warning() -> str | None:
    """What a production server should say at start-up about its email, or None when it delivers."""
    fate = UNDELIVERED.get(settings.EMAIL_BACKEND)
    if not getattr(settings, "PRODUCTION", False) or fate is None:
        return None
    return (
        f"No SMTP server is configured (set BACKSTRIDE_EMAIL_HOST): emails {fate}, so nobody can reset "
        "a forgotten password."
    )


class AccountsConfig(AppConfig):
    name = "backstride.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Said once when the web app starts (`backstride serve`, gunicorn, any manage command); the data
        # commands of the command line run without the web stack and send no email.
        warning = email_warning()
        if warning and apps.is_installed("django.contrib.sessions"):
            log.warning(warning)
