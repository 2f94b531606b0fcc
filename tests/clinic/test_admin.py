"""Staff can browse every stored record in the Django admin; token hashes and the audit trail stay untouchable."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from backstride.accounts.models import ApiToken
from backstride.clinic.models import AuditEvent, CareLink, Invite
from backstride.clinic.services import audit, create_invite
from backstride.runners import models as m

from .conftest import START, client_for, morning

pytestmark = pytest.mark.django_db

MODELS = [
    m.Runner,
    m.Assessment,
    m.Plan,
    m.PlannedSession,
    m.SessionLog,
    m.CheckIn,
    m.RunLog,
    m.OutcomeMeasure,
    m.Clearance,
    m.Decision,
    m.Episode,
    m.Nudge,
    m.Adjustment,
    ApiToken,
    CareLink,
    Invite,
    AuditEvent,
]


@pytest.fixture
def staff(runner, clinician, today):
    morning(runner, START, 3)
    create_invite(clinician)
    audit(clinician.user, runner, "runner_viewed")
    m.Adjustment.objects.create(runner=runner, author=clinician.user, date=START, kind="hold_phase", note="x")
    ApiToken.issue(clinician.user, "scripts")
    return User.objects.create_superuser("admin", "admin@example.org", None)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_model_has_a_working_list_and_detail_page(model, staff):
    assert model in admin.site._registry
    client = client_for(staff)
    opts = model._meta
    listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), {"q": "a"})
    assert listing.status_code == 200
    obj = model.objects.first()
    if obj is not None:
        detail = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        assert detail.status_code == 200


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
