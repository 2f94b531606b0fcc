"""Red-flag screening: three tiers, the most serious wins, never a diagnosis."""

import pytest

from backstride.core.screening import RedFlagAnswers, screen
from backstride.core.screening.red_flags import (
    CAUDA_EQUINA_SIGNS,
    CLEAR,
    REFER_EMERGENCY,
    REFER_URGENT,
    URGENT_FLAGS,
)

ALL_FLAGS = (*CAUDA_EQUINA_SIGNS, *URGENT_FLAGS, "new_sexual_dysfunction", "fever_or_unwell", "walking_changed")


def answers(*yes: str, **extra) -> RedFlagAnswers:
    flags = {k: k in yes for k in ALL_FLAGS}
    return RedFlagAnswers(flags=flags, **{"age": 34, **extra})


def test_no_flags_is_clear_and_says_it_does_not_replace_a_clinician():
    result = screen(answers())
    assert result.status == CLEAR and result.reasons == []
    assert "does not replace a clinician" in result.message


@pytest.mark.parametrize("sign", CAUDA_EQUINA_SIGNS)
def test_any_cauda_equina_sign_is_an_emergency(sign):
    result = screen(answers(sign))
    assert result.status == REFER_EMERGENCY
    assert "emergency department today" in result.message
    assert "not a diagnosis" in result.message


def test_new_sexual_dysfunction_alone_is_urgent_not_an_emergency():
    assert screen(answers("new_sexual_dysfunction")).status == REFER_URGENT


def test_new_sexual_dysfunction_with_another_sign_counts_as_an_emergency_reason():
    result = screen(answers("new_sexual_dysfunction", "saddle_numbness"))
    assert result.status == REFER_EMERGENCY
    assert len(result.reasons) == 2


def test_fever_with_back_pain_is_an_emergency():
    result = screen(answers("fever_or_unwell"))
    assert result.status == REFER_EMERGENCY
    assert result.reasons == ["fever or chills with back pain"]


def test_feeling_unwell_without_a_fever_is_urgent_not_an_emergency():
    result = screen(answers("unwell_without_fever"))
    assert result.status == REFER_URGENT
    assert result.reasons == ["feeling generally unwell, without a fever, with back pain"]


def test_a_change_in_the_way_the_runner_walks_alone_is_an_emergency():
    result = screen(answers("walking_changed"))
    assert result.status == REFER_EMERGENCY
    assert result.reasons == ["a change in the way you walk"]
    assert "emergency department today" in result.message


@pytest.mark.parametrize("flag", URGENT_FLAGS)
def test_each_urgent_flag_pauses_the_program_until_a_clinician_clears_it(flag):
    result = screen(answers(flag))
    assert result.status == REFER_URGENT
    assert "within two weeks" in result.message and "paused" in result.message


def test_emergency_wins_over_urgent_and_keeps_both_reasons():
    result = screen(answers("history_of_cancer", "bladder_or_bowel_change"))
    assert result.status == REFER_EMERGENCY
    assert len(result.reasons) == 2


@pytest.mark.parametrize("age,status", [(14, REFER_URGENT), (15, CLEAR), (60, CLEAR), (61, REFER_URGENT)])
def test_a_first_ever_episode_under_15_or_over_60_is_urgent(age, status):
    assert screen(answers(age=age, first_episode=True)).status == status


def test_an_older_runner_with_earlier_episodes_is_not_flagged_for_age():
    assert screen(answers(age=70, first_episode=False)).status == CLEAR


def _inflammatory(count: int, **extra) -> RedFlagAnswers:
    features = ["wakes_second_half_of_night", "buttock_pain", "better_with_movement", "psoriasis", "arthritis"]
    return answers(inflammatory={f: True for f in features[:count]}, **{"weeks_since_onset": 20, **extra})


def test_four_inflammatory_features_give_a_routine_rheumatology_referral_and_the_program_goes_on():
    result = screen(_inflammatory(4))
    assert result.status == CLEAR
    assert result.routine_referral == "inflammatory_back_pain"
    assert "rheumatologist" in result.message


def test_three_inflammatory_features_suggest_a_gp_visit():
    result = screen(_inflammatory(3, age=40))  # pain that began at 39: not "before 35"
    assert result.routine_referral == "inflammatory_back_pain_possible"
    assert "blood test" in result.message


def test_inflammatory_features_do_not_count_when_pain_is_recent_or_began_after_45():
    assert screen(_inflammatory(5, weeks_since_onset=8)).routine_referral is None
    assert screen(_inflammatory(5, age=50)).routine_referral is None


def test_pain_that_began_before_45_counts_from_the_weeks_since_onset_when_the_onset_age_is_missing():
    # 46 now: 53 weeks ago they were 44 (46 - 53/52.18 = 44.98, rounded down); 52 weeks ago, 45
    began_at_44 = screen(_inflammatory(4, age=46, weeks_since_onset=53))
    began_at_45 = screen(_inflammatory(4, age=46, weeks_since_onset=52))
    assert began_at_44.routine_referral == "inflammatory_back_pain"
    assert began_at_45.routine_referral is None


def test_onset_before_35_counts_as_a_feature_from_the_weeks_since_onset_when_the_onset_age_is_missing():
    # three features, plus "onset before 35" only when the pain began at 34 (36 - 53/52.18), not at 35
    began_at_34 = screen(_inflammatory(3, age=36, weeks_since_onset=53))
    began_at_35 = screen(_inflammatory(3, age=36, weeks_since_onset=52))
    assert began_at_34.routine_referral == "inflammatory_back_pain"
    assert began_at_35.routine_referral == "inflammatory_back_pain_possible"


def test_the_assessment_finds_long_standing_pain_that_began_young(sam):
    from backstride.core.assessment import red_flag_answers
    from backstride.core.intake import parse_intake

    # 52 today, in pain for ten years (since 42) with three features: "onset before 35" does not apply
    sam["runner"]["age"] = 52
    sam["pain"]["weeks_since_onset"] = 520
    sam["inflammatory"] = {"wakes_second_half_of_night": True, "buttock_pain": True, "better_with_movement": True}
    result = screen(red_flag_answers(parse_intake(sam)))
    assert result.status == CLEAR and result.routine_referral == "inflammatory_back_pain_possible"


def test_inflammatory_features_count_only_once_the_pain_has_lasted_more_than_thirteen_weeks():
    assert screen(_inflammatory(4, weeks_since_onset=13)).routine_referral is None
    assert screen(_inflammatory(4, weeks_since_onset=13.5)).routine_referral == "inflammatory_back_pain"
