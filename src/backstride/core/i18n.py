"""The core's words, marked for translation without importing Django.

`_()` translates a message through whatever the application installed (the web app installs
Django's gettext when it starts); without one, the English text is returned. `gettext_noop`
marks a constant for extraction where it is defined, to be translated where it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

_translate: Callable[[str], str] = str


def install(translate: Callable[[str], str]) -> None:
    global _translate
    _translate = translate


def _(message: str) -> str:
    return _translate(message)


def gettext_noop(message: str) -> str:
    return message
