"""User names that the system chooses, so that signing up never tells anyone which names are taken.

A name a person picks must be refused when someone already has it, and the refusal answers "does this
person use backstride?", a question about their health. So nobody picks one: a new account's user name
is the first word of the person's name made plain (lower-case letters and digits, at most twelve;
accents and apostrophes dropped), a dash and four random characters, such as "casey-h7k2". The random
part is drawn again, out of sight, in the rare case that the whole name is in use, so what a new account
is given says nothing about the names that exist. The person logs in with it; the password-reset email
repeats it.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable

# No 0/o, 1/l/i: the name is read off a screen and typed again.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RANDOM_PART = 4  # 31**4, about 920,000 names for each first word
FIRST_WORD = 12
TRIES = 20  # a name is drawn again when taken; twenty misses in a row would need a nearly full space


class NoFreeName(RuntimeError):
    """Every drawn name was taken (the space for that first word is nearly full)."""


def first_word(name: str, fallback: str) -> str:
    """The first word of name in plain lower-case letters and digits, or fallback when nothing is left."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace("'", "")
    words = re.findall(r"[a-z0-9]+", plain)
    return words[0][:FIRST_WORD] if words else fallback


def new_user_name(
    name: str,
    fallback: str,
    taken: Callable[[str], bool],
    draw: Callable[[str], str] | None = None,
) -> str:
    """A user name for a person called name that taken() says is free; NoFreeName after TRIES draws.

    draw picks one character of ALPHABET: secrets.choice unless a test gives its own.
    """
    draw = draw or secrets.choice
    start = first_word(name, fallback)
    for _ in range(TRIES):
        candidate = f"{start}-{''.join(draw(ALPHABET) for _ in range(RANDOM_PART))}"
        if not taken(candidate):
            return candidate
    raise NoFreeName(start)
