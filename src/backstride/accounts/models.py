"""Clinician accounts and personal API tokens. A runner account is a user linked to a Runner."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "bs_"
# How stale a token's "last used" may be: a busy script writes it once a minute, not on every request.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


class Clinician(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinician")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.username


USER_BY_TOKEN = (
    "SELECT u.*, t.id AS token_id, t.expires_at AS token_expires_at, t.last_used_at AS token_last_used_at "
    "FROM auth_user u JOIN accounts_apitoken t ON t.user_id = u.id WHERE t.key_hash = %s"
)


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    return timezone.make_aware(moment, dt.UTC) if moment is not None and timezone.is_naive(moment) else moment


class ApiToken(models.Model):
    """A personal token for scripts; only its hash is stored, the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)  # empty: never expires
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def has_expired(self, now: dt.datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name: str, lifetime: dt.timedelta | None = None) -> tuple[ApiToken, str]:
        """A new token and its key; it expires after lifetime, or never without one."""
        key = TOKEN_PREFIX + secrets.token_urlsafe(32)
        expires_at = timezone.now() + lifetime if lifetime else None
        token = cls.objects.create(user=user, name=name, prefix=key[:10], key_hash=cls.hash(key), expires_at=expires_at)
        return token, key

    @classmethod
    def user_for(cls, key: str):
        """The active user whose unexpired token this is, or None; notes the use.

        Every API call asks it first, so it is one plain query (an ORM query costs more to build than
        to run). The token's times come back as the database gives them: naive UTC from SQLite.
        """
        from django.contrib.auth import get_user_model

        found = list(get_user_model().objects.raw(USER_BY_TOKEN, [cls.hash(key)]))
        if not found:
            return None
        user, now = found[0], timezone.now()
        expires_at, last_used_at = _aware(user.token_expires_at), _aware(user.token_last_used_at)
        if (expires_at is not None and expires_at <= now) or not user.is_active:
            return None
        if last_used_at is None or now - last_used_at >= LAST_USED_PRECISION:
            cls.objects.filter(pk=user.token_id).update(last_used_at=now)
        return user
