"""The body model and its forward kinematics, on their own."""

import math
import subprocess
import sys

import pytest

from backstride.core.figures.body import JOINTS, LENGTHS, forward, segment_length
from backstride.core.figures.poses import pose_angles, settle


def test_the_figure_core_imports_nothing_outside_the_standard_library():
    code = (
        "import sys; import backstride.core.figures.render, backstride.core.figures.checks;"
        "print(sorted(m for m in ('django', 'yaml', 'matplotlib', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_standing_body_is_about_as_tall_as_an_adult():
    placed = settle({"base": "stand", "near_elbow": 0}, "side")
    top_of_head = placed.points["head"][1] + 11
    assert 170 <= top_of_head <= 180


def test_bending_the_hip_turns_the_thigh_forwards():
    angles = pose_angles({"base": "stand"})
    straight = forward(angles, "side")
    angles["near_hip"] = 90
    bent = forward(angles, "side")
    assert bent.points["near_knee"][0] > straight.points["near_knee"][0] + 40
    assert bent.points["near_knee"][1] == pytest.approx(bent.points["pelvis"][1], abs=1)


def test_leaning_the_whole_body_keeps_every_segment_its_length():
    for tilt in (-90, -30, 0, 45, 90):
        angles = {j: 0.0 for j in JOINTS} | {"tilt": float(tilt), "near_knee": 60.0, "far_shoulder": 120.0}
        placed = forward(angles, "side")
        assert segment_length(placed, "near_shin") == pytest.approx(LENGTHS["side"]["shin"])
        assert segment_length(placed, "far_upper_arm") == pytest.approx(LENGTHS["side"]["upper_arm"])


def test_the_front_view_sets_the_hips_and_shoulders_apart():
    placed = forward({j: 0.0 for j in JOINTS}, "front")
    near, far = placed.points["near_hip"], placed.points["far_hip"]
    assert near[0] > 0 > far[0]
    assert math.isclose(near[1], far[1])


def test_two_resting_points_turn_the_body_until_both_touch_the_floor():
    placed = settle({"base": "quadruped"}, "side")
    assert placed.points["near_knee"][1] == pytest.approx(placed.radius("near_knee"))
    assert placed.points["near_hand"][1] == pytest.approx(placed.radius("near_hand"))
