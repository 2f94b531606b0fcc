"""Invite codes a clinician can read out over the phone: no look-alike characters, in groups, typed in any case."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from backstride.clinic.models import CareLink, Invite
from backstride.clinic.services import accept_invite, create_invite
from backstride.pages.forms import RED_FLAG_QUESTIONS
from backstride.runners.models import Runner

from .conftest import client_for

pytestmark = pytest.mark.django_db

THREE_GROUPS_OF_FOUR = re.compile(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}")


def spoken(code: str) -> str:
    """The code as a runner types what they heard: small letters, spaces between the groups."""
    return code.replace("-", " ").lower()


def test_a_new_invite_code_is_three_groups_of_four_without_look_alike_characters(clinician):
    codes = [create_invite(clinician).code for _ in range(50)]
    assert all(THREE_GROUPS_OF_FOUR.fullmatch(code) for code in codes), codes
    assert not set("".join(codes)) & set("0O1IL")
    assert len(set(codes)) == 50


def test_the_alphabet_has_no_characters_that_look_or_sound_alike_and_enough_of_them_for_59_bits():
    from backstride.clinic.invite_codes import ALPHABET

    assert not set(ALPHABET) & set("0O1IL") and len(set(ALPHABET)) == len(ALPHABET) == 31
    assert (31**12).bit_length() - 1 == 59


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: spoken(code),
        lambda code: code.replace("-", "").lower(),
        lambda code: code.replace("-", " - "),
        lambda code: code.replace("-", "\u2013"),  # a phone's keyboard turns a dash into an en dash
    ],
    ids=["small-letters-and-spaces", "no-dashes", "spaced-dashes", "en-dashes"],
)
def test_a_code_typed_as_it_was_heard_links_the_runner(make_runner, clinician, typed):
    invite = create_invite(clinician)
    runner = make_runner(username="sam")
    entered = typed(invite.code)
    assert entered != invite.code
    assert accept_invite(runner, entered) is True
    assert CareLink.objects.filter(clinician=clinician, runner=runner).exists()


def test_a_code_typed_in_small_letters_still_works_only_once(make_runner, clinician):
    invite = create_invite(clinician)
    first, second = make_runner("First", username="first"), make_runner("Second", username="second")
    assert accept_invite(first, spoken(invite.code)) is True
    assert accept_invite(second, invite.code) is False
    assert accept_invite(second, spoken(invite.code)) is False
    assert not CareLink.objects.filter(runner=second).exists()


@pytest.mark.parametrize("typed", ["K7QX-M3PD-R9T", "K7QX-M3PD-R9TWX", "K0QX-M3PD-R9TW", "I7QX-M3PD-R9TW", "-- --"])
def test_text_that_cannot_be_a_readable_code_is_refused_before_any_lookup(typed):
    from backstride.clinic.invite_codes import readable_form

    assert readable_form(typed) is None


def test_an_invite_made_before_readable_codes_still_works_exactly_as_it_was_given(make_runner, clinician):
    # the former codes were secrets.token_urlsafe(9): twelve case-sensitive characters, dashes included
    older = Invite.objects.create(clinician=clinician, code="aB3_x-Yz9Q0k")
    runner = make_runner(username="sam")
    assert accept_invite(runner, "AB3_X-YZ9Q0K") is False  # an older code never was case-insensitive
    assert accept_invite(runner, " aB3_x-Yz9Q0k ") is True
    older.refresh_from_db()
    assert older.used_by == runner


def test_the_invite_page_tells_the_clinician_how_to_read_the_code_out(clinician, today):
    response = client_for(clinician.user).post(reverse("clinic:invite"), follow=True)
    html = response.content.decode()
    code = Invite.objects.get(clinician=clinician).code
    assert f"<code>{code}</code>" in html
    assert "read it out in its three groups" in html and "no 0, O, 1, I or L" in html


def test_signing_up_with_a_code_typed_in_small_letters_links_the_runner_to_the_clinician(clinician):
    code = create_invite(clinician).code
    client = Client()
    password = "a-long-passphrase-42"
    form = {
        "first_name": "Casey",
        "email": "casey@example.org",
        "password1": password,
        "password2": password,
        "role": "runner",
        "invite_code": spoken(code),
    }
    assert client.post("/accounts/signup/", form).status_code == 302
    # a yes to a warning sign ends onboarding at once, and the runner is stored with the invite accepted
    client.post("/onboarding/", {"step": "consent", "consent-health_data": "on"})
    answers = {"step": "safety"} | {f"safety-{key}": "no" for key, _q in RED_FLAG_QUESTIONS}
    client.post("/onboarding/", answers | {"safety-saddle_numbness": "yes"})
    runner = Runner.objects.get(user__email="casey@example.org")
    assert runner.care_links.get().clinician == clinician
    assert Invite.objects.get(code=code).used_by == runner
