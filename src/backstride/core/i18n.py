"""The core's words, marked for translation without importing Django.

`_()` translates a message through whatever the application installed (the web app installs
Django's gettext when it starts); without one, the English text is returned. `gettext_noop`
marks a constant for extraction where it is defined, to be translated where it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

_translate: Callable[[str], str] = str


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


_translate_plural: Callable[[str, str, int], str] = _english_plural


def install(translate: Callable[[str], str], translate_plural: Callable[[str, str, int], str] | None = None) -> None:
    global _translate, _translate_plural
    _translate = translate
    _translate_plural = translate_plural or _english_plural


def _(message: str) -> str:
    return _translate(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for a count ("1 set", "2 sets"), in the installed language."""
    return _translate_plural(singular, plural, n)


def gettext_noop(message: str) -> str:
    return message
