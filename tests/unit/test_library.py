"""The whole exercise library, checked as one: links, levels, fields, vocabulary."""

from pathlib import Path

import pytest
import yaml

from backstride.core.library import LibraryError, load_library
from backstride.core.library.library import default_exercise_dir, link_problems, parse_exercise_file
from backstride.core.library.model import Exercise
from backstride.core.library.schema import ExerciseSchema
from backstride.core.library.vocabulary import SHORT_HOLD_MAX_SECONDS, Category, Equipment

NAMED_IN_THE_PROGRAM = [
    "Cross Body Stretch",
    "Hip Combo Stretch",
    "Alternate T Plank",
    "Bird Dog",
    "Plank with Knee Lifts",
    "Wall Press with Rotations",
]
LIST_FIELDS = ("steps", "cues", "common_mistakes", "stop_if")
TEXT_FIELDS = ("name", "purpose", "setup", "should_feel", "author", "licence")


def test_the_library_has_at_least_sixty_exercises(library):
    assert len(library) >= 60


@pytest.mark.parametrize("name", NAMED_IN_THE_PROGRAM)
def test_each_exercise_named_in_the_program_is_in_the_library(library, name):
    assert name in {e.name for e in library}


def test_every_category_is_represented(library):
    assert {e.category for e in library} == set(Category)


def test_every_equipment_value_is_from_the_documented_vocabulary(library):
    for e in library:
        assert set(e.equipment) <= set(Equipment), e.slug


def test_every_progression_and_regression_link_resolves_both_ways(library):
    for e in library:
        if e.progression:
            assert library[e.progression].regression == e.slug
        if e.regression:
            assert library[e.regression].progression == e.slug
    assert link_problems(library.exercises.values()) == []


def test_levels_rise_along_every_chain_and_no_chain_loops(library):
    for e in library:
        chain = library.chain(e.slug)
        assert len(chain) == len(set(chain)), chain
        levels = [library[s].level for s in chain]
        assert levels == sorted(levels) and len(set(levels)) == len(levels), chain


def test_the_core_exercises_form_real_chains_from_easy_to_hard(library):
    for member in ("dead-bug", "bird-dog", "front-plank", "side-plank", "glute-bridge"):
        chain = library.chain(member)
        assert len(chain) >= 4, chain
        assert library[chain[0]].level < library[chain[-1]].level


def test_every_field_is_filled_in_every_exercise(library):
    for e in library:
        for name in TEXT_FIELDS:
            assert getattr(e, name).strip(), (e.slug, name)
        for name in LIST_FIELDS:
            items = getattr(e, name)
            assert items and all(i.strip() for i in items), (e.slug, name)
        assert len(e.dosage.steps) >= 2, e.slug


def test_every_exercise_says_to_stop_for_symptoms_spreading_into_a_leg(library):
    for e in library:
        text = " ".join(e.stop_if).lower()
        assert "leg" in text or "numb" in text, e.slug


def test_short_hold_exercises_never_hold_longer_than_mcgills_ten_seconds(library):
    for e in library:
        if e.short_holds:
            assert all((s.hold_seconds or 0) <= SHORT_HOLD_MAX_SECONDS for s in e.dosage.steps), e.slug


def test_dosage_ladders_change_one_number_at_a_time_upwards(library):
    for e in library:
        for a, b in zip(e.dosage.steps, e.dosage.steps[1:], strict=False):
            changed = [k for k in a.values() if a.values()[k] != b.values()[k]]
            assert len(changed) == 1 and b.values()[changed[0]] > a.values()[changed[0]], e.slug


def test_a_second_load_reads_the_validated_cache_and_gives_the_same_library(tmp_path, monkeypatch):
    monkeypatch.setenv("BACKSTRIDE_CACHE_DIR", str(tmp_path))
    folder = default_exercise_dir()
    first = load_library.__wrapped__(folder)
    assert list(tmp_path.glob("library-*.json"))
    second = load_library.__wrapped__(folder)
    assert first.exercises == second.exercises


def test_a_changed_file_invalidates_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BACKSTRIDE_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "exercises"
    folder.mkdir()
    data = _bird_dog() | {"regression": None, "progression": None}
    (folder / "bird-dog.yaml").write_text(yaml.safe_dump(data))
    assert load_library.__wrapped__(folder)["bird-dog"].name == "Bird Dog"
    (folder / "bird-dog.yaml").write_text(yaml.safe_dump(data | {"name": "Bird Dog Renamed"}))
    assert load_library.__wrapped__(folder)["bird-dog"].name == "Bird Dog Renamed"


def test_each_file_is_named_after_its_slug():
    for path in default_exercise_dir().glob("*.yaml"):
        assert parse_exercise_file(path).slug == path.stem


def _bird_dog() -> dict:
    return yaml.safe_load((default_exercise_dir() / "bird-dog.yaml").read_text())


def test_an_unknown_equipment_value_is_rejected_with_the_field_named(tmp_path: Path):
    data = _bird_dog() | {"equipment": ["sofa"]}
    (tmp_path / "bird-dog.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(LibraryError, match=r"bird-dog.yaml: equipment\.0"):
        parse_exercise_file(tmp_path / "bird-dog.yaml")


def test_a_missing_field_is_rejected_with_the_field_named(tmp_path: Path):
    data = _bird_dog()
    del data["stop_if"]
    (tmp_path / "bird-dog.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(LibraryError, match="stop_if"):
        parse_exercise_file(tmp_path / "bird-dog.yaml")


def test_a_dosage_step_that_changes_two_numbers_is_rejected():
    data = _bird_dog()
    data["dosage"]["steps"][1] = {"sets": 2, "reps": 8, "hold_seconds": 8}
    with pytest.raises(ValueError, match="exactly one number"):
        ExerciseSchema.model_validate(data)


def test_a_broken_link_between_files_is_reported(tmp_path: Path):
    data = _bird_dog() | {"regression": None, "progression": "no-such-exercise"}
    (tmp_path / "bird-dog.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(LibraryError, match="no-such-exercise"):
        load_library(tmp_path)


def test_a_cycle_of_progressions_is_reported():
    a = Exercise.from_data(_bird_dog() | {"slug": "a", "progression": "b", "regression": "b", "level": 2})
    b = Exercise.from_data(_bird_dog() | {"slug": "b", "progression": "a", "regression": "a", "level": 3})
    problems = link_problems([a, b])
    assert any("loops" in p for p in problems)
    assert any("not at a higher level" in p for p in problems)
