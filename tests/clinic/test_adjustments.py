"""A clinician's changes to a plan: stored, replayed at once, shown to the runner with their reason, and audited."""

import datetime as dt

import pytest
from django.urls import reverse

from backstride.clinic.models import AuditEvent
from backstride.core.library import load_library
from backstride.runners.models import Adjustment
from backstride.runners.reports import today_view

from .conftest import START, client_for

pytestmark = pytest.mark.django_db


def adjust(clinician, runner, kind: str, **fields):
    data = {"kind": kind} | {f"{kind}-{k}": v for k, v in fields.items()}
    return client_for(clinician.user).post(reverse("clinic:adjust", args=[runner.pk]), data)


def exercise_in(view: dict, slot: str) -> dict:
    return next(e for e in view["session"]["exercises"] if e["slot"] == slot)


def test_swapping_an_exercise_changes_todays_session_and_tells_the_runner_why(runner, clinician, today):
    today.day = START + dt.timedelta(days=2)  # Wednesday: a session day
    assert exercise_in(today_view(runner, today.day), "anti_extension")["slug"] != "dead-bug"

    response = adjust(
        clinician,
        runner,
        "swap",
        slot="anti_extension",
        exercise="dead-bug",
        step=1,
        note="Heel taps irritate the back; try the easier pattern",
    )

    assert response.status_code == 302
    view = today_view(runner, today.day)
    swapped = exercise_in(view, "anti_extension")
    assert swapped["slug"] == "dead-bug" and swapped["dosage_step"] == 1
    dose = load_library()["dead-bug"].dosage.steps[0]
    reason = view["recent_changes"][0]["reason"]
    assert reason == (
        f"Ada Okafor swapped in Dead Bug at {dose.sets} × {dose.reps} reps: "
        "Heel taps irritate the back; try the easier pattern"
    )


def test_the_adjustment_is_stored_with_its_author_and_date_and_audited(runner, clinician, today):
    adjust(clinician, runner, "swap", slot="anti_extension", exercise="dead-bug", step=2, note="Easier")
    stored = Adjustment.objects.get(runner=runner)
    assert (stored.kind, stored.slot, stored.slug, stored.dosage_step) == ("swap", "anti_extension", "dead-bug", 1)
    assert stored.author == clinician.user and stored.date == today.day and stored.note == "Easier"
    event = AuditEvent.objects.get(action="plan_adjusted")
    assert event.actor == clinician.user and event.runner == runner
    assert event.detail["kind"] == "swap" and event.detail["adjustment"] == stored.pk


def test_changing_a_dosage_changes_the_dose_today(runner, clinician, today):
    before = exercise_in(today_view(runner, today.day), "brace")
    response = adjust(clinician, runner, "dosage", slot="brace", step=3, note="Holding the brace well in clinic")
    assert response.status_code == 302
    after = exercise_in(today_view(runner, today.day), "brace")
    assert after["slug"] == before["slug"] and after["dosage_step"] == 3
    assert "Holding the brace well in clinic" in today_view(runner, today.day)["recent_changes"][0]["reason"]


def test_holding_the_phase_repeats_the_week_before_the_next_phase(runner, clinician, today):
    today.day = START + dt.timedelta(days=9)  # week 2, the last week of settle and activate
    week3 = START + dt.timedelta(days=14)
    assert today_view(runner, week3)["phase"] == "stabilise"
    response = adjust(clinician, runner, "hold_phase", note="Not ready to load more yet")
    assert response.status_code == 302
    assert today_view(runner, week3)["phase"] == "settle"
    assert (
        "holds this phase for another week: Not ready to load more yet"
        in (today_view(runner, today.day)["recent_changes"][0]["reason"])
    )


def test_advancing_starts_the_next_phase_next_week(runner, clinician, today):
    week2 = START + dt.timedelta(days=7)
    assert today_view(runner, week2)["phase"] == "settle"
    response = adjust(clinician, runner, "advance_phase", note="Pain-free and moving well")
    assert response.status_code == 302
    assert today_view(runner, week2)["phase"] == "stabilise"


def test_an_adjustment_made_before_the_plan_starts_counts_from_its_first_day(runner, clinician, today):
    today.day = START - dt.timedelta(days=3)
    adjust(clinician, runner, "dosage", slot="brace", step=2, note="Start a step up")
    assert Adjustment.objects.get().date == START
    assert exercise_in(today_view(runner, START), "brace")["dosage_step"] == 2


SWAP = {"slot": "anti_extension", "exercise": "dead-bug", "step": 1, "note": "x"}


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("swap", SWAP | {"note": ""}, "Write a short note"),
        ("swap", SWAP | {"step": 40}, "dosage steps: choose 1 to"),
        ("swap", SWAP | {"step": "two"}, "Enter a whole number"),
        ("swap", SWAP | {"exercise": "no-such-move"}, "Choose one of the exercises offered for this runner"),
        ("swap", SWAP | {"slot": "nowhere"}, "Select a valid choice"),
        ("swap", SWAP | {"step": 0}, "greater than or equal to 1"),
        ("dosage", {"slot": "brace", "step": 99, "note": "x"}, "Choose one of the doses listed"),
        ("dosage", {"slot": "brace", "step": 1, "note": "x"}, "already the dose"),
        ("dosage", {"step": 2, "note": "x"}, "This field is required"),
        ("hold_phase", {"note": "   "}, "Write a short note"),
        ("advance_phase", {"note": "x" * 501}, "at most 500 characters"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_stores_nothing(runner, clinician, today, kind, fields, message):
    response = adjust(clinician, runner, kind, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Adjustment.objects.exists() and not AuditEvent.objects.filter(action="plan_adjusted").exists()


def test_an_unknown_kind_of_change_is_a_bad_request(runner, clinician, today):
    response = client_for(clinician.user).post(reverse("clinic:adjust", args=[runner.pk]), {"kind": "delete"})
    assert response.status_code == 400 and not Adjustment.objects.exists()


def test_advancing_in_the_last_phase_is_refused(runner, clinician, today):
    today.day = START + dt.timedelta(days=50)  # week 8, run-specific
    response = adjust(clinician, runner, "advance_phase", note="More")
    assert response.status_code == 400
    assert "This is the last phase" in response.content.decode()


def test_holding_after_the_eight_weeks_is_refused(runner, clinician, today):
    today.day = START + dt.timedelta(days=70)
    response = adjust(clinician, runner, "hold_phase", note="More")
    assert response.status_code == 400
    assert "program weeks are over" in response.content.decode()


def test_a_runner_without_a_plan_cannot_be_adjusted(make_runner, clinician, today, sam):
    from backstride.clinic.services import link

    referred = make_runner("Ina Intake", red_flags=sam["red_flags"] | {"history_of_cancer": True})
    link(clinician, referred)
    page = client_for(clinician.user).get(reverse("clinic:adjust", args=[referred.pk]))
    assert page.status_code == 200 and "has no plan" in page.content.decode()
    assert adjust(clinician, referred, "hold_phase", note="x").status_code == 400
    assert not Adjustment.objects.exists()


def test_the_swap_form_can_show_an_exercises_dosage_ladder(runner, clinician, today):
    response = client_for(clinician.user).get(
        reverse("clinic:adjust", args=[runner.pk]), {"steps": "1", "swap-exercise": "dead-bug"}
    )
    assert response.status_code == 200 and "1 set of 5 reps, each side" in response.content.decode()
    unknown = client_for(clinician.user).get(reverse("clinic:adjust", args=[runner.pk]), {"steps": "nope"})
    assert unknown.status_code == 200
