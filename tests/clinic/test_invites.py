"""Invites: a clinician makes a one-time code; a runner who signs up with it is linked to them."""

import pytest
from django.urls import reverse

from backstride.clinic.models import AuditEvent, CareLink, Invite
from backstride.clinic.services import accept_invite, create_invite, link

from .conftest import client_for

pytestmark = pytest.mark.django_db


def test_creating_an_invite_shows_its_code_and_sign_up_link(clinician, today):
    client = client_for(clinician.user)
    response = client.post(reverse("clinic:invite"), follow=True)
    invite = Invite.objects.get(clinician=clinician)
    html = response.content.decode()
    assert invite.code in html
    assert f"http://testserver/accounts/signup/?invite={invite.code}" in html
    assert "Your new invite" in html


def test_invite_codes_are_random_and_unique(clinician):
    codes = {create_invite(clinician).code for _ in range(20)}
    assert len(codes) == 20 and all(len(code) >= 12 for code in codes)


def test_creating_an_invite_is_audited_without_the_code(clinician):
    invite = create_invite(clinician)
    event = AuditEvent.objects.get(action="invite_created")
    assert event.actor == clinician.user and event.runner is None
    assert event.detail == {"invite": invite.pk} and invite.code not in str(event.detail)


def test_accepting_an_invite_links_the_runner_and_uses_the_invite(make_runner, clinician):
    invite = create_invite(clinician)
    runner = make_runner(username="sam")
    assert accept_invite(runner, f"  {invite.code} ") is True
    assert CareLink.objects.filter(clinician=clinician, runner=runner).exists()
    invite.refresh_from_db()
    assert invite.used_by == runner and invite.used_at is not None
    joined = AuditEvent.objects.get(action="invite_accepted")
    assert joined.actor == runner.user and joined.runner == runner


def test_an_invite_works_only_once(make_runner, clinician):
    invite = create_invite(clinician)
    first, second = make_runner("First", username="first"), make_runner("Second", username="second")
    assert accept_invite(first, invite.code) is True
    assert accept_invite(second, invite.code) is False
    assert not CareLink.objects.filter(runner=second).exists()


@pytest.mark.parametrize("code", ["", "   ", "not-a-code", None])
def test_an_unknown_or_empty_code_links_nobody(make_runner, clinician, code):
    create_invite(clinician)
    assert accept_invite(make_runner(), code) is False
    assert not CareLink.objects.exists()


def test_linking_twice_keeps_one_link(make_runner, clinician):
    runner = make_runner()
    assert link(clinician, runner) == link(clinician, runner)
    assert CareLink.objects.count() == 1


def test_the_invite_page_lists_only_this_clinicians_invites_and_who_used_them(make_runner, clinician, stranger, today):
    mine, theirs = create_invite(clinician), create_invite(stranger)
    accept_invite(make_runner("Sam Rivera"), mine.code)
    html = client_for(clinician.user).get(reverse("clinic:invite")).content.decode()
    assert mine.code in html and theirs.code not in html
    assert "Used by Sam Rivera" in html
