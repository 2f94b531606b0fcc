"""Reading user files for commands, with errors that name the option."""

from __future__ import annotations

from pathlib import Path

from backstride.core.errors import InputError


def read_text_file(path: str, option: str) -> str:
    p = Path(path)
    if not p.is_file():
        raise InputError(option, f"no such file: {path}")
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(option, f"{path} is not a UTF-8 text file") from None
