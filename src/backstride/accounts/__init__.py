"""Accounts: sign-up, roles (runner, clinician) and personal API tokens."""
