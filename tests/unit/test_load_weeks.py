"""Weekly running against the plan's caps and the change over two weeks (core.tracking.load)."""

import datetime as dt

from backstride.core.tracking.events import RunReport
from backstride.core.tracking.load import (
    TWO_WEEK_CHANGE_FLAG,
    Bout,
    WeekCap,
    caps_from_plan,
    latest_jump,
    weekly,
)

START = dt.date(2026, 12, 7)  # a Monday


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def run(n: int, km: float, minutes: float, effort: int | None = 4, walk: bool = False) -> RunReport:
    return RunReport(day(n), km, minutes, pain_during=1, walk=walk, effort=effort)


def test_the_two_week_flag_is_set_above_thirty_percent_as_nielsen_found():
    assert TWO_WEEK_CHANGE_FLAG == 0.30


def test_each_week_adds_up_its_runs_and_sets_them_against_the_plans_cap():
    runs = [run(1, 5, 30), run(3, 6.5, 40), run(8, 4, 25)]
    rows = weekly(START, day(13), runs, caps=[WeekCap(km=10.0), WeekCap(km=12.0)])
    assert [(r["week"], r["km"], r["minutes"], r["km_cap"]) for r in rows] == [(1, 11.5, 70, 10.0), (2, 4.0, 25, 12.0)]
    assert [r["over_cap"] for r in rows] == [True, False]


def test_a_time_cap_is_checked_against_run_minutes_when_the_plan_sets_time():
    rows = weekly(START, day(6), [run(1, 2, 26)], caps=[WeekCap(minutes=24)])
    assert rows[0]["minutes_cap"] == 24 and rows[0]["km_cap"] is None and rows[0]["over_cap"]


def test_weeks_after_the_plan_have_no_cap_and_are_never_over_it():
    rows = weekly(START, day(20), [run(15, 30, 180)], caps=[WeekCap(km=10.0)])
    assert rows[2]["km_cap"] is None and rows[2]["minutes_cap"] is None and not rows[2]["over_cap"]


def test_walks_are_not_run_volume_nor_run_load():
    rows = weekly(START, day(6), [run(1, 5, 30), run(2, 4, 50, walk=True)])
    assert (rows[0]["km"], rows[0]["minutes"], rows[0]["run_load"], rows[0]["sessions"]) == (5.0, 30, 120, 1)


def test_a_rise_of_more_than_thirty_percent_over_two_weeks_is_flagged_by_distance():
    # weeks of 10, 11 and 13.5 km: week 3 is 35 % above week 1
    runs = [run(1, 10, 60), run(8, 11, 60), run(15, 13.5, 60)]
    rows = weekly(START, day(20), runs)
    assert [r["change_km"] for r in rows] == [None, None, 0.35]
    assert [r["flag"] for r in rows] == [False, False, True]


def test_exactly_thirty_percent_is_not_flagged():
    rows = weekly(START, day(20), [run(1, 10, 60), run(15, 13, 60)])
    assert rows[2]["change_km"] == 0.3 and not rows[2]["flag"]


def test_a_rise_in_time_alone_is_flagged_too():
    # the same distance, run far slower: 40 % more time on the feet
    rows = weekly(START, day(20), [run(1, 10, 50), run(15, 10, 70)])
    assert (rows[2]["change_km"], rows[2]["change_minutes"], rows[2]["flag"]) == (0.0, 0.4, True)


def test_no_change_is_worked_out_from_a_week_without_running():
    rows = weekly(START, day(20), [run(15, 10, 60)])
    assert rows[2]["change_km"] is None and rows[2]["change_minutes"] is None and not rows[2]["flag"]


def test_the_latest_jump_is_this_weeks_once_it_passes_else_last_weeks():
    runs = [run(1, 10, 60), run(8, 10, 60), run(15, 14, 60)]
    assert latest_jump(weekly(START, day(20), runs)) == {"week": 3, "change_km": 0.4, "change_minutes": 0.0}
    # on Tuesday of week 4 the week so far is small: the last whole week still stands
    assert latest_jump(weekly(START, day(22), [*runs, run(22, 3, 20)]))["week"] == 3
    # a week later it has passed
    assert latest_jump(weekly(START, day(29), [*runs, run(22, 3, 20), run(29, 10, 60)])) is None


def test_session_load_is_effort_times_minutes_for_runs_and_trunk_sessions_together():
    trunk = [Bout(day(2), "trunk", 30, 5)]
    rows = weekly(START, day(6), [run(1, 5, 30, effort=4)], trunk)
    assert (rows[0]["run_load"], rows[0]["trunk_load"], rows[0]["load"]) == (120, 150, 270)


def test_an_unrated_run_counts_its_distance_and_time_but_not_a_guessed_load():
    trunk = [Bout(day(2), "trunk", 30, None)]
    rows = weekly(START, day(6), [run(1, 5, 30, effort=None), run(3, 5, 30, effort=3)], trunk)
    assert (rows[0]["km"], rows[0]["minutes"]) == (10.0, 60)
    assert (rows[0]["load"], rows[0]["sessions"], rows[0]["unrated"]) == (90, 3, 2)


def test_the_caps_are_read_from_the_plan_by_distance_or_by_time():
    weeks = [
        {"running": {"mode": "walk", "weekly_km_cap": 0, "runs": []}},
        {
            "running": {
                "mode": "walk_run",
                "weekly_km_cap": None,
                "runs": [{"run_minutes": 1, "repeats": 8}, {"run_minutes": 2, "repeats": 6}],
            }
        },
        {"running": {"mode": "ramp", "weekly_km_cap": 20.0, "runs": [{"km": 8.0}, {"km": 12.0}]}},
    ]
    assert caps_from_plan(weeks) == [WeekCap(0, 0), WeekCap(None, 20), WeekCap(20.0, None)]


def test_the_latest_two_week_rise_from_the_last_four_weeks_runs_is_the_one_from_every_run():
    import random

    from backstride.core.tracking.attention import recent_runs

    rnd = random.Random(7)
    for _ in range(300):
        runs = [
            run(n, rnd.choice((3.0, 5.0, 8.0, 12.0)), rnd.choice((20.0, 30.0, 60.0)), walk=rnd.random() < 0.1)
            for n in sorted(rnd.sample(range(0, 200), rnd.randint(0, 80)))
        ]
        today = day(rnd.randint(0, 220))
        everything = latest_jump(weekly(START, today, runs))
        assert latest_jump(weekly(START, today, recent_runs(START, today, runs))) == everything
    flagged = [run(n, 10.0, 60.0) for n in (14, 15, 16)] + [run(0, 5.0, 30.0)]  # week 3 doubles week 1
    assert latest_jump(weekly(START, day(16), recent_runs(START, day(16), flagged))) is not None
