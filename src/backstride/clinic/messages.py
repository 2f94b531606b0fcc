"""Short messages on a runner's record: the runner and each linked clinician read and write the same thread."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backstride.core.errors import InputError
from backstride.core.inputs import check_text
from backstride.runners.models import Runner

from .models import Message
from .services import audit, clinician_name

MAX_LENGTH = 1000  # a note, not a letter: longer matters belong in an appointment
SHOWN = 50  # the latest messages shown on a page
MESSAGE_SENT = "message_sent"


def send(runner: Runner, author, text: str, from_clinician: bool) -> Message:
    text = (text or "").strip()
    if not text:
        raise InputError("text", _("write a message first"))
    if len(text) > MAX_LENGTH:
        raise InputError("text", _("at most %(n)d characters") % {"n": MAX_LENGTH})
    check_text("text", text)
    with transaction.atomic():
        message = Message.objects.create(runner=runner, author=author, from_clinician=from_clinician, text=text)
        # the trail says who wrote to whom and when; the words stay in the thread
        audit(author, runner, MESSAGE_SENT, message=message.pk, by="clinician" if from_clinician else "runner")
    return message


def thread(runner: Runner, reader_is_clinician: bool) -> list[dict]:
    """The latest messages, oldest first, each with its author's name; the other side's are marked read."""
    rows = list(Message.objects.filter(runner=runner).select_related("author").order_by("-created_at", "-id")[:SHOWN])
    unread = [m.pk for m in rows if m.from_clinician != reader_is_clinician and m.read_at is None]
    if unread:
        Message.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return [
        {
            "text": m.text,
            "at": m.created_at,
            "from_clinician": m.from_clinician,
            "author": _author(m),
            "new": m.pk in unread,
        }
        for m in reversed(rows)
    ]


def unread_for_runner(runner: Runner) -> int:
    return Message.objects.filter(runner=runner, from_clinician=True, read_at__isnull=True).count()


def _author(message: Message) -> str:
    if message.author is None:
        return _("a former clinician") if message.from_clinician else _("the runner")
    if message.from_clinician:
        return clinician_name(message.author)
    return message.runner.name
