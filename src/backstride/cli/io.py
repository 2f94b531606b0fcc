"""Reading user files for commands, with errors that name the option."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backstride.core.errors import InputError


def read_text_file(path: str, option: str) -> str:
    p = Path(path)
    if not p.is_file():
        raise InputError(option, f"no such file: {path}")
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(option, f"{path} is not a UTF-8 text file") from None


def load_json(text: str, option: str) -> Any:
    """json.loads, with input too deeply nested or numbers too long to read named after the option.

    A json.JSONDecodeError (malformed JSON) is left to the caller, which says where the mistake is.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise InputError(option, "nested too deeply") from None
    except ValueError as exc:
        # Python refuses to read integers of more than a few thousand digits (sys.get_int_max_str_digits()).
        if "integer string conversion" in str(exc):
            raise InputError(option, "a number is too long") from None
        raise


def read_intake_file(path: str) -> Any:
    """The intake file given with --answers, as JSON data; its errors name the intake."""
    text = read_text_file(path, "--answers")
    try:
        return load_json(text, "--answers")
    except json.JSONDecodeError as exc:
        raise InputError("intake", f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
