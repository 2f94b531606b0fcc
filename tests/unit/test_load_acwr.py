"""The acute:chronic workload ratio: advice only, rolling averages coupled, from 28 days of history on."""

import datetime as dt

import pytest

from backstride.core.tracking.events import RunReport
from backstride.core.tracking.load import ACWR_BAND, ACWR_VARIANT, Bout, acwr, training_load

START = dt.date(2026, 12, 7)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def every_other_day(first: int, last: int, minutes: float, effort: int | None = 5) -> list[Bout]:
    return [Bout(day(n), "run", minutes, effort) for n in range(first, last + 1, 2)]


def test_the_variant_and_the_band_are_named():
    assert ACWR_VARIANT == "rolling_averages_coupled"
    assert ACWR_BAND == (0.8, 1.3)


def test_no_ratio_is_worked_out_before_28_days_of_history():
    found = acwr(START, day(26), every_other_day(0, 26, 30))
    assert found["latest"] is None and found["days"] == []
    assert found["available_from"] == day(27).isoformat()


def test_the_first_ratio_comes_on_the_28th_day():
    found = acwr(START, day(27), every_other_day(0, 27, 30))
    assert [d["date"] for d in found["days"]] == [day(27).isoformat()]


def test_steady_load_gives_a_ratio_of_one():
    bouts = [Bout(day(n), "trunk", 30, 5) for n in range(28)]  # 150 every day
    latest = acwr(START, day(27), bouts)["latest"]
    assert (latest["acute"], latest["chronic"], latest["ratio"], latest["in_band"]) == (1050, 1050, 1.0, True)


def test_a_last_week_twice_as_heavy_as_the_three_before_it_gives_the_coupled_ratio():
    # 100 a day for three weeks, then 200 a day: acute 1400, chronic (2100 + 1400) / 4 = 875
    bouts = [Bout(day(n), "run", 20, 5) for n in range(21)] + [Bout(day(n), "run", 40, 5) for n in range(21, 28)]
    latest = acwr(START, day(27), bouts)["latest"]
    assert (latest["acute"], latest["chronic"]) == (1400, 875)
    assert latest["ratio"] == pytest.approx(1.6) and latest["in_band"] is False


def test_the_ratio_is_kept_by_day_for_the_last_four_weeks_only():
    found = acwr(START, day(69), [Bout(day(n), "run", 30, 4) for n in range(70)])
    assert len(found["days"]) == 28 and found["days"][-1]["date"] == day(69).isoformat()


def test_unrated_sessions_are_left_out_and_counted_rather_than_given_an_effort():
    rated = [Bout(day(n), "trunk", 30, 5) for n in range(28)]
    unrated = [Bout(day(n), "run", 40, None) for n in (3, 25)]
    latest = acwr(START, day(27), rated + unrated)["latest"]
    assert latest["ratio"] == 1.0 and latest["unrated"] == 2


def test_no_rated_load_in_28_days_gives_no_ratio_rather_than_a_division_by_zero():
    latest = acwr(START, day(30), [Bout(day(2), "run", 30, None)])["latest"]
    assert latest["ratio"] is None and latest["in_band"] is None


def test_the_whole_load_reading_leaves_out_walks_and_later_logs():
    runs = [RunReport(day(1), 5, 30, 1, effort=4), RunReport(day(2), 3, 40, 0, walk=True, effort=2)]
    later = [Bout(day(9), "trunk", 30, 5)]
    found = training_load(START, day(6), runs, later, [])
    assert [w["load"] for w in found["weeks"]] == [120]
    assert found["unrated"] == 0 and found["latest_jump"] is None and found["acwr"]["latest"] is None
