"""The intake contract: the reference file parses; every mistake names its field."""

import json

import pytest

from backstride.core.errors import InputError
from backstride.core.intake import parse_intake, read_intake_text


def test_the_reference_intake_is_accepted_exactly_as_written(sam):
    intake = parse_intake(sam)
    assert intake.runner.name == "Sam Rivera"
    assert intake.running.goal_race.distance_km == 21.1
    assert intake.odi.sex_life is None


def _set(data: dict, path: str, value):
    *parents, last = path.split(".")
    for p in parents:
        data = data[p]
    if value is KeyError:
        del data[last]
    else:
        data[last] = value


@pytest.mark.parametrize(
    "path,value,expected",
    [
        ("pain.now", 11, "pain.now: must be from 0 to 10 (got 11)"),
        ("pain.now", -1, "pain.now: must be from 0 to 10"),
        ("pain.now", 4.5, "pain.now: must be a whole number"),
        ("pain.now", KeyError, "pain.now: is required but missing"),
        ("running.status", "jogging", "running.status: must be one of: running_pain_free, running_with_pain"),
        ("red_flags.osteoporosis", KeyError, "red_flags.osteoporosis: is required"),
        ("red_flags.osteoporosis", "yes", "red_flags.osteoporosis: must be true or false"),
        ("red_flags.saddle_numbnes", False, "red_flags.saddle_numbnes: is not a known field (check the spelling)"),
        ("odi.lifting", 6, "odi.lifting: must be from 0 to 5"),
        ("startback.bothersomeness", "a lot", "startback.bothersomeness: must be one of: not_at_all"),
        ("availability.days", ["mon", "funday"], "availability.days.1: must be one of: mon, tue"),
        ("availability.days", ["mon", "mon"], "availability.days: Value error, lists a day twice"),
        ("availability.days", [], "availability.days"),
        ("availability.minutes_per_session", 5, "availability.minutes_per_session: must be from 10 to 120"),
        ("equipment", ["mat", "sofa"], "equipment.1: must be one of: mat, wall"),
        ("aggravated_by", ["gardening"], "aggravated_by.0: must be one of: sitting"),
        ("start_date", "2026-13-01", "start_date: must be a date written YYYY-MM-DD"),
        ("running.pain_during_run", 12, "running.pain_during_run: must be from 0 to 10"),
        ("runner.age", "34", "runner.age: must be a whole number"),
        ("running.long_run_day", "mon", "running.long_run_day: must be one of the days in running.run_days"),
        ("pain.worst_last_week", 1, "pain.worst_last_week: cannot be lower than pain.now"),
        (
            "running.pain_during_run",
            None,
            "running.pain_during_run: is required when running.status is running_with_pain",
        ),
        ("format", "backstride.intake/2", "format: must be one of: backstride.intake/1"),
    ],
)
def test_a_bad_value_gets_one_message_naming_the_field_and_what_is_allowed(sam, path, value, expected):
    _set(sam, path, value)
    with pytest.raises(InputError) as err:
        parse_intake(sam)
    assert expected in str(err.value)


def test_a_runner_who_runs_must_give_a_weekly_volume(sam):
    sam["running"]["weekly_km"] = 0
    with pytest.raises(InputError, match="running.weekly_km"):
        parse_intake(sam)


def test_malformed_json_says_where():
    with pytest.raises(InputError, match=r"intake: is not valid JSON \(line 1, column"):
        read_intake_text('{"runner": ')


def test_a_json_list_is_not_an_intake():
    with pytest.raises(InputError, match="intake: must be a JSON object"):
        read_intake_text("[]")


def test_optional_fields_may_be_added(sam):
    sam["running"]["workout_days"] = ["thu"]
    sam["endurance"] = {"flexor_seconds": 40, "extensor_seconds": 60, "side_right_seconds": 30, "side_left_seconds": 32}
    sam["psfs"] = [{"activity": "run 10 km", "score": 4}]
    intake = read_intake_text(json.dumps(sam))
    assert intake.endurance.variant == "home"
