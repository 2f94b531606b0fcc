"""The app's settings with one deliberately slow page added, for the request deadline test."""

from backstride.web.settings import *  # noqa: F403

ROOT_URLCONF = "tests.e2e.slow_urls"
