"""Django settings, read from the environment with safe defaults for the embedded mode.

The default database is one SQLite file in the user's data folder; BACKSTRIDE_DB (a file
path) or DATABASE_URL (for example postgres://user@host/db) override it.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from platformdirs import user_data_dir

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("BACKSTRIDE_DATA_DIR") or user_data_dir("backstride", appauthor=False))

DEV_SECRET_KEY = "backstride-dev-key-not-for-production"
SECRET_KEY = os.environ.get("BACKSTRIDE_SECRET_KEY", DEV_SECRET_KEY)
DEBUG = os.environ.get("BACKSTRIDE_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("BACKSTRIDE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "backstride.runners",
    "backstride.cli",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "backstride.web.urls"
WSGI_APPLICATION = "backstride.web.wsgi.application"


def database_config() -> dict:
    """BACKSTRIDE_DB (an SQLite file) wins, then DATABASE_URL, then the embedded file."""
    path = os.environ.get("BACKSTRIDE_DB")
    url = os.environ.get("DATABASE_URL")
    if url and not path:
        return dj_database_url.parse(url, conn_max_age=60)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(Path(path or DATA_DIR / "backstride.sqlite3")),
        "OPTIONS": {
            # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at the
            # start of a transaction, and the timeout waits for it instead of failing at once.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
        },
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("BACKSTRIDE_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

if not DEBUG and SECRET_KEY == DEV_SECRET_KEY and os.environ.get("BACKSTRIDE_ENV") == "production":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Set BACKSTRIDE_SECRET_KEY: production refuses the default secret key.")
