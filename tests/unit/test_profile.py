"""The runner's profile: directional preference and readiness to run."""

import pytest

from backstride.core.intake import parse_intake
from backstride.core.profile import build_profile, directional_preference


@pytest.mark.parametrize(
    "aggravated,eased,expected",
    [
        (["sitting", "bending_forward"], ["walking"], "flexion_sensitive"),
        (["sitting"], [], "flexion_sensitive"),
        (["standing", "arching_back"], ["sitting"], "extension_sensitive"),
        (["walking"], ["bending_forward"], "extension_sensitive"),
        (["sitting", "standing"], [], "none"),
        (["twisting", "running"], [], "none"),
        ([], ["walking"], "none"),
        ([], [], "none"),
    ],
)
def test_directional_preference_comes_from_what_aggravates_and_what_eases(aggravated, eased, expected):
    assert directional_preference(aggravated, eased) == expected


def test_a_stopped_runner_who_walks_comfortably_with_low_pain_is_ready_for_walk_run(sam):
    sam["running"] = {
        "status": "stopped_due_to_pain",
        "runs_per_week": 0,
        "weekly_km": 0,
        "walk_30_min_comfortable": True,
    }
    sam["pain"]["now"] = 2
    assert build_profile(parse_intake(sam)).return_to_run_ready


def test_rest_pain_above_two_is_not_ready_for_walk_run(sam):
    sam["running"] = {
        "status": "stopped_due_to_pain",
        "runs_per_week": 0,
        "weekly_km": 0,
        "walk_30_min_comfortable": True,
    }
    sam["pain"]["now"] = 3
    assert not build_profile(parse_intake(sam)).return_to_run_ready


def test_without_the_walking_answer_walking_that_aggravates_means_not_ready(sam):
    sam["running"] = {"status": "stopped_due_to_pain", "runs_per_week": 0, "weekly_km": 0}
    sam["pain"]["now"] = 1
    sam["aggravated_by"] = ["walking"]
    assert not build_profile(parse_intake(sam)).return_to_run_ready


def _odi(total_of_nine: int) -> dict:
    """Nine sections answered (sex life left out) adding up to the given total."""
    sections = ["pain_intensity", "personal_care", "lifting", "walking", "sitting", "standing", "sleeping"]
    sections += ["social_life", "travelling"]
    scores = [total_of_nine // 9 + (1 if i < total_of_nine % 9 else 0) for i in range(9)]
    return dict(zip(sections, scores, strict=True)) | {"sex_life": None}


@pytest.mark.parametrize(
    "now,worst,weeks,odi_total,reasons",
    [
        (3, 6, 3, 10, []),  # Sam: a moderate, settling back
        (3, 7, 20, 10, ["worst_pain"]),  # worst pain 7/10 or more
        (6, 6, 20, 10, ["pain_now"]),  # pain now 6/10 or more
        (5, 6, 20, 10, []),
        (5, 6, 5, 10, ["acute_onset"]),  # under 6 weeks, worst 6 and still 5/10 now
        (5, 6, 6, 10, []),  # 6 weeks is no longer acute
        (4, 6, 5, 10, []),
        (5, 5, 5, 10, []),
        (3, 5, 20, 19, ["oswestry"]),  # 19 of 45 is 42 %: severe
        (3, 5, 20, 18, []),  # 18 of 45 is 40 %: moderate
    ],
)
def test_a_back_is_highly_irritable_from_worst_pain_pain_now_an_acute_onset_or_a_severe_oswestry(
    sam, now, worst, weeks, odi_total, reasons
):
    sam["pain"] |= {"now": now, "worst_last_week": worst, "weeks_since_onset": weeks}
    sam["odi"] = _odi(odi_total)
    profile = build_profile(parse_intake(sam))
    assert list(profile.irritability_reasons) == reasons
    assert profile.irritability == ("high" if reasons else "normal")
    assert profile.as_dict()["irritability_reasons"] == reasons


def test_twisting_makes_rotation_a_sensitive_direction_without_changing_the_directional_preference(sam):
    assert build_profile(parse_intake(sam)).as_dict()["rotation_sensitive"] is False
    sam["aggravated_by"] = ["twisting", "running"]
    profile = build_profile(parse_intake(sam))
    assert profile.rotation_sensitive is True and profile.as_dict()["rotation_sensitive"] is True
    assert profile.directional_preference == "none"
    sam["aggravated_by"] = ["sitting", "bending_forward", "twisting"]
    profile = build_profile(parse_intake(sam))
    assert (profile.directional_preference, profile.rotation_sensitive) == ("flexion_sensitive", True)
