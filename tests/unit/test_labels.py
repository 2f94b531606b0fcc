"""The label tables: every identifier a runner may see has one word for it, and no word is the identifier."""

import pytest

from backstride.core import labels
from backstride.core.library.vocabulary import Category, DosageType, Equipment, Position, SpineLoading
from backstride.core.planner.templates import PHASES
from backstride.core.tracking.resolve import REENTRY_PHASE


@pytest.mark.parametrize(
    ("table", "values"),
    [
        ("category", list(Category)),
        ("equipment", list(Equipment)),
        ("position", list(Position)),
        ("spine_loading", list(SpineLoading)),
        ("dosage_type", list(DosageType)),
    ],
)
def test_every_value_of_the_librarys_vocabulary_has_a_label(table, values):
    assert set(labels.TABLES[table]) == set(values)


def test_every_category_and_equipment_item_used_in_the_library_has_a_label(library):
    for exercise in library:
        assert exercise.category in labels.CATEGORIES, exercise.slug
        assert set(exercise.equipment) <= set(labels.EQUIPMENT), exercise.slug


def test_every_phase_of_the_planner_and_every_day_phase_has_a_label():
    day_phases = {"paused", "settle_down", "reentry", "maintenance", REENTRY_PHASE}
    assert {p.name for p in PHASES} | day_phases <= set(labels.PHASES)
    assert labels.label("phase", "run_specific") == "Run-specific"


def test_every_session_kind_the_planner_and_the_adaptation_make_has_a_label():
    assert {"trunk_strength", "light", "settle_down", "maintenance", "reentry"} <= set(labels.SESSION_KINDS)


@pytest.mark.parametrize("table", sorted(labels.TABLES))
def test_no_label_is_its_identifier_with_underscores(table):
    for identifier, word in labels.TABLES[table].items():
        key = str(getattr(identifier, "value", identifier))
        assert word != key or "_" not in key, (table, key, word)
        assert "_" not in word, (table, key, word)


def test_labels_are_unique_within_each_table():
    for table, words in labels.TABLES.items():
        assert len(set(words.values())) == len(words), table


def test_a_value_without_a_label_is_shown_as_words_never_as_an_identifier():
    assert labels.label("category", "core_of_steel") == "Core of steel"
    assert labels.label("phase", None) == ""


def test_several_equipment_items_read_as_a_list_and_none_as_the_empty_word():
    assert labels.labels("equipment", ["mat", "loop_band"]) == "exercise mat, mini loop band"
    assert labels.labels("equipment", [], empty="none needed") == "none needed"


def test_counts_take_the_singular_for_one_and_the_plural_otherwise():
    assert [labels.sets(n) for n in (1, 2)] == ["1 set", "2 sets"]
    assert labels.dose({"sets": 1, "reps": 1, "hold_seconds": 6}) == "1 set of 1 rep, 6 s holds"
    assert labels.dose({"sets": 2, "reps": 8, "per_side": True}) == "2 × 8 reps, each side"


def test_doses_read_the_same_for_each_kind_of_dosage():
    assert labels.dose({"sets": 1, "hold_seconds": 30}) == "1 hold of 30 s"
    assert labels.dose({"sets": 1, "minutes": 5.0}) == "5 min"
    assert labels.dose({"sets": 2, "metres": 20, "per_side": True}) == "2 × 20 m, each side"


def test_every_percentage_is_a_whole_number_rounded_the_same_way():
    assert labels.percent(22) == "22 %"
    assert labels.percent(33.4) == "33 %"
    assert labels.percent(-12.6) == "-13 %"
    assert labels.percent(None) == "–" and labels.percent(None, empty="-") == "-"
