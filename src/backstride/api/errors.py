"""Errors as JSON: bad input names its field (422), a missing plan or pause is a conflict (409).

Every status a route can return is declared with its body, so the OpenAPI document says
what a client will really get.
"""

from __future__ import annotations

from django.http import Http404
from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError

from backstride.core.errors import InputError
from backstride.runners.services import NoPlan, NotPaused


class Message(Schema):
    detail: str


class Problem(Schema):
    field: str
    message: str


class Problems(Schema):
    detail: list[Problem]


# The statuses routes share, to merge into each route's `response=`.
AUTHENTICATED = {401: Message}
RUNNER = {401: Message, 403: Message, 404: Message}
PROGRAM = RUNNER | {409: Problems, 422: Problems}

QUERY_TYPE_MESSAGES = {
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD",
    "date_parsing": "must be a date written YYYY-MM-DD",
    "date_type": "must be a date written YYYY-MM-DD",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "missing": "is required but missing",
}


def problems(field: str, message: str) -> dict:
    return {"detail": [{"field": field, "message": message}]}


def _parameter_problem(error: dict) -> dict:
    """One of ninja's parameter errors in the same shape as an InputError."""
    loc = [str(p) for p in error.get("loc", ())]
    field = ".".join(loc[1:] if len(loc) > 1 else loc) or "input"
    message = QUERY_TYPE_MESSAGES.get(error.get("type", ""), error.get("msg", "is not valid"))
    if "input" in error and error.get("type") != "missing":
        message = f"{message} (got {error['input']!r})"
    return {"field": field, "message": message}


def install(api: NinjaAPI) -> None:
    @api.exception_handler(InputError)
    def input_error(request, exc: InputError):
        status = 409 if isinstance(exc, NoPlan | NotPaused) else 422
        return api.create_response(request, problems(exc.field, exc.message), status=status)

    @api.exception_handler(ValidationError)
    def parameter_error(request, exc: ValidationError):
        return api.create_response(request, {"detail": [_parameter_problem(e) for e in exc.errors]}, status=422)

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404):
        return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)
