"""Pain-scale change, PSFS and trunk endurance ratios."""

import pytest

from backstride.core.errors import InputError
from backstride.core.questionnaires import endurance, pain_scale, psfs


@pytest.mark.parametrize(
    "before,after,verdict",
    [
        (0, 0, "no_meaningful_change"),
        (10, 10, "no_meaningful_change"),
        (5, 3, "improved"),
        (5, 4, "no_meaningful_change"),
        (3, 2, "improved"),  # one point is 33 % of three
        (2, 4, "worse"),
        (10, 0, "improved"),
    ],
)
def test_pain_change_needs_two_points_or_thirty_percent(before, after, verdict):
    assert pain_scale.change(before, after) == verdict


@pytest.mark.parametrize("bad", [11, -1, 2.5, None, "3"])
def test_pain_outside_zero_to_ten_is_rejected_with_the_field_named(bad):
    with pytest.raises(InputError, match="pain_during: must be a whole number from 0 to 10"):
        pain_scale.check_pain(bad, "pain_during")


def test_psfs_score_is_the_mean_of_the_activities():
    assert psfs.score({"run 10 km": 3, "sit through a meeting": 6}).mean == 4.5


def test_psfs_minimum_and_maximum():
    assert psfs.score({"run": 0}).mean == 0
    assert psfs.score(dict.fromkeys("abcde", 10)).mean == 10


def test_psfs_takes_at_most_five_activities():
    with pytest.raises(InputError, match="between 1 and 5"):
        psfs.score(dict.fromkeys("abcdef", 5))


def test_psfs_rejects_a_rating_of_eleven():
    with pytest.raises(InputError, match="psfs.run"):
        psfs.score({"run": 11})


def test_psfs_flags_a_two_point_mean_change_and_a_three_point_activity_change():
    before = psfs.score({"run": 2, "sit": 6})
    after = psfs.score({"run": 6, "sit": 6})
    assert psfs.meaningful_change(before, after) == {"mean": 2.0, "activities": {"run": 4}}


def test_psfs_ignores_small_changes():
    before, after = psfs.score({"run": 4}), psfs.score({"run": 5})
    assert psfs.meaningful_change(before, after) == {"mean": None, "activities": {}}


def test_endurance_ratios_of_a_balanced_trunk_are_on_target():
    t = endurance.EnduranceTimes(flexor=120, extensor=150, side_right=90, side_left=90)
    r = endurance.ratios(t)
    assert r["flexion_extension"] == {"value": 0.8, "on_target": True}
    assert r["right_left"] == {"value": 1.0, "on_target": True}
    assert r["right_extension"]["on_target"] and r["left_extension"]["on_target"]


def test_endurance_flags_side_to_side_imbalance_over_five_hundredths():
    t = endurance.EnduranceTimes(flexor=60, extensor=90, side_right=50, side_left=40)
    r = endurance.ratios(t)
    assert r["right_left"] == {"value": 1.25, "on_target": False}
    assert r["right_extension"] == {"value": 0.56, "on_target": True}


def test_endurance_flags_flexors_outlasting_extensors():
    r = endurance.ratios(endurance.EnduranceTimes(flexor=100, extensor=80, side_right=50, side_left=50))
    assert r["flexion_extension"]["on_target"] is False


def test_the_home_variant_is_compared_with_the_runner_not_the_norms():
    t = endurance.EnduranceTimes(flexor=60, extensor=90, side_right=40, side_left=40, variant="home")
    assert endurance.ratios(t)["compare_with_norms"] is False


@pytest.mark.parametrize("bad", [0, -5, 601, "60"])
def test_an_impossible_endurance_time_names_the_test(bad):
    with pytest.raises(InputError, match="endurance.extensor"):
        endurance.EnduranceTimes(flexor=60, extensor=bad, side_right=40, side_left=40)


def test_psfs_needs_at_least_one_activity():
    with pytest.raises(InputError, match="rate between 1 and 5 activities, got 0"):
        psfs.score({})
