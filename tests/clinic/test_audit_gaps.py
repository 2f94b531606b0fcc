"""Every read of a runner's data is in the audit trail (the API's list, the adjust and clear pages, the staff
admin), and the same read by the same person within a few minutes is one row, not one per request."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from backstride.clinic.models import AuditEvent
from backstride.clinic.services import READ_WINDOW, audit, link
from backstride.core.tracking.logs import parse_session_log
from backstride.runners.services import log_session

from .conftest import START, client_for, make_clinician

pytestmark = pytest.mark.django_db


def events(action: str, **filters):
    return list(AuditEvent.objects.filter(action=action, **filters).order_by("id"))


# -- reads that were not recorded -------------------------------------------------------------------


def test_the_apis_list_of_runners_is_recorded_in_the_audit_trail(runner, clinician, today):
    response = client_for(clinician.user).get("/api/v1/clinic/runners")
    assert response.status_code == 200 and [r["id"] for r in response.json()] == [runner.pk]
    [event] = events("runners_listed")
    assert event.actor == clinician.user and event.detail == {"via": "api"}


def test_opening_the_page_for_changing_a_plan_is_recorded_as_a_look_at_the_runner(runner, clinician, today):
    assert client_for(clinician.user).get(reverse("clinic:adjust", args=[runner.pk])).status_code == 200
    [event] = events("runner_viewed")
    assert (event.actor, event.runner, event.detail) == (clinician.user, runner, {"page": "adjust"})


def test_opening_the_page_for_clearing_a_referral_is_recorded_as_a_look_at_the_runner(runner, clinician, today):
    assert client_for(clinician.user).get(reverse("clinic:clear", args=[runner.pk])).status_code == 200
    [event] = events("runner_viewed")
    assert (event.actor, event.runner, event.detail) == (clinician.user, runner, {"page": "clear"})


def test_a_clinician_refused_the_adjust_page_leaves_no_record_of_a_look(runner, stranger, today):
    assert client_for(stranger.user).get(reverse("clinic:adjust", args=[runner.pk])).status_code == 404
    assert not AuditEvent.objects.exists()


@pytest.fixture
def staff(runner):
    """A staff user; the runner has a logged session, so every kind of row exists."""
    log_session(
        runner, parse_session_log({"date": START.isoformat(), "pain_before": 2, "pain_during": 3, "pain_after": 2})
    )
    return User.objects.create_superuser("admin", "admin@example.org", None)


@pytest.mark.parametrize("model", ["runner", "sessionlog", "assessment", "plan", "plannedsession"])
def test_staff_reading_a_runners_record_in_the_admin_is_recorded(runner, staff, model):
    rows = {
        "runner": runner,
        "sessionlog": runner.session_logs.get(),
        "assessment": runner.assessments.get(),
        "plan": runner.current_plan,
        "plannedsession": runner.current_plan.sessions.order_by("date").first(),
    }
    obj = rows[model]
    response = client_for(staff).get(reverse(f"admin:runners_{model}_change", args=[obj.pk]))
    assert response.status_code == 200
    [event] = events("admin_viewed", runner=runner)
    assert event.actor == staff
    assert event.detail == {"via": "admin", "model": f"runners.{model}", "object": str(obj.pk)}


def test_staff_listing_runners_data_in_the_admin_is_recorded(runner, staff):
    assert client_for(staff).get(reverse("admin:runners_checkin_changelist")).status_code == 200
    [event] = events("admin_viewed", runner=None)
    assert event.detail == {"via": "admin", "model": "runners.checkin", "list": True}


def test_staff_reading_who_follows_a_runner_is_recorded(runner, staff):
    care_link = runner.care_links.get()
    assert client_for(staff).get(reverse("admin:clinic_carelink_change", args=[care_link.pk])).status_code == 200
    [event] = events("admin_viewed", runner=runner)
    assert event.detail["model"] == "clinic.carelink"


def test_the_linked_clinician_sees_that_staff_read_their_runners_data(runner, clinician, staff, today):
    client_for(staff).get(reverse("admin:runners_runner_change", args=[runner.pk]))
    html = client_for(clinician.user).get(reverse("clinic:audit")).content.decode()
    assert "Read the runner&#x27;s data in the staff admin" in html


# -- one row per read per window ----------------------------------------------------------------------


def test_reading_the_same_record_again_within_the_window_adds_no_row(runner, clinician, today):
    client = client_for(clinician.user)
    for _ in range(5):
        client.get(reverse("clinic:runner", args=[runner.pk]))
        client.get(f"/api/v1/clinic/runners/{runner.pk}/plan")
    assert len(events("runner_viewed")) == 2  # the record page once, the API's plan once


def test_reading_it_again_after_the_window_is_recorded_again(runner, clinician, today):
    client = client_for(clinician.user)
    client.get(reverse("clinic:runner", args=[runner.pk]))
    AuditEvent.objects.update(at=timezone.now() - READ_WINDOW - dt.timedelta(seconds=1))
    client.get(reverse("clinic:runner", args=[runner.pk]))
    assert len(events("runner_viewed")) == 2


def test_a_different_page_of_the_same_runner_is_a_read_of_its_own(runner, clinician, today):
    client = client_for(clinician.user)
    for name in ("clinic:runner", "clinic:adjust", "clinic:clear", "clinic:runner"):
        client.get(reverse(name, args=[runner.pk]))
    assert [e.detail for e in events("runner_viewed")] == [{}, {"page": "adjust"}, {"page": "clear"}]


def test_another_person_reading_the_same_record_is_recorded_for_them(runner, clinician, today):
    colleague = make_clinician("lind", "Lu", "Lind")
    link(colleague, runner)
    client_for(clinician.user).get(reverse("clinic:runner", args=[runner.pk]))
    client_for(colleague.user).get(reverse("clinic:runner", args=[runner.pk]))
    assert [e.actor for e in events("runner_viewed")] == [clinician.user, colleague.user]


def test_the_same_read_of_another_runner_is_recorded_for_that_runner(runner, clinician, make_runner):
    other = make_runner("Other Person")
    audit(clinician.user, runner, "runner_viewed")
    audit(clinician.user, other, "runner_viewed")
    assert [e.runner for e in events("runner_viewed")] == [runner, other]


def test_changes_are_recorded_every_time_however_close_together(runner, clinician):
    for _ in range(3):
        audit(clinician.user, runner, "plan_adjusted", kind="hold_phase", note="Same note")
    assert len(events("plan_adjusted")) == 3


def test_a_repeated_read_returns_the_row_already_recorded(runner, clinician):
    first = audit(clinician.user, runner, "runner_viewed", page="adjust")
    assert audit(clinician.user, runner, "runner_viewed", page="adjust") == first
