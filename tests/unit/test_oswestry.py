"""Oswestry Disability Index: percent, bands, missing sections, meaningful change."""

import pytest

from backstride.core.errors import InputError
from backstride.core.questionnaires import oswestry


def all_sections(value) -> dict:
    return dict.fromkeys(oswestry.SECTIONS, value)


def test_all_zero_is_zero_percent_minimal():
    assert oswestry.score(all_sections(0)).as_dict() == {"percent": 0, "band": "minimal", "answered_sections": 10}


def test_all_five_is_one_hundred_percent():
    assert oswestry.score(all_sections(5)).as_dict() == {"percent": 100, "band": "bed_bound", "answered_sections": 10}


def test_a_typical_answer_set_scores_as_the_sum_over_fifty():
    answers = all_sections(2) | {"sex_life": 0, "walking": 1}
    assert oswestry.score(answers).percent == 34  # 17 / 50


def test_a_missing_section_lowers_the_denominator_by_five():
    answers = all_sections(1) | {"sex_life": None}
    result = oswestry.score(answers)
    assert (result.percent, result.answered_sections) == (20, 9)  # 9 / 45


def test_percent_is_rounded_half_up_before_banding():
    # 9 of 45 answered points -> 20.0; 10 of 45 -> 22.2 -> 22 (moderate)
    answers = all_sections(1) | {"sex_life": None, "lifting": 2}
    assert oswestry.score(answers).as_dict() == {"percent": 22, "band": "moderate", "answered_sections": 9}


@pytest.mark.parametrize(
    "percent,band",
    [
        (20, "minimal"),
        (21, "moderate"),
        (40, "moderate"),
        (41, "severe"),
        (60, "severe"),
        (61, "crippling"),
        (80, "crippling"),
        (81, "bed_bound"),
    ],
)
def test_band_edges(percent, band):
    assert oswestry.band_for(percent) == band


def test_more_than_two_missing_sections_gives_no_score():
    answers = all_sections(2) | {"sex_life": None, "travelling": None, "lifting": None}
    assert oswestry.score(answers).as_dict() == {"percent": None, "band": None, "answered_sections": 7}


def test_two_missing_sections_still_score():
    answers = all_sections(2) | {"sex_life": None, "travelling": None}
    assert oswestry.score(answers).percent == 40


@pytest.mark.parametrize("bad", [6, -1, "3", 2.5, True])
def test_an_out_of_range_section_names_the_section(bad):
    with pytest.raises(InputError, match="odi.lifting"):
        oswestry.score(all_sections(1) | {"lifting": bad})


def test_an_unknown_section_is_rejected():
    with pytest.raises(InputError, match="odi.running"):
        oswestry.score(all_sections(1) | {"running": 2})


def test_a_ten_point_drop_is_a_meaningful_improvement():
    assert oswestry.meaningful_improvement(40, 30)
    assert not oswestry.meaningful_improvement(40, 31)


def test_a_thirty_percent_drop_from_a_low_score_is_meaningful():
    assert oswestry.meaningful_improvement(20, 14)
    assert not oswestry.meaningful_improvement(20, 15)


def test_a_ten_point_rise_is_a_meaningful_worsening():
    assert oswestry.meaningful_worsening(20, 30)
    assert not oswestry.meaningful_worsening(20, 29)
