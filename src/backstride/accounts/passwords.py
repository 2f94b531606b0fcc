"""What a new password ends: the account's API tokens (its other sessions end through Django itself)."""

from __future__ import annotations

from django.utils.translation import gettext as _


class NewPasswordEndsTokens:
    """Listed in AUTH_PASSWORD_VALIDATORS for its password_changed hook, which validates nothing.

    Django calls the hook whenever a password is set and saved: a reset, a change, the admin,
    `changepassword`, but not the silent rehash when a hasher's settings change. Every other session
    ends at the same moment, because its stored hash of the password no longer matches
    (get_session_auth_hash); the view that changed it keeps its own with update_session_auth_hash.
    """

    def validate(self, password, user=None) -> None:
        return None

    def password_changed(self, password, user=None) -> None:
        if user is not None and user.pk is not None:
            user.api_tokens.all().delete()

    def get_help_text(self) -> str:
        return _("Whenever your password changes, your other devices are signed out and your API tokens end.")
