"""Turning pydantic's validation errors into one line that names the field and what is allowed."""

from __future__ import annotations

from typing import TypeVar

import annotated_types as at
from pydantic import BaseModel, ValidationError

from .errors import InputError
from .inputs import HIDDEN_CHARACTER_ERROR

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], data: object, what: str = "input") -> M:
    if not isinstance(data, dict):
        raise InputError(what, "must be a JSON object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = _all_paths(exc.errors())
        field, message = _describe(model, errors[0])
        raise InputError(field, message) from None


def _describe(root: type[BaseModel], error: dict) -> tuple[str, str]:
    loc = [str(p) for p in error["loc"] if not str(p).startswith(("function-", "constrained-"))]
    # Drop pydantic's union branch labels such as 'int' or 'none' for optional fields.
    loc = [p for p in loc if p not in {"int", "none", "float", "bool", "str"}]
    field = ".".join(loc) or "input"
    kind, ctx = error["type"], error.get("ctx", {})
    got = error.get("input")
    if kind == "missing":
        return field, "is required but missing"
    if kind == HIDDEN_CHARACTER_ERROR:
        return field, error["msg"]  # the text is not repeated: its hidden character would travel with it
    if kind == "string_too_long":
        return field, f"must be at most {ctx.get('max_length')} characters long (got {len(got)})"
    if kind == "extra_forbidden":
        return field, "is not a known field (check the spelling)"
    if kind == "literal_error":
        return field, f"must be one of: {ctx.get('expected', '').replace(chr(39), '')} (got {got!r})"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return field, f"must be {_range_text(root, error['loc'], _bound_text(kind, ctx))} (got {got!r})"
    if kind in {"bool_type", "bool_parsing"}:
        return field, f"must be true or false (got {got!r})"
    if kind in {"float_type", "float_parsing"}:
        return field, f"must be a number (got {got!r})"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return field, f"must be a whole number (got {got!r})"
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return field, f"must be a date written YYYY-MM-DD (got {got!r})"
    return field, f"{error['msg']} (got {got!r})"


def _bound_text(kind: str, ctx: dict) -> str:
    """One side of a range, when the other side cannot be read from the model."""
    words = {
        "greater_than_equal": ("at least", "ge"),
        "less_than_equal": ("at most", "le"),
        "greater_than": ("more than", "gt"),
        "less_than": ("less than", "lt"),
    }
    text, key = words[kind]
    return f"{text} {ctx.get(key)}"


def _range_text(root: type[BaseModel], loc: tuple, fallback: str) -> str:
    """The allowed range of the field at loc, read from the model itself."""
    model: type[BaseModel] | None = root
    info = None
    for part in loc:
        if model is None or not isinstance(part, str) or part not in model.model_fields:
            continue
        info = model.model_fields[part]
        nested = info.annotation
        model = nested if isinstance(nested, type) and issubclass(nested, BaseModel) else None
    metadata = list(getattr(info, "metadata", []))
    for arg in getattr(getattr(info, "annotation", None), "__args__", ()):
        metadata += list(getattr(arg, "__metadata__", ()))
        for inner in getattr(arg, "__metadata__", ()):
            metadata += list(getattr(inner, "metadata", []))
    low = next((m for m in metadata if isinstance(m, at.Ge | at.Gt)), None)
    high = next((m for m in metadata if isinstance(m, at.Le | at.Lt)), None)
    if low is None or high is None:
        return fallback
    low_text = f"{low.ge}" if isinstance(low, at.Ge) else f"more than {low.gt}"
    high_text = f"{high.le}" if isinstance(high, at.Le) else f"less than {high.lt}"
    return f"from {low_text} to {high_text}"


def _all_paths(errors: list[dict]) -> list[dict]:
    # For an optional number, pydantic reports both branches; keep the more useful one.
    seen, kept = set(), []
    for e in errors:
        key = tuple(p for p in e["loc"] if p not in {"int", "none", "float"})
        if key in seen:
            continue
        seen.add(key)
        kept.append(e)
    return kept
