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
