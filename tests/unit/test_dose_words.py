"""A dosage step in words, as the clinician's adjust page offers it."""

import pytest

from backstride.core.library import DosageStep, load_library
from backstride.core.library.dose_words import dose_words


def test_repetitions_with_holds_read_as_sets_of_reps_with_the_hold():
    assert dose_words(DosageStep(sets=2, reps=8, hold_seconds=8)) == "2 × 8 reps, 8 s holds"


def test_holds_alone_read_as_sets_of_holds():
    assert dose_words(DosageStep(sets=3, hold_seconds=30)) == "3 × 30 s holds"


def test_a_single_set_per_side_reads_as_one_set_each_side():
    assert dose_words(DosageStep(sets=1, reps=10), per_side=True) == "1 set of 10 reps, each side"


def test_a_single_hold_reads_as_one_hold():
    assert dose_words(DosageStep(sets=1, hold_seconds=45)) == "1 hold of 45 s"


@pytest.mark.parametrize(
    ("step", "words"),
    [
        (DosageStep(sets=2, minutes=1.5), "2 × 1.5 min"),
        (DosageStep(sets=1, minutes=5), "5 min"),
        (DosageStep(sets=3, metres=20), "3 × 20 m"),
        (DosageStep(sets=1, metres=30), "30 m"),
    ],
)
def test_minutes_and_metres_read_without_needless_decimals(step, words):
    assert dose_words(step) == words


def test_the_stored_values_of_a_plan_read_the_same_as_the_librarys_step():
    assert dose_words({"sets": 2, "reps": 8, "hold_seconds": 8}, per_side=True) == "2 × 8 reps, 8 s holds, each side"


def test_every_step_of_the_library_reads_as_words_without_a_missing_number():
    for exercise in load_library():
        for step in exercise.dosage.steps:
            words = dose_words(step, exercise.dosage.per_side)
            assert words and "None" not in words and "{" not in words, (exercise.slug, words)
