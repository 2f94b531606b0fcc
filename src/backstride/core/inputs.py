"""Checks every entry point (web, API, command line) applies to what a person typed, before it is stored.

Names and notes must not hide what they say: the NUL character cannot be stored as text on
PostgreSQL, and the bidirectional controls can make a note read differently from what it holds.
An exercise logged must be one the library knows, or progressions and reports meet a slug they
cannot resolve.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from .errors import InputError
from .i18n import _

if TYPE_CHECKING:
    from .tracking.logs import SessionLogInput

NUL = "\x00"
# The embeddings, overrides and isolates of the Unicode bidirectional algorithm (UAX #9).
BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
HIDDEN = BIDI_CONTROLS | {NUL}
# The error type core.validation recognises, so the bad text is not echoed back.
HIDDEN_CHARACTER_ERROR = "hidden_character"


def hidden_character(text: str) -> str | None:
    """Why this text cannot be stored, or None when it holds no hidden character."""
    found = next((c for c in text if c in HIDDEN), None)
    if found is None:
        return None
    if found == NUL:
        return _("must not contain the NUL character (U+0000)")
    return _("must not contain U+%(code)04X, an invisible character that changes the direction of the text") % {
        "code": ord(found)
    }


def check_text(field: str, text: str) -> str:
    """The text unchanged, or an InputError naming the field."""
    problem = hidden_character(text)
    if problem:
        raise InputError(field, problem)
    return text


def _plain(text: str) -> str:
    problem = hidden_character(text)
    if problem:
        raise PydanticCustomError(HIDDEN_CHARACTER_ERROR, problem)
    return text


# For names and notes in the core's input models: Annotated[str, Field(...), PLAIN_TEXT].
PLAIN_TEXT = AfterValidator(_plain)


def check_exercises(slugs: Iterable[str], field: str = "exercises") -> None:
    """Every slug is an exercise of the library; the first that is not is named with its place."""
    from .library import load_library

    library = load_library()
    for i, slug in enumerate(slugs):
        if slug not in library:
            raise InputError(
                f"{field}.{i}.slug",
                _("%(slug)r is not in the exercise library (the list of exercises gives every slug)") % {"slug": slug},
            )


def check_session_log(log: SessionLogInput) -> SessionLogInput:
    """The parsed log, once its note and its exercises are checked: `store(runner, check_session_log(parse(data)))`."""
    check_text("note", log.note)
    check_exercises(e.slug for e in log.exercises)
    return log
