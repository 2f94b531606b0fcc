"""Reminder emails go out through a real SMTP server, with a plain-text part and a one-click unsubscribe."""

import datetime as dt
from urllib.parse import urlparse

from django.test import Client

from backstride.reminders.models import Delivery, ReminderSettings

from .conftest import WEDNESDAY, at


def only_message(inbox):
    assert len(inbox.messages) == 1
    return inbox.messages[0]


def test_a_session_day_email_arrives_with_plain_text_html_and_unsubscribe_headers(sam, smtp_server, send_due):
    user, _runner = sam
    assert send_due(at(WEDNESDAY, 8, 5)) == ["sent"]
    mail = only_message(smtp_server)
    assert mail["To"] == user.email and mail["Subject"] == "Your back session is today"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = mail["List-Unsubscribe"].strip().strip("<>")
    assert link.startswith("http://testserver/reminders/unsubscribe/")
    text = mail.get_body(("plain",)).get_content()
    assert "Today is a session day" in text and "http://testserver/today/" in text and link in text
    assert "Today is a session day" in mail.get_body(("html",)).get_content()
    row = Delivery.objects.get(user=user)
    assert (row.kind, row.local_date, row.status, row.attempts) == ("session_day", WEDNESDAY, "sent", 1)
    assert row.sent_at is not None


def test_the_link_in_the_email_unsubscribes_with_one_post_and_nothing_more_is_sent(sam, smtp_server, send_due):
    user, _runner = sam
    send_due(at(WEDNESDAY, 8, 5))
    path = urlparse(only_message(smtp_server)["List-Unsubscribe"].strip().strip("<>")).path
    # what a mail program does for a one-click unsubscribe: a POST with no cookie and no CSRF token
    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert ReminderSettings.objects.get(user=user).email is False
    assert send_due(at(WEDNESDAY + dt.timedelta(days=2), 8, 5)) == []
    assert len(smtp_server.messages) == 1


def test_no_subject_line_carries_health_details(sam, smtp_server, send_due):
    from backstride.core.reminders import rules
    from backstride.core.reminders.messages import runner_message

    for kind in rules.RUNNER_KINDS:
        subject = runner_message(kind, {"minutes": 20, "missed_weeks": 2, "outcomes": ["odi"]}).subject
        for word in ("pain", "/10", "red flag", "flag", "referral", "Oswestry", "numb", "leg"):
            assert word.lower() not in subject.lower(), (kind, subject)
