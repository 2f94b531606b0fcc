"""The audit trail: every view of a runner's record and every change is recorded, and listed newest first."""

import pytest
from django.urls import reverse

from backstride.clinic.models import AuditEvent
from backstride.clinic.services import audit, create_invite, link

from .conftest import client_for

pytestmark = pytest.mark.django_db


def test_viewing_a_runners_record_is_audited(runner, clinician, today):
    client_for(clinician.user).get(reverse("clinic:runner", args=[runner.pk]))
    event = AuditEvent.objects.get()
    assert (event.actor, event.runner, event.action) == (clinician.user, runner, "runner_viewed")


def test_a_refused_view_is_not_recorded_as_a_view(runner, stranger, today):
    client_for(stranger.user).get(reverse("clinic:runner", args=[runner.pk]))
    assert not AuditEvent.objects.filter(action="runner_viewed").exists()


def test_the_audit_page_lists_events_about_my_runners_newest_first(runner, make_runner, clinician, stranger, today):
    other = make_runner("Other Person")
    link(stranger, other)
    audit(clinician.user, runner, "runner_viewed")
    audit(stranger.user, other, "runner_viewed")
    audit(stranger.user, runner, "plan_adjusted", kind="hold_phase", note="Shared runner: a colleague's change")
    create_invite(clinician)
    create_invite(stranger)

    html = client_for(clinician.user).get(reverse("clinic:audit")).content.decode()

    assert "Other Person" not in html
    assert html.count("Created an invite") == 1
    assert html.index("Created an invite") < html.index("Shared runner: a colleague") < html.index("Viewed the runner")
    assert "Sol Stranger" in html and "Ada Okafor" in html


def test_the_audit_page_is_paginated(runner, clinician, today):
    AuditEvent.objects.bulk_create(
        AuditEvent(actor=clinician.user, runner=runner, action="runner_viewed") for _ in range(60)
    )
    client = client_for(clinician.user)
    first = client.get(reverse("clinic:audit")).content.decode()
    assert first.count("Viewed the runner") == 50 and "Page 1 of 2" in first and "?page=2" in first
    second = client.get(reverse("clinic:audit"), {"page": 2}).content.decode()
    assert second.count("Viewed the runner") == 10
    assert client.get(reverse("clinic:audit"), {"page": "nonsense"}).status_code == 200
