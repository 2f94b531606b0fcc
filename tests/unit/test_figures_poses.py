"""Every keyframe of every figure shows a body a person could hold, resting where its position says."""

import pytest

from backstride.core.figures import load_figure
from backstride.core.figures.body import LENGTHS, SEGMENTS, kind, segment_length
from backstride.core.figures.checks import (
    CONTACTS,
    RANGE_OF_MOTION,
    collision_problems,
    contact_problems,
    rom_problems,
)
from backstride.core.figures.poses import settle
from backstride.core.library import load_library

LIBRARY = load_library()
SLUGS = sorted(LIBRARY.exercises)


@pytest.mark.parametrize("slug", SLUGS)
def test_segment_lengths_never_change_between_keyframes(slug):
    figure = load_figure(slug)
    for keyframe in figure.keyframes:
        for name, *_ in SEGMENTS:
            assert segment_length(keyframe.placed, name) == pytest.approx(LENGTHS[figure.view][kind(name)], abs=1e-6)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_joint_stays_within_the_normal_range_of_motion(slug):
    assert rom_problems(load_figure(slug)) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_no_part_of_the_body_goes_below_the_floor_or_through_a_prop(slug):
    assert collision_problems(load_figure(slug)) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_the_parts_the_position_rests_on_touch_a_surface(slug):
    assert contact_problems(load_figure(slug), LIBRARY[slug].position) == []


def test_every_starting_position_in_the_vocabulary_says_what_rests_on_the_floor():
    from backstride.core.library.vocabulary import Position

    assert {p.value for p in Position} == set(CONTACTS)


def test_the_range_of_motion_table_covers_every_joint_in_both_views():
    joints = {"spine", "neck", "hip", "knee", "ankle", "shoulder", "elbow", "wrist"}
    for view in ("side", "front"):
        assert set(RANGE_OF_MOTION[view]) == joints
        assert all(low < high for low, high in RANGE_OF_MOTION[view].values())


def test_a_knee_bent_past_its_range_is_reported():
    figure = load_figure("glute-bridge")
    from dataclasses import replace

    bent = replace(figure.keyframes[0], placed=settle({"base": "stand", "near_knee": 170}, "side"))
    assert any("near_knee" in p for p in rom_problems(replace(figure, keyframes=(bent,))))


def test_a_body_pushed_below_the_floor_is_reported():
    figure = load_figure("bird-dog")
    from dataclasses import replace

    sunk = replace(figure.keyframes[0], placed=settle({"base": "stand", "rest": {"near_heel": -20}}, "side"))
    assert collision_problems(replace(figure, keyframes=(sunk,)))


def test_a_standing_figure_has_its_head_above_its_hips_and_its_feet_on_the_floor():
    placed = settle({"base": "stand"}, "side")
    assert placed.points["head"][1] > placed.points["pelvis"][1] > placed.points["near_knee"][1]
    assert placed.points["near_heel"][1] == pytest.approx(placed.radius("near_heel"), abs=0.5)


def test_a_planted_foot_rests_flat_with_heel_and_toe_on_the_floor():
    placed = settle({"base": "hook_lying", "near_hip": 65}, "side")
    assert placed.points["near_heel"][1] == pytest.approx(placed.points["near_toe"][1], abs=0.3)


LIMBS = {"leg": ("hip", "knee", "ankle"), "arm": ("shoulder", "elbow", "wrist")}
ALTERNATING = {"running_drills", "walk_run"}  # these swap legs on purpose, stride by stride


def moving_limbs(first: dict, other: dict) -> frozenset[str]:
    """Which limbs (near_leg, far_arm, ...) turn more than 15 degrees at some joint between two keyframes."""
    return frozenset(
        f"{side}_{limb}"
        for side in ("near", "far")
        for limb, joints in LIMBS.items()
        if any(abs(first[f"{side}_{j}"] - other[f"{side}_{j}"]) > 15 for j in joints)
    )


def mirrored(limbs: frozenset[str]) -> frozenset[str]:
    return frozenset(name.replace("near", "@").replace("far", "near").replace("@", "far") for name in limbs)


ONE_SIDED = [s for s in SLUGS if LIBRARY[s].dosage.per_side and LIBRARY[s].category not in ALTERNATING]


@pytest.mark.parametrize("slug", ONE_SIDED)
def test_a_one_sided_exercise_keeps_the_same_side_working_in_every_keyframe(slug):
    frames = [k.placed.joints for k in load_figure(slug).keyframes]
    moves = [m for m in (moving_limbs(frames[0], f) for f in frames[1:]) if m and m != mirrored(m)]
    for a in moves:
        for b in moves:
            assert not (a != b and a == mirrored(b)), f"{slug}: one keyframe moves {sorted(a)}, another {sorted(b)}"


def test_a_keyframe_that_switches_to_the_other_leg_is_told_apart():
    still = {j: 0.0 for j in settle({"base": "stand"}, "side").joints}
    near_up, far_up = still | {"near_hip": 60.0}, still | {"far_hip": 60.0}
    assert moving_limbs(still, near_up) == mirrored(moving_limbs(still, far_up)) == {"near_leg"}
