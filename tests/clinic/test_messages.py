"""Runner and clinician leave each other short messages on the record; each one is in the audit trail."""

import pytest

from backstride.clinic.models import AuditEvent, Message

from .conftest import client_for, make_clinician

pytestmark = pytest.mark.django_db


def test_a_clinicians_message_reaches_the_runner_and_the_answer_reaches_the_clinician(runner, clinician, today):
    from django.contrib.auth.models import User

    from tests.web.conftest import PASSWORD

    clinic = client_for(clinician.user)
    clinic.post(f"/clinic/runners/{runner.pk}/messages/", {"text": "How did the bird dogs feel this week?"})
    runner.user = User.objects.create_user("sam-login", "sam@example.org", PASSWORD)
    runner.save(update_fields=["user"])
    own = client_for(runner.user)

    page = own.get("/messages/").content.decode()
    assert "How did the bird dogs feel this week?" in page and "Ada Okafor" in page and ">new<" in page
    assert Message.objects.get().read_at is not None  # seen by the runner now
    own.post("/messages/", {"text": "Easier than last week, no pain after."})

    record = clinic.get(f"/clinic/runners/{runner.pk}/").content.decode()
    assert "Easier than last week, no pain after." in record
    actions = list(AuditEvent.objects.filter(action="message_sent").values_list("detail__by", flat=True))
    assert sorted(actions) == ["clinician", "runner"]


def test_an_empty_or_overlong_message_is_refused_and_nothing_is_stored(runner, clinician, today):
    clinic = client_for(clinician.user)
    clinic.post(f"/clinic/runners/{runner.pk}/messages/", {"text": "   "})
    clinic.post(f"/clinic/runners/{runner.pk}/messages/", {"text": "x" * 1001})
    assert not Message.objects.exists() and not AuditEvent.objects.filter(action="message_sent").exists()


def test_a_clinician_who_does_not_follow_the_runner_cannot_write_on_the_record(runner, clinician, today):
    stranger = make_clinician("stranger2", "Sol", "Stranger")
    response = client_for(stranger.user).post(f"/clinic/runners/{runner.pk}/messages/", {"text": "Hello"})
    assert response.status_code == 404 and not Message.objects.exists()


def test_todays_page_points_the_runner_to_a_new_message_until_it_is_read(runner, clinician, today):
    from django.contrib.auth.models import User

    from tests.web.conftest import PASSWORD

    runner.user = User.objects.create_user("sam-login", "sam@example.org", PASSWORD)
    runner.save(update_fields=["user"])
    own = client_for(runner.user)
    assert "data-unread" not in own.get("/today/", {"date": "2026-12-09"}).content.decode()
    client_for(clinician.user).post(f"/clinic/runners/{runner.pk}/messages/", {"text": "Well done on week 1."})
    page = own.get("/today/", {"date": "2026-12-09"}).content.decode()
    assert "A new message from your clinician" in page
    own.get("/messages/")
    assert "data-unread" not in own.get("/today/", {"date": "2026-12-09"}).content.decode()
