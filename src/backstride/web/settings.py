"""Django settings, read from the environment with safe defaults for the embedded mode.

The default database is one SQLite file in the user's data folder; BACKSTRIDE_DB (a file
path) or DATABASE_URL (for example postgres://user@host/db) override it.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from platformdirs import user_cache_dir, user_data_dir

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("BACKSTRIDE_DATA_DIR") or user_data_dir("backstride", appauthor=False))

DEV_SECRET_KEY = "backstride-dev-key-not-for-production"
SECRET_KEY = os.environ.get("BACKSTRIDE_SECRET_KEY", DEV_SECRET_KEY)
DEBUG = os.environ.get("BACKSTRIDE_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("BACKSTRIDE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

PRODUCTION = os.environ.get("BACKSTRIDE_ENV") == "production"
HTTPS = PRODUCTION or os.environ.get("BACKSTRIDE_HTTPS") == "1"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # its bundled API docs page, so nothing loads from a CDN
    "axes",
    "backstride.runners",
    "backstride.accounts",
    "backstride.clinic",
    "backstride.pages",
    "backstride.cli",
    "backstride.reminders",
    "backstride.offline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "backstride.pages.context.roles",
            ],
        },
    }
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling first
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # not a rule: its hook ends the account's API tokens whenever the password changes
    {"NAME": "backstride.accounts.passwords.NewPasswordEndsTokens"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: five failures for a username from one address lock it for 15 minutes, and thirty
# from one address, whatever the usernames, lock that address (accounts/lockout.py).
AXES_FAILURE_LIMIT = int(os.environ.get("BACKSTRIDE_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("BACKSTRIDE_LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "backstride.accounts.lockout.AccountAndAddressHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
# Reverse proxies in front of the server (each appends to X-Forwarded-For); 0 means clients connect directly.
# Without it, behind a proxy every client would share the proxy's address and its login limit.
PROXY_COUNT = int(os.environ.get("BACKSTRIDE_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "backstride.accounts.limits.client_address"

# Email goes by SMTP when BACKSTRIDE_EMAIL_HOST names a server. Otherwise it is printed to the console in
# development (BACKSTRIDE_DEBUG=1) and not sent at all elsewhere: a printed reset link in a server's log
# would let whoever reads the log into the account. Production says so at start-up (accounts/apps.py).
EMAIL_HOST = os.environ.get("BACKSTRIDE_EMAIL_HOST") or "localhost"


def email_backend() -> str:
    """BACKSTRIDE_EMAIL_BACKEND wins; then SMTP with a host, the console in development, else nothing."""
    if os.environ.get("BACKSTRIDE_EMAIL_BACKEND"):
        return os.environ["BACKSTRIDE_EMAIL_BACKEND"]
    if os.environ.get("BACKSTRIDE_EMAIL_HOST"):
        return "django.core.mail.backends.smtp.EmailBackend"
    if DEBUG and not PRODUCTION:
        return "django.core.mail.backends.console.EmailBackend"
    return "django.core.mail.backends.dummy.EmailBackend"


EMAIL_BACKEND = email_backend()
EMAIL_PORT = int(os.environ.get("BACKSTRIDE_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("BACKSTRIDE_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("BACKSTRIDE_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("BACKSTRIDE_EMAIL_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("BACKSTRIDE_FROM_EMAIL", "backstride <noreply@localhost>")

STATIC_URL = "static/"
# Only a production deployment collects static files (BACKSTRIDE_STATIC_ROOT); the embedded server
# serves them straight from the apps through WhiteNoise's finders.
STATIC_ROOT = os.environ.get("BACKSTRIDE_STATIC_ROOT") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve straight from the apps too, so `serve` needs no collectstatic step

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = HTTPS and os.environ.get("BACKSTRIDE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("BACKSTRIDE_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# Content security policy: only our own scripts and styles; charts are inline SVG.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Who is mailed each server error, with its traceback: BACKSTRIDE_ADMINS=ops@example.org,other@example.org
ADMINS = [(a.strip(), a.strip()) for a in os.environ.get("BACKSTRIDE_ADMINS", "").split(",") if a.strip()]
SERVER_EMAIL = os.environ.get("BACKSTRIDE_SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Server errors (django.request) go to standard error with their traceback in every environment,
# and by mail to ADMINS when there are any; they do not propagate, so nothing is sent twice.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "plain"},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "loggers": {
        "axes": {"handlers": ["console"], "level": "WARNING"},
        "backstride.accounts": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "django.request": {"handlers": ["stderr", "mail_admins"], "level": "ERROR", "propagate": False},
    },
}

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
        # each server thread keeps its connection: opening one (its settings, Django's SQL functions)
        # cost about as much as a small page
        "CONN_MAX_AGE": 60,
        "OPTIONS": {
            # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at the
            # start of a transaction, and the timeout waits for it instead of failing at once.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
        },
    }


DATABASES = {"default": database_config()}
# Derived views, replay checkpoints and rate limits, shared by every server process: Redis when
# REDIS_URL is set (pip install "backstride[redis]"), else files on this machine. View keys carry
# the runner's version, so a write leaves the old entries unused rather than stale.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(
                Path(os.environ.get("BACKSTRIDE_CACHE_DIR") or user_cache_dir("backstride", appauthor=False)) / "shared"
            ),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Queued and periodic jobs (reminders): Huey on the Redis server when REDIS_URL is set, else an SQLite
# file beside the embedded database. `backstride worker` runs them; `backstride serve` starts one.
if REDIS_URL:
    HUEY = {"huey_class": "huey.RedisHuey", "name": "backstride", "url": REDIS_URL}
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "backstride",
        "filename": os.environ.get("BACKSTRIDE_QUEUE_FILE") or str(DATA_DIR / "queue.sqlite3"),
    }
# Web Push keys: made on first use and kept in the database unless both are given here.
VAPID_PRIVATE_KEY = os.environ.get("BACKSTRIDE_VAPID_PRIVATE_KEY", "")  # PEM text
VAPID_PUBLIC_KEY = os.environ.get("BACKSTRIDE_VAPID_PUBLIC_KEY", "")  # URL-safe base64 of the raw point
VAPID_SUBJECT = os.environ.get("BACKSTRIDE_VAPID_SUBJECT", "mailto:noreply@localhost")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("BACKSTRIDE_TIME_ZONE", "UTC")
# The address the calendar feed links back to; unset, a page request's own address is used.
SITE_URL = os.environ.get("BACKSTRIDE_SITE_URL", "").rstrip("/")
USE_I18N = True
USE_TZ = True
# The largest activity file or account archive one upload may hold (Strava archives of years run to hundreds of MB).
UPLOAD_MAX_MB = int(os.environ.get("BACKSTRIDE_UPLOAD_MAX_MB", "512"))

if PRODUCTION and (SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "Set BACKSTRIDE_SECRET_KEY to a long random value: production refuses the default secret key."
    )
