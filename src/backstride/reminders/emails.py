"""A reminder as an email: a plain-text part, an HTML part, and a one-click unsubscribe (RFC 8058)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from backstride.core.reminders.messages import Message

from .unsubscribe import link_for, site_url


def build_email(user, message: Message) -> EmailMultiAlternatives:
    unsubscribe = link_for(user.pk, "email")
    context = {"message": message, "open_url": site_url() + message.path, "unsubscribe": unsubscribe}
    text = render_to_string("reminders/email.txt", context)
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",  # no out-of-office replies to a reminder
        },
    )
    email.attach_alternative(render_to_string("reminders/email.html", context), "text/html")
    return email


def send_email(user, message: Message) -> None:
    """Sends or raises: a failure is the caller's to record and retry."""
    if not user.email:
        raise ValueError(_("no email address"))
    build_email(user, message).send(fail_silently=False)


def connection():
    return get_connection(fail_silently=False)
