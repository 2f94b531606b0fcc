"""Who may open each clinician page: signed-in clinicians only, and only for the runners linked to them."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from backstride.clinic.models import AuditEvent, Invite
from backstride.runners.models import Adjustment

from .conftest import START, client_for, red_flag_checkin

pytestmark = pytest.mark.django_db

PAGES = ["roster", "invite", "audit"]
RUNNER_PAGES = ["runner", "adjust", "clear"]


def url(name: str, runner=None) -> str:
    return reverse(f"clinic:{name}", args=[runner.pk] if name in RUNNER_PAGES else [])


@pytest.mark.parametrize("name", PAGES + RUNNER_PAGES)
def test_an_anonymous_visitor_is_sent_to_log_in(name, runner, today):
    response = client_for().get(url(name, runner))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(name, runner)}"


@pytest.mark.parametrize("name", PAGES + RUNNER_PAGES)
def test_an_anonymous_post_is_sent_to_log_in_and_changes_nothing(name, runner, today):
    response = client_for().post(url(name, runner), {"kind": "hold_phase", "hold_phase-note": "x", "clear-note": "x"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Invite.objects.exists() and not AuditEvent.objects.exists()


@pytest.mark.parametrize("name", PAGES + RUNNER_PAGES)
def test_a_runner_is_refused_the_clinician_pages(name, runner, today):
    response = client_for(runner.user).get(url(name, runner))
    assert response.status_code == 403


@pytest.mark.parametrize("name", PAGES + RUNNER_PAGES)
def test_a_signed_in_user_without_a_role_is_refused(name, runner, today):
    nobody = User.objects.create_user("nobody")
    assert client_for(nobody).get(url(name, runner)).status_code == 403


@pytest.mark.parametrize("name", RUNNER_PAGES)
def test_a_clinician_not_linked_to_the_runner_gets_not_found(name, runner, stranger, today):
    assert client_for(stranger.user).get(url(name, runner)).status_code == 404
    if name != "runner":  # the record page only reads
        data = {"kind": "hold_phase", "hold_phase-note": "x", "clear-note": "x"}
        assert client_for(stranger.user).post(url(name, runner), data).status_code == 404
    assert not AuditEvent.objects.filter(runner=runner).exists()


@pytest.mark.parametrize("name", RUNNER_PAGES)
def test_an_unknown_runner_id_is_not_found_either(name, clinician, today):
    assert client_for(clinician.user).get(reverse(f"clinic:{name}", args=[999999])).status_code == 404


@pytest.mark.parametrize("name", PAGES + RUNNER_PAGES)
def test_the_linked_clinician_can_open_every_page(name, runner, clinician, today):
    response = client_for(clinician.user).get(url(name, runner))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_the_linked_clinician_can_create_an_invite(clinician, today):
    response = client_for(clinician.user).post(reverse("clinic:invite"))
    assert response.status_code == 302
    assert Invite.objects.filter(clinician=clinician).count() == 1


def test_the_linked_clinician_can_adjust_the_plan(runner, clinician, today):
    response = client_for(clinician.user).post(
        url("adjust", runner), {"kind": "hold_phase", "hold_phase-note": "Let the brace settle in"}
    )
    changes = reverse("clinic:runner_section", args=[runner.pk, "changes"])
    assert response.status_code == 302 and response["Location"] == changes
    assert Adjustment.objects.filter(runner=runner, kind="hold_phase").count() == 1


def test_the_linked_clinician_can_clear_a_referral(runner, clinician, today):
    red_flag_checkin(runner, START)
    response = client_for(clinician.user).post(url("clear", runner), {"clear-note": "Seen by Dr Okafor: no concerns"})
    assert response.status_code == 302 and response["Location"] == url("runner", runner)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("invite", {}),
        ("adjust", {"kind": "hold_phase", "hold_phase-note": "Let the brace settle in"}),
        ("clear", {"clear-note": "Seen by Dr Okafor"}),
    ],
)
def test_a_post_without_the_csrf_token_is_refused(name, data, runner, clinician, today):
    red_flag_checkin(runner, START)
    client = client_for(clinician.user, enforce_csrf_checks=True)
    response = client.post(url(name, runner), data)
    assert response.status_code == 403
    assert not Invite.objects.exists() and not Adjustment.objects.exists()
    assert runner.clearances.count() == 0


def test_a_post_with_the_csrf_token_from_the_page_is_accepted(clinician, today):
    client = client_for(clinician.user, enforce_csrf_checks=True)
    page = client.get(reverse("clinic:invite"))
    token = page.context["csrf_token"]
    response = client.post(reverse("clinic:invite"), {"csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302 and Invite.objects.count() == 1


def test_the_pages_refuse_other_methods(runner, clinician, today):
    client = client_for(clinician.user)
    assert client.post(reverse("clinic:roster")).status_code == 405
    assert client.post(reverse("clinic:audit")).status_code == 405
    assert client.post(url("runner", runner)).status_code == 405
    assert client.delete(url("adjust", runner)).status_code == 405
