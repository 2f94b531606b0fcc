"""A log stored at most once per idempotency key: a retry from the offline queue or a double tap stores nothing.

The page makes a random key when a form is first submitted and sends it again with every retry (a hidden
field, or the Idempotency-Key header). The key is written in the same transaction as the log, under a
unique constraint, so two requests racing with one key cannot both store.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, transaction

from .models import SentForm

KEY_FIELD = "idempotency_key"
KEY_HEADER = "Idempotency-Key"
KEY_SHAPE = re.compile(r"[A-Za-z0-9-]{8,64}")  # a UUID fits; anything else is ignored, not stored

T = TypeVar("T")


def key_of(request) -> str:
    """The key the form or the header carries; empty when there is none or it is not a plain key."""
    key = request.POST.get(KEY_FIELD) or request.headers.get(KEY_HEADER) or ""
    return key if KEY_SHAPE.fullmatch(key) else ""


def already_stored(request) -> bool:
    """True when this form was stored before under the key it carries: the answer is the success page again."""
    key = key_of(request)
    return bool(key) and SentForm.objects.filter(user=request.user, key=key).exists()


def store_once(request, form: str, store: Callable[[], T]) -> T | None:
    """store() and the request's key in one transaction; None, with nothing stored, when the key is taken."""
    key = key_of(request)
    if not key:
        return store()
    with transaction.atomic():
        try:
            # a savepoint: when another request took the key meanwhile, the outer transaction stays usable
            with transaction.atomic():
                SentForm.objects.create(user=request.user, key=key, form=form)
        except IntegrityError:
            return None
        return store()  # an error here rolls the key back too, so the runner may send the form again
