"""Every exercise in the library has a figure, and every figure belongs to an exercise."""

import pytest

from backstride.core.figures import figure_slugs, load_figure
from backstride.core.library import load_library

LIBRARY = load_library()
SLUGS = sorted(LIBRARY.exercises)
# Which prop draws each piece of equipment an exercise lists.
PROP_FOR = {"mat": "mat", "wall": "wall", "chair": "chair", "step": "step", "band": "band", "loop_band": "loop_band",
            "dumbbells": "dumbbell", "kettlebell": "kettlebell", "stability_ball": "ball",
            "foam_roller": "foam_roller", "bench": "bench"}  # fmt: skip


def test_every_exercise_in_the_library_has_a_figure_file():
    missing = sorted(set(SLUGS) - set(figure_slugs()))
    assert not missing, f"exercises without a figure: {missing}"


def test_every_figure_file_belongs_to_an_exercise_in_the_library():
    assert not sorted(set(figure_slugs()) - set(SLUGS))


@pytest.mark.parametrize("slug", SLUGS)
def test_every_exercise_figure_has_at_least_one_pose(slug):
    assert len(load_figure(slug).keyframes) >= 1


@pytest.mark.parametrize("slug", SLUGS)
def test_a_figure_draws_every_piece_of_equipment_its_exercise_lists(slug):
    kinds = {p.kind for p in load_figure(slug).props}
    needed = {PROP_FOR[e.value] for e in LIBRARY[slug].equipment}
    assert needed <= kinds, f"{slug} lists {sorted(needed - kinds)} but does not draw it"


def test_a_figure_with_an_unknown_joint_is_refused():
    from backstride.core.figures.figure import figure_from_data

    with pytest.raises(ValueError, match="unknown joints"):
        figure_from_data("x", {"keyframes": [{"name": "a", "pose": {"near_elbw": 10}}]})


def test_a_figure_without_keyframes_is_refused():
    from backstride.core.figures.figure import figure_from_data

    with pytest.raises(ValueError, match="at least one keyframe"):
        figure_from_data("x", {"keyframes": []})
