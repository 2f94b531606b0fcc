"""Invite codes a clinician can read out over the phone and a runner can type without a mistake.

Pure Python, no Django: making a code and reading back what someone typed.
"""

from __future__ import annotations

import re
import secrets

# No characters that look or sound alike: no 0/O, no 1/I/L (8 digits and 23 letters).
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUP_SIZE, GROUPS = 4, 3
# 12 characters from 31 give 31**12 ≈ 7.9e17 codes, about 59 bits: guessing an unused one by
# trying codes at the sign-up page's limit (a few per client an hour) would take millions of years.
LENGTH = GROUP_SIZE * GROUPS
SEPARATOR = "-"
# What people type between groups, or by habit when copying: spaces, dashes of any kind, dots.
TYPED_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212.]+")


def new_code() -> str:
    """A random code in its stored form, such as K7QX-M3PD-R9TW."""
    return grouped("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def grouped(characters: str) -> str:
    return SEPARATOR.join(characters[i : i + GROUP_SIZE] for i in range(0, len(characters), GROUP_SIZE))


def readable_form(typed: str) -> str | None:
    """The stored form of a code as typed (any case, with or without spaces and dashes); None if it cannot be one."""
    characters = TYPED_SEPARATORS.sub("", typed or "").upper()
    if len(characters) != LENGTH or any(c not in ALPHABET for c in characters):
        return None
    return grouped(characters)
