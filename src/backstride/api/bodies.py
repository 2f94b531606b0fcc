"""JSON request bodies, validated by the core's own parsers so every client hears the same messages."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel

from backstride.core.errors import InputError
from backstride.core.inputs import check_text

from .dates import RANGE, checked

M = TypeVar("M", bound=BaseModel)


def parsed(request, parse: Callable[[object], M]) -> M:
    """The body parsed by `parse` (one of core.tracking.logs.parse_*, say); any fault is an InputError."""
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, RecursionError):
        raise InputError("body", "is not valid JSON") from None
    try:
        result = parse(data)
    except InputError as exc:
        if exc.field == "input":
            # core.validation drops a path part called "date" (it reads it as pydantic's label for
            # a date branch), so the top-level `date` comes back as "input": give it its name back.
            raise InputError("date", exc.message) from None
        raise
    _refuse_hidden(data, "")
    day = getattr(result, "date", None)  # optional in some bodies, where the route picks the day, absent in others
    if day is not None:
        checked(day)
    return result


def _refuse_hidden(value: object, where: str) -> None:
    # PostgreSQL cannot store the NUL character in text, and the bidirectional controls disguise
    # what a note says: refuse both in every string of a body, on every database alike.
    if isinstance(value, str):
        check_text(where or "body", value)
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_hidden(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _refuse_hidden(item, f"{where}.{i}" if where else str(i))


def body_schema(model: type[BaseModel]) -> dict:
    """The OpenAPI requestBody for a core input model, its nested models written in place."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def inline(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(defs[ref.removeprefix("#/$defs/")])
            # what `parsed` enforces beyond what JSON Schema can say: a date's range, and that a
            # whole number is written without a decimal point (JSON Schema's integer allows 2.0)
            if node.get("format") == "date":
                node = {"description": f"YYYY-MM-DD, {RANGE}"} | node
            elif node.get("type") == "integer":
                node = {"description": "a whole number, written without a decimal point"} | node
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return {"requestBody": {"required": True, "content": {"application/json": {"schema": inline(schema)}}}}
