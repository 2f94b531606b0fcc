"""The user names sign-up gives: the first word of the person's name and a random part, never a choice."""

import itertools
import re

import pytest

from backstride.accounts.handles import ALPHABET, RANDOM_PART, TRIES, NoFreeName, first_word, new_user_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Casey Jones", "casey"),
        ("  zoë  ", "zoe"),
        ("Jean-Luc", "jean"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("Anne-Marie123456789", "anne"),
        ("Maximilianusander", "maximilianus"),
        ("李小龙", "runner"),
        ("!!!", "runner"),
    ],
)
def test_the_first_word_is_made_plain_and_short_or_falls_back(name, expected):
    assert first_word(name, "runner") == expected


def test_a_new_user_name_is_the_first_word_a_dash_and_four_random_unambiguous_characters():
    name = new_user_name("Casey Jones", "runner", taken=lambda _n: False)
    assert re.fullmatch(rf"casey-[{ALPHABET}]{{{RANDOM_PART}}}", name)
    assert not set(name.split("-")[1]) & set("01ilo")


def test_a_taken_name_is_drawn_again_out_of_sight():
    draws = itertools.cycle("aaaabbbb")
    taken = {"sam-aaaa"}
    assert new_user_name("Sam", "runner", taken=taken.__contains__, draw=lambda _a: next(draws)) == "sam-bbbb"


def test_what_a_free_name_and_a_taken_name_give_depends_only_on_the_draw():
    # whether "sam" itself, or any other name, exists changes nothing in the answer
    for existing in (set(), {"sam"}, {"sam", "sam-2222"}):
        draws = iter("cdef")
        draw = draws.__next__
        assert new_user_name("Sam", "runner", taken=existing.__contains__, draw=lambda _a, d=draw: d()) == "sam-cdef"


def test_after_every_draw_is_taken_the_name_space_is_said_to_be_full():
    calls = []
    with pytest.raises(NoFreeName):
        new_user_name("Sam", "runner", taken=lambda n: calls.append(n) or True)
    assert len(calls) == TRIES
