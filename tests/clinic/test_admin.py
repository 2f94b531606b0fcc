"""Staff can browse every stored record in the Django admin; token hashes and the audit trail stay untouchable."""

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from backstride.accounts.models import ApiToken
from backstride.clinic.models import AuditEvent
from backstride.clinic.services import audit, create_invite
from backstride.core.tracking.logs import parse_run, parse_session_log
from backstride.runners import models as m
from backstride.runners.services import log_run, log_session, record_outcome

from .conftest import START, client_for, morning

pytestmark = pytest.mark.django_db

# Every model the project registers in its admin modules, so a new one is opened here without being listed.
MODELS = sorted(
    (model for model in admin.site._registry if model.__module__.startswith("backstride.")),
    key=lambda model: model._meta.label,
)


@pytest.fixture
def staff(runner, clinician, today):
    """A staff user, and at least one stored row of every model (with rows for each inline too)."""
    first = runner.current_plan.sessions.order_by("date").first()
    slug = first.exercises.order_by("order").first().slug
    log_session(
        runner,
        parse_session_log(
            {
                "date": first.date.isoformat(),
                "pain_before": 2,
                "pain_during": 3,
                "pain_after": 2,
                "effort": 5,
                "exercises": [{"slug": slug, "sets": 1, "pain": 3}],
            }
        ),
    )
    log_run(
        runner,
        parse_run({"date": (START + dt.timedelta(days=1)).isoformat(), "km": 5.0, "minutes": 31.0, "pain_during": 2}),
    )
    record_outcome(runner, "psfs", START, 4.0, {"Running downhill": 4})
    morning(runner, START + dt.timedelta(days=2), 3)
    morning(runner, START + dt.timedelta(days=3), 7)  # 7/10 is a flare-up: an episode and decisions
    m.Clearance.objects.create(runner=runner, date=START + dt.timedelta(days=4), note="Seen by Dr Okafor")
    m.Nudge.objects.create(runner=runner, date=START + dt.timedelta(days=4), kind="no_session", message="A nudge")
    create_invite(clinician)
    audit(clinician.user, runner, "runner_viewed")
    m.Adjustment.objects.create(runner=runner, author=clinician.user, date=START, kind="hold_phase", note="x")
    ApiToken.issue(clinician.user, "scripts")
    return User.objects.create_superuser("admin", "admin@example.org", None)


def test_the_admin_registers_the_runners_program_and_the_clinic():
    names = {model.__name__ for model in MODELS}
    assert {"Runner", "Plan", "SessionLog", "Decision", "Clinician", "ApiToken", "AuditEvent"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_every_model_has_a_working_list_and_detail_page(model, staff):
    client = client_for(staff)
    opts = model._meta
    listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), {"q": "a"})
    assert listing.status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"the fixture stores no {opts.label}, so its page would go unopened"
    detail = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    assert detail.status_code == 200
    assert f"/{opts.app_label}/{opts.model_name}/{obj.pk}/" in detail.content.decode()


def test_the_inlines_show_the_planned_exercises_and_the_exercises_logged(staff):
    client = client_for(staff)
    session = m.PlannedSession.objects.order_by("date").first()
    html = client.get(reverse("admin:runners_plannedsession_change", args=[session.pk])).content.decode()
    assert session.exercises.order_by("order").first().slug in html
    log = m.SessionLog.objects.get()
    html = client.get(reverse("admin:runners_sessionlog_change", args=[log.pk])).content.decode()
    assert log.exercises.get().slug in html


def test_the_token_pages_show_the_prefix_but_never_the_hash(staff):
    token = ApiToken.objects.get()
    client = client_for(staff)
    for url in (
        reverse("admin:accounts_apitoken_changelist"),
        reverse("admin:accounts_apitoken_change", args=[token.pk]),
    ):
        html = client.get(url).content.decode()
        assert token.prefix in html and token.key_hash not in html
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403


def test_the_audit_trail_cannot_be_added_to_changed_or_deleted_from_the_admin(staff):
    event = AuditEvent.objects.first()
    client = client_for(staff)
    assert client.get(reverse("admin:clinic_auditevent_add")).status_code == 403
    assert client.get(reverse("admin:clinic_auditevent_delete", args=[event.pk])).status_code == 403
    client.post(reverse("admin:clinic_auditevent_change", args=[event.pk]), {"action": "rewritten"})
    event.refresh_from_db()
    assert event.action == "runner_viewed"


@pytest.mark.parametrize(
    "model", [m.SessionLog, m.CheckIn, m.RunLog, m.OutcomeMeasure, m.Clearance, m.Adjustment, m.Decision, m.Episode]
)
def test_staff_see_a_runners_records_in_the_admin_but_cannot_add_or_change_them(staff, model):
    row = model.objects.first()
    before = model.objects.filter(pk=row.pk).values().get()
    client = client_for(staff)
    opts = model._meta
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 403
    page = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    client.post(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]), {"date": "2026-01-01"})
    assert model.objects.filter(pk=row.pk).values().get() == before


def test_a_record_staff_delete_in_the_admin_is_gone_from_the_runners_program_too(staff, runner):
    painful = m.CheckIn.objects.get(runner=runner, pain=7)
    runner.refresh_from_db()
    seen = runner.version
    assert runner.state["flare"] is not None  # the 7/10 morning started a flare-up
    client = client_for(staff)
    url = reverse("admin:runners_checkin_delete", args=[painful.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    runner.refresh_from_db()
    assert not m.CheckIn.objects.filter(pk=painful.pk).exists()
    assert runner.version > seen  # every kept copy of the old history is left behind
    assert runner.state["flare"] is None  # worked out again without the morning


def test_records_staff_delete_from_the_admin_list_are_gone_from_the_runners_program_too(staff, runner):
    runner.refresh_from_db()
    seen = runner.version
    rows = list(m.CheckIn.objects.filter(runner=runner).values_list("pk", flat=True))
    client = client_for(staff)
    answer = client.post(
        reverse("admin:runners_checkin_changelist"),
        {"action": "delete_selected", "_selected_action": rows, "post": "yes"},
    )
    assert answer.status_code == 302
    runner.refresh_from_db()
    assert not m.CheckIn.objects.filter(runner=runner).exists()
    assert runner.version > seen and runner.state["flare"] is None
