"""Deleting a person deletes their runner data, and a runner can end a clinician's access to their record."""

import copy
import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from backstride.accounts.models import ApiToken, Clinician
from backstride.clinic.models import AuditEvent, CareLink
from backstride.clinic.services import link
from backstride.core.tracking.logs import parse_checkin, parse_session_log
from backstride.runners import models as m
from backstride.runners.services import checkin, log_session, start_runner

pytestmark = pytest.mark.django_db

START = dt.date(2026, 12, 7)  # Sam's first day, a Monday
# Every model that holds a runner's data, counted after a deletion.
RUNNER_DATA = (
    m.Runner,
    m.Assessment,
    m.Plan,
    m.PlannedSession,
    m.PrescribedExercise,
    m.SessionLog,
    m.ExerciseLog,
    m.CheckIn,
    m.Decision,
)


def person(username: str, first: str = "", last: str = "") -> User:
    return User.objects.create_user(username, first_name=first, last_name=last, password="a long enough password")


def logged_in(user: User, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def sam(sam) -> m.Runner:
    """Sam with an account, a plan, a session and a check-in logged."""
    runner, _result = start_runner(sam)
    runner.user = person("sam", "Sam", "Rivera")
    runner.save(update_fields=["user"])
    slug = runner.current_plan.sessions.order_by("date").first().exercises.order_by("order").first().slug
    log = {
        "date": START.isoformat(),
        "pain_before": 2,
        "pain_during": 3,
        "pain_after": 2,
        "exercises": [{"slug": slug}],
    }
    log_session(runner, parse_session_log(log))
    checkin(runner, parse_checkin({"date": (START + dt.timedelta(days=1)).isoformat(), "pain": 3}))
    return runner


@pytest.fixture
def okafor(sam) -> Clinician:
    clinician = Clinician.objects.create(user=person("okafor", "Ada", "Okafor"))
    link(clinician, sam)
    return clinician


def nothing_left_of_a_runner() -> bool:
    return all(not model.objects.exists() for model in RUNNER_DATA)


# -- deleting a person -------------------------------------------------------------------------------------


def test_deleting_a_runner_deletes_their_assessments_plans_and_logs(sam):
    assert m.Plan.objects.exists() and m.ExerciseLog.objects.exists()
    sam.delete()  # a plan's link to its assessment used to refuse this (ProtectedError)
    assert nothing_left_of_a_runner()


def test_deleting_the_user_in_the_admin_deletes_their_runner_data(sam, okafor):
    admin = User.objects.create_superuser("admin", "admin@example.org", None)
    url = reverse("admin:auth_user_delete", args=[sam.user.pk])

    confirmation = logged_in(admin).get(url)
    response = logged_in(admin).post(url, {"post": "yes"})

    assert confirmation.status_code == 200 and response.status_code == 302
    assert not User.objects.filter(username="sam").exists()
    assert nothing_left_of_a_runner()
    assert not CareLink.objects.exists()


def test_once_the_user_is_deleted_the_linked_clinician_sees_nothing_of_them(sam, okafor):
    runner_id = sam.pk
    _token, key = ApiToken.issue(okafor.user, "scripts")
    sam.user.delete()

    clinician = logged_in(okafor.user)
    assert clinician.get(reverse("clinic:runner", args=[runner_id])).status_code == 404
    assert "Sam" not in clinician.get(reverse("clinic:roster")).content.decode()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/v1/clinic/runners").json() == []
    assert api.get(f"/api/v1/clinic/runners/{runner_id}/today").status_code == 404


def test_deleting_a_clinician_leaves_the_runner_and_their_data(sam, okafor):
    okafor.user.delete()
    sam.refresh_from_db()
    assert sam.session_logs.exists() and not CareLink.objects.exists()


# -- a runner ends a clinician's access --------------------------------------------------------------------


def test_the_settings_page_leads_to_the_runners_clinicians(sam, okafor):
    runner = logged_in(sam.user)
    assert reverse("my_clinicians") in runner.get(reverse("settings")).content.decode()
    page = runner.get(reverse("my_clinicians")).content.decode()
    assert "Ada Okafor" in page and reverse("end_access", args=[okafor.pk]) in page


def test_a_runner_can_end_their_clinicians_access(sam, okafor):
    _token, key = ApiToken.issue(okafor.user, "scripts")
    runner = logged_in(sam.user)

    response = runner.post(reverse("end_access", args=[okafor.pk]))

    assert response.status_code == 302 and response["Location"] == reverse("my_clinicians")
    assert "Ada Okafor can no longer see your record." in runner.get(reverse("my_clinicians")).content.decode()
    assert not CareLink.objects.exists()
    clinician = logged_in(okafor.user)
    assert clinician.get(reverse("clinic:runner", args=[sam.pk])).status_code == 404
    assert clinician.get(reverse("clinic:adjust", args=[sam.pk])).status_code == 404
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get(f"/api/v1/clinic/runners/{sam.pk}/plan").status_code == 404
    assert (
        api.post(f"/api/v1/clinic/runners/{sam.pk}/clearance", "{}", content_type="application/json").status_code == 403
    )
    assert sam.session_logs.exists()  # the runner's own data stays


def test_ending_a_clinicians_access_is_recorded_in_the_audit_trail(sam, okafor):
    logged_in(sam.user).post(reverse("end_access", args=[okafor.pk]))
    event = AuditEvent.objects.get(action="access_ended")
    assert (event.actor, event.runner) == (sam.user, sam)
    assert event.detail == {"clinician": okafor.pk, "clinician_name": "Ada Okafor"}


def test_the_runner_is_asked_to_confirm_before_the_access_ends(sam, okafor):
    page = logged_in(sam.user).get(reverse("end_access", args=[okafor.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "End Ada Okafor's access?" in text
    assert 'method="post"' in text and "csrfmiddlewaretoken" in text
    assert CareLink.objects.filter(clinician=okafor, runner=sam).exists()


def test_ending_access_without_the_csrf_token_is_refused(sam, okafor):
    response = logged_in(sam.user, enforce_csrf_checks=True).post(reverse("end_access", args=[okafor.pk]))
    assert response.status_code == 403
    assert CareLink.objects.filter(clinician=okafor, runner=sam).exists()


def test_ending_access_leaves_other_clinicians_and_other_runners_alone(sam, okafor, make_other):
    colleague = Clinician.objects.create(user=person("lind", "Lu", "Lind"))
    link(colleague, sam)
    other = make_other()
    link(okafor, other)

    logged_in(sam.user).post(reverse("end_access", args=[okafor.pk]))

    assert set(CareLink.objects.values_list("clinician", "runner")) == {(colleague.pk, sam.pk), (okafor.pk, other.pk)}


def test_a_runner_cannot_end_the_access_of_a_clinician_who_does_not_follow_them(sam, okafor, make_other):
    other = make_other()
    response = logged_in(other.user).post(reverse("end_access", args=[okafor.pk]))
    assert response.status_code == 404
    assert CareLink.objects.filter(clinician=okafor, runner=sam).exists()


def test_a_clinician_cannot_use_the_runners_page_to_end_a_link(sam, okafor):
    response = logged_in(okafor.user).post(reverse("end_access", args=[okafor.pk]))
    assert response.status_code == 403
    assert CareLink.objects.exists()


@pytest.fixture
def make_other(sam):
    def make() -> m.Runner:
        intake = copy.deepcopy(m.Assessment.objects.get(runner=sam).intake)
        intake["runner"]["name"] = "Robin"
        runner, _result = start_runner(intake)
        runner.user = person("robin")
        runner.save(update_fields=["user"])
        return runner

    return make
