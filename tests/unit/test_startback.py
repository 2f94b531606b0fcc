"""STarT Back: totals, the psychosocial subscale and the three risk groups."""

import pytest

from backstride.core.errors import InputError
from backstride.core.questionnaires import startback

ITEMS = startback.PHYSICAL_ITEMS + startback.PSYCHOSOCIAL_ITEMS


def answers(yes=(), bother="not_at_all") -> dict:
    return {i: i in yes for i in ITEMS} | {"bothersomeness": bother}


def test_no_agreement_scores_zero_and_low_risk():
    assert startback.score(answers()).as_dict() == {"total": 0, "psychosocial": 0, "risk": "low"}


def test_every_item_agreed_scores_nine_and_high_risk():
    assert startback.score(answers(ITEMS, "extremely")).as_dict() == {"total": 9, "psychosocial": 5, "risk": "high"}


def test_a_total_of_three_is_still_low_risk():
    assert startback.score(answers(startback.PHYSICAL_ITEMS[:3])).risk == "low"


def test_four_physical_items_make_medium_risk():
    assert startback.score(answers(startback.PHYSICAL_ITEMS)).as_dict() == {
        "total": 4,
        "psychosocial": 0,
        "risk": "medium",
    }


@pytest.mark.parametrize("bother,point", [("moderately", 0), ("very_much", 1), ("extremely", 1), ("slightly", 0)])
def test_only_very_much_or_extremely_bothersome_scores_a_point(bother, point):
    assert startback.score(answers(bother=bother)).total == point


def test_a_psychosocial_subscale_of_four_makes_high_risk():
    result = startback.score(answers(startback.PSYCHOSOCIAL_ITEMS))
    assert (result.total, result.psychosocial, result.risk) == (4, 4, "high")


def test_a_missing_item_names_the_item():
    data = answers()
    del data["worrying_thoughts"]
    with pytest.raises(InputError, match="startback.worrying_thoughts"):
        startback.score(data)


def test_an_unknown_bothersomeness_lists_the_allowed_answers():
    with pytest.raises(InputError, match="not_at_all, slightly, moderately, very_much, extremely"):
        startback.score(answers(bother="a lot"))
