import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from backstride.reminders.models import ReminderSettings
from tests.web.conftest import make_runner

# Sam's plan (examples/intake-sam.json): sessions on Monday, Wednesday and Friday from Monday 7 December 2026,
# the weekly safety questions every Monday from the 14th, maintenance every Monday from 1 February 2027.
FIRST_SESSION = dt.date(2026, 12, 7)
FIRST_MAINTENANCE = dt.date(2027, 2, 1)
WEDNESDAY = dt.date(2026, 12, 9)  # a session and nothing else


def at(day: dt.date, hour: int, minute: int = 0, zone: str = "UTC") -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))


def turn_on(user, **changes) -> ReminderSettings:
    values = {"enabled": True, "email": True, "push": False, "at": dt.time(8, 0)} | changes
    prefs, _created = ReminderSettings.objects.update_or_create(user=user, defaults=values)
    return prefs


@pytest.fixture
def sam(db):
    user, runner = make_runner("sam")
    turn_on(user)
    return user, runner


@pytest.fixture
def claimed(db):
    """Work out and claim what is due at a moment: the kinds claimed, as (kind, channel) pairs."""
    from backstride.reminders.models import Delivery
    from backstride.reminders.planning import plan_reminders

    def run(now: dt.datetime) -> list[tuple[str, str]]:
        ids = [i for batch in plan_reminders(now) for i in batch]
        return sorted(Delivery.objects.filter(pk__in=ids).values_list("kind", "channel"))

    return run


@pytest.fixture
def send_due(db):
    """Work out what is due at a moment, claim it and send each claimed message once: the statuses."""
    from backstride.reminders import sending
    from backstride.reminders.planning import plan_reminders

    def run(now: dt.datetime) -> list[str]:
        ids = [i for batch in plan_reminders(now) for i in batch]
        return [sending.send(i, now)[0] for i in ids]

    return run


class Inbox:
    """What an SMTP server on localhost received, as parsed messages."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes
        from email.policy import default

        self.messages.append(message_from_bytes(envelope.original_content or envelope.content, policy=default))
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free local port (aiosmtpd), with Django's SMTP backend pointed at it."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.SITE_URL = "http://testserver"
    yield inbox
    controller.stop()


@pytest.fixture
def sam_committed(transactional_db):
    """Sam, committed to the database so that other threads' connections see him."""
    user, runner = make_runner("sam")
    turn_on(user)
    return user, runner


@pytest.fixture
def clinician(db):
    from django.contrib.auth.models import User

    from backstride.accounts.models import Clinician

    user = User.objects.create_user("morgan", "morgan@example.org", "a-long-passphrase-42")
    Clinician.objects.create(user=user)
    return user
