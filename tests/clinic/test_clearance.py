"""Clearing an urgent referral: the paused program resumes, the runner sees why, and the clearance is audited."""

import datetime as dt

import pytest
from django.urls import reverse

from backstride.clinic.models import AuditEvent
from backstride.runners.reports import today_view

from .conftest import START, client_for, red_flag_checkin

pytestmark = pytest.mark.django_db


def clear(clinician, runner, note: str):
    return client_for(clinician.user).post(reverse("clinic:clear", args=[runner.pk]), {"clear-note": note})


def test_clearing_a_referral_resumes_a_paused_program(runner, clinician, today):
    red_flag_checkin(runner, START)
    today.day = START + dt.timedelta(days=3)
    assert today_view(runner, today.day)["paused"]["status"] == "refer_urgent"
    page = client_for(clinician.user).get(reverse("clinic:runner", args=[runner.pk])).content.decode()
    assert "The program is paused" in page and reverse("clinic:clear", args=[runner.pk]) in page

    response = clear(clinician, runner, "Seen by Dr Okafor on 9 December: no concerns")

    assert response.status_code == 302
    view = today_view(runner, today.day)
    assert view["paused"] is None and view["phase"] == "settle"
    assert any("Seen by Dr Okafor on 9 December" in c["reason"] for c in view["recent_changes"])
    event = AuditEvent.objects.get(action="referral_cleared")
    assert event.actor == clinician.user and event.runner == runner
    assert event.detail["note"] == "Seen by Dr Okafor on 9 December: no concerns"


def test_the_clear_page_shows_the_reason_for_the_pause(runner, clinician, today):
    red_flag_checkin(runner, START)
    html = client_for(clinician.user).get(reverse("clinic:clear", args=[runner.pk])).content.decode()
    assert "paused since 2026-12-07" in html and 'name="clear-note"' in html


def test_a_clearance_needs_a_note(runner, clinician, today):
    red_flag_checkin(runner, START)
    response = clear(clinician, runner, "  ")
    assert response.status_code == 400 and "Say who cleared the referral and when" in response.content.decode()
    assert runner.clearances.count() == 0 and not AuditEvent.objects.filter(action="referral_cleared").exists()


def test_there_is_nothing_to_clear_when_the_program_is_not_paused(runner, clinician, today):
    page = client_for(clinician.user).get(reverse("clinic:clear", args=[runner.pk]))
    assert page.status_code == 200 and "not paused" in page.content.decode()
    response = clear(clinician, runner, "Seen, fine")
    assert response.status_code == 400 and "no referral to clear" in response.content.decode()
    assert runner.clearances.count() == 0


def test_a_clearance_dated_before_the_pause_still_counts_from_the_pause(runner, clinician, today):
    # the runner logged ahead of the clinician's calendar: the clearance must not land before the pause
    red_flag_checkin(runner, START + dt.timedelta(days=5))
    today.day = START + dt.timedelta(days=1)
    assert clear(clinician, runner, "Seen, fine").status_code == 302
    assert today_view(runner, START + dt.timedelta(days=6))["paused"] is None


def test_a_referral_cleared_on_the_day_of_the_pause_resumes_the_next_day(runner, clinician, today):
    red_flag_checkin(runner, START + dt.timedelta(days=2))
    today.day = START + dt.timedelta(days=2)
    assert clear(clinician, runner, "Seen the same afternoon").status_code == 302
    assert today_view(runner, START + dt.timedelta(days=3))["paused"] is None
