"""Settings for the data commands of the command line: the web settings with only the apps they use.

Loading the admin, sessions, login throttling and the rest costs a tenth of a second that a
command like `backstride today` should not pay. `serve` and `demo` use the full settings.
"""

from .settings import *  # noqa: F403
from .settings import INSTALLED_APPS

INSTALLED_APPS = [
    app
    for app in INSTALLED_APPS
    if app in ("django.contrib.contenttypes", "django.contrib.auth")
    or (app.startswith("backstride.") and app != "backstride.pages")
]
MIDDLEWARE: list[str] = []
# Django's default logging adds a mail-the-admins handler that imports the whole view layer;
# the command line reports its own errors.
LOGGING_CONFIG = None
