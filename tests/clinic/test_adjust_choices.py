"""The adjust page offers doses in words, and swaps only of exercises that fit the slot, the runner's kit and
the direction their back is sensitive to; the server refuses anything else and stores nothing."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from backstride.clinic import planning
from backstride.clinic.models import AuditEvent
from backstride.clinic.services import link
from backstride.core.library import load_library
from backstride.core.planner.selection import chains_for, rules_for
from backstride.runners.models import Adjustment

from .conftest import START, client_for

pytestmark = pytest.mark.django_db

WEDNESDAY = START + dt.timedelta(days=2)  # week 1: the sensitive direction is left out altogether
WEEK_8 = START + dt.timedelta(days=50)  # after week 6 the planner brings it back fully
KIT_NEEDED = {"band", "loop_band", "stability_ball"}


def offered(runner, day) -> dict[str, set[str]]:
    slots, _position = planning.current(runner, day)
    return {s.slot: {slug for slug, _name in s.choices} for s in slots}


def swap(clinician, runner, **fields):
    data = {"kind": "swap"} | {f"swap-{k}": v for k, v in fields.items()}
    return client_for(clinician.user).post(reverse("clinic:adjust", args=[runner.pk]), data)


def test_a_runner_without_a_band_is_offered_no_exercise_that_needs_one(make_runner, clinician, today):
    no_band = make_runner("Nat Nokit", equipment=["mat", "wall"])
    link(clinician, no_band)
    library = load_library()

    choices = offered(no_band, WEDNESDAY)

    needing = {slug for slugs in choices.values() for slug in slugs if library[slug].needs & KIT_NEEDED}
    assert choices and not needing
    assert "wall-press-rotations" in choices["rotation_control"]  # the slot is still served, by the wall


def test_a_runner_with_a_band_is_offered_the_band_exercises_of_the_slot(runner, today):
    assert {"half-kneeling-pallof-press", "pallof-press"} <= offered(runner, WEDNESDAY)["rotation_control"]
    # Sam has a band, not a loop band
    assert not offered(runner, WEDNESDAY)["hip_side"] & {"banded-clamshell", "band-side-steps", "monster-walk"}


def test_a_flexion_sensitive_runner_is_not_offered_flexion_loading_exercises_while_the_planner_leaves_them_out(
    runner, today
):
    profile = runner.assessments.first().result["profile"]
    assert profile["directional_preference"] == "flexion_sensitive"
    library = load_library()

    early = offered(runner, WEDNESDAY)

    assert not any("flexion" in library[slug].loads for slugs in early.values() for slug in slugs)
    assert "hollow-hold" not in early["anti_extension"] and "bird-dog-elbow-to-knee" not in early["anti_rotation"]
    # in week 8 the planner allows the direction again, and so does the list
    assert "bird-dog-elbow-to-knee" in offered(runner, WEEK_8)["anti_rotation"]


def test_every_choice_is_one_the_planner_itself_could_put_in_that_slot(runner, today):
    library = load_library()
    profile = runner.assessments.first().result["profile"]
    rules = rules_for(frozenset(profile["equipment"]), profile["directional_preference"], 1)
    for slot, slugs in offered(runner, WEDNESDAY).items():
        family = {m for root in chains_for(slot, profile["directional_preference"]) for m in library.chain(root)}
        assert slugs and slugs <= family, slot
        assert all(rules.allows(library[slug]) for slug in slugs), slot


def test_the_page_groups_the_exercises_by_slot(runner, clinician, today):
    html = client_for(clinician.user).get(reverse("clinic:adjust", args=[runner.pk])).content.decode()
    exercise_select = html.split('name="swap-exercise"', 1)[1].split("</select>", 1)[0]
    group = exercise_select.split('label="For Resisting arching"', 1)[1].split("</optgroup>", 1)[0]
    assert re.findall(r'value="([a-z-]+)"', group) == ["dead-bug-heel-taps", "dead-bug", "straight-leg-dead-bug"]
    assert "hollow-hold" not in exercise_select


def test_the_dosage_choices_read_as_words_with_the_current_dose_marked(runner, clinician, today):
    html = client_for(clinician.user).get(reverse("clinic:adjust", args=[runner.pk])).content.decode()
    step_select = html.split('name="dosage-step"', 1)[1].split("</select>", 1)[0]
    brace = step_select.split('label="For Brace"', 1)[1].split("</optgroup>", 1)[0]
    assert "Step 1: 1 set of 5 reps, 6 s holds" in brace
    assert "Step 5: 2 × 8 reps, 10 s holds" in brace
    assert brace.count("(now)") == 1
    assert ", each side" in step_select  # a per-side exercise says so


def test_a_posted_exercise_offered_only_for_another_slot_is_refused_and_nothing_is_stored(runner, clinician, today):
    response = swap(clinician, runner, slot="anti_extension", exercise="glute-bridge", step=1, note="Try this")
    assert response.status_code == 400
    assert "Glute Bridge does not fit the Resisting arching slot for this runner" in response.content.decode()
    assert not Adjustment.objects.exists() and not AuditEvent.objects.filter(action="plan_adjusted").exists()


def test_a_posted_exercise_the_runners_back_or_kit_rules_out_is_refused_and_nothing_is_stored(runner, clinician, today):
    for slot, slug in [("anti_extension", "hollow-hold"), ("hip_side", "banded-clamshell")]:
        response = swap(clinician, runner, slot=slot, exercise=slug, step=1, note="Try this")
        assert response.status_code == 400
        assert "Choose one of the exercises offered for this runner" in response.content.decode()
    assert not Adjustment.objects.exists() and not AuditEvent.objects.filter(action="plan_adjusted").exists()


def test_an_offered_exercise_is_swapped_in(runner, clinician, today):
    response = swap(clinician, runner, slot="anti_extension", exercise="straight-leg-dead-bug", step=1, note="Ready")
    assert response.status_code == 302
    assert Adjustment.objects.get().slug == "straight-leg-dead-bug"
