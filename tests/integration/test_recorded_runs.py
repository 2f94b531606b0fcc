"""Runs recorded by a watch or an app, stored in the database: once each, in the runner's day, waiting for a rating."""

import datetime as dt
from pathlib import Path

import pytest

from backstride.core.imports import Activity, Problem, Source, read_path
from backstride.core.tracking.logs import parse_run
from backstride.runners import models as m
from backstride.runners import services
from backstride.runners.recorded import import_activities, rate_run

pytestmark = pytest.mark.django_db
RUNS = Path(__file__).resolve().parent.parent / "data" / "runs"
UTC = dt.UTC


@pytest.fixture
def runner(sam):
    runner, _ = services.start_runner(sam)
    return runner


def activity(when: dt.datetime, km: float, minutes: float = 30, name: str = "watch.fit", category: str = "run"):
    sport = {"run": "running", "walk": "walking"}.get(category, "cycling")
    source = Source(name=name, format=name.rsplit(".", 1)[-1], sha256=f"{name}-{when.isoformat()}-{km}")
    return Activity(
        start=when,
        sport=sport,
        category=category,
        distance_m=km * 1000,
        moving_s=minutes * 60,
        elapsed_s=minutes * 60 + 45,
        ascent_m=12.0,
        avg_hr=150,
        source=source,
    )


def at(day: int, hour: int = 7, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, 7 + day, hour, minute, tzinfo=UTC)


def test_a_real_fit_run_is_stored_with_its_recorded_distance_time_and_heart_rate(runner):
    summary = import_activities(runner, read_path(RUNS / "fit" / "2013-02-06-12-11-14.fit"))
    assert (summary.runs, summary.walks, summary.other, summary.problems) == (1, 0, 0, [])
    run = m.RunLog.objects.get(runner=runner)
    assert run.km == pytest.approx(4.835, rel=0.005)
    assert run.minutes == pytest.approx(2625 / 60, rel=0.005)
    assert run.avg_hr == 147 and run.source_format == "fit" and run.source_name == "2013-02-06-12-11-14.fit"
    assert run.started_at == dt.datetime(2013, 2, 6, 12, 11, 14, tzinfo=UTC)
    assert run.pain_during is None and run.awaiting_pain


def test_importing_the_same_file_twice_keeps_one_run(runner):
    path = RUNS / "fit" / "activity-small-fenix2-run.fit"
    import_activities(runner, read_path(path))
    again = import_activities(runner, read_path(path))
    assert (again.runs, again.already_here) == (0, 1)
    assert m.RunLog.objects.filter(runner=runner).count() == 1


def test_other_sports_are_counted_and_skipped_and_a_broken_file_is_named(runner):
    items = [
        *read_path(RUNS / "fit" / "garmin-fenix-5-bike.fit"),
        *read_path(RUNS / "fit" / "garmin-fenix-5-walk.fit"),
        Problem("broken.fit", "the file is cut short"),
    ]
    summary = import_activities(runner, items)
    assert (summary.runs, summary.walks, summary.other) == (0, 1, 1)
    assert summary.problems == [("broken.fit", "the file is cut short")]
    assert "1 unreadable: broken.fit: the file is cut short" in summary.sentence()
    assert list(m.RunLog.objects.filter(runner=runner).values_list("walk", flat=True)) == [True]


def test_the_same_run_from_two_sources_is_kept_once(runner):
    summary = import_activities(
        runner,
        [
            activity(at(2), 8.0, name="a.fit"),
            activity(at(2, minute=1, hour=7) + dt.timedelta(seconds=30), 8.2, name="b.gpx"),
        ],
    )
    assert (summary.runs, summary.already_here) == (1, 1)


def test_two_runs_three_minutes_apart_are_two_runs(runner):
    summary = import_activities(
        runner, [activity(at(2), 8.0, name="a.fit"), activity(at(2, minute=3), 8.0, name="b.gpx")]
    )
    assert summary.runs == 2


def test_a_run_typed_by_hand_and_imported_later_become_one_keeping_the_runners_pain_and_effort(runner):
    typed = {"date": "2026-12-09", "km": 5.0, "minutes": 31.0, "pain_during": 2, "effort": 6}
    services.log_run(runner, parse_run(typed))
    summary = import_activities(runner, [activity(at(2), 5.1, minutes=30.5)])
    assert (summary.runs, summary.merged) == (1, 1)
    run = m.RunLog.objects.get(runner=runner)
    assert (run.pain_during, run.effort, run.km, run.source_format) == (2, 6, 5.1, "fit")


def test_a_run_typed_after_its_recording_completes_the_recording(runner):
    import_activities(runner, [activity(at(2), 5.1, minutes=30.5)])
    typed = {"date": "2026-12-09", "km": 5.0, "minutes": 31.0, "pain_during": 1, "effort": 5}
    services.log_run(runner, parse_run(typed))
    run = m.RunLog.objects.get(runner=runner)
    assert (run.pain_during, run.effort, run.source_format) == (1, 5, "fit")


def test_the_day_of_a_run_is_the_runners_own_day(runner):
    runner.time_zone = "Pacific/Auckland"
    runner.save()
    import_activities(runner, [activity(dt.datetime(2026, 12, 9, 23, 30, tzinfo=UTC), 5.0)])
    assert m.RunLog.objects.get(runner=runner).date == dt.date(2026, 12, 10)


def test_a_recording_dated_after_today_is_refused_and_named(runner, log_today):
    log_today.day = dt.date(2026, 12, 10)
    summary = import_activities(runner, [activity(at(5), 5.0, name="ahead.fit")])
    assert summary.problems == [("ahead.fit", "it starts after today")]
    assert not m.RunLog.objects.filter(runner=runner).exists()


def test_a_rating_makes_the_run_guide_the_program_and_bad_values_change_nothing(runner):
    from backstride.core.errors import InputError

    import_activities(runner, [activity(at(2), 5.0)])
    run = m.RunLog.objects.get(runner=runner)
    with pytest.raises(InputError) as bad:
        rate_run(runner, run.id, 11, 5)
    assert "pain_during" in bad.value.field
    run.refresh_from_db()
    assert run.pain_during is None
    rate_run(runner, run.id, 1, 4, 0)
    run.refresh_from_db()
    assert (run.pain_during, run.effort, run.pain_after) == (1, 4, 0)


def test_another_runners_run_cannot_be_rated(runner, sam):
    from backstride.core.errors import InputError

    other, _ = services.start_runner(sam | {"runner": sam["runner"] | {"name": "Alex"}})
    import_activities(other, [activity(at(2), 5.0)])
    with pytest.raises(InputError):
        rate_run(runner, m.RunLog.objects.get(runner=other).id, 1, 4)


def test_a_planned_run_on_a_day_with_an_imported_run_shows_as_done_in_today_and_the_plan(runner):
    from backstride.runners.reports import plan_view, today_view

    plan = plan_view(runner, dt.date(2026, 12, 7))
    planned = [r["date"] for w in plan["weeks"] for r in w["running"]["runs"]]
    first = dt.date.fromisoformat(planned[0])
    import_activities(runner, [activity(dt.datetime.combine(first, dt.time(7), UTC), 5.0)])
    today = today_view(runner, first)
    assert [r["done"] for r in today["running"]["runs_today"]] == [True]
    assert today["runs_to_rate"][0]["date"] == first.isoformat()
    weeks = plan_view(runner, first)["weeks"]
    marks = {r["date"]: r["done"] for w in weeks for r in w["running"]["runs"]}
    assert marks[first.isoformat()] is True and not any(v for d, v in marks.items() if d != first.isoformat())


def test_only_this_plans_recent_runs_are_asked_about(runner):
    from backstride.runners.reports import today_view

    import_activities(
        runner,
        [
            activity(dt.datetime(2025, 6, 1, 7, tzinfo=UTC), 10.0, name="last-summer.fit"),  # before the plan
            activity(at(1), 5.0, name="early.fit"),  # in the plan, but more than two weeks before the day asked
            activity(at(20), 6.0, name="recent.fit"),
        ],
    )
    asked = today_view(runner, dt.date(2026, 12, 7) + dt.timedelta(days=21))["runs_to_rate"]
    assert [r["source"] for r in asked] == ["recent.fit"]


def test_today_adds_up_this_weeks_runs_and_says_what_is_left_of_the_cap(runner):
    from backstride.runners.reports import today_view

    day = dt.date(2026, 12, 7) + dt.timedelta(days=9)  # Wednesday of week 2
    typed = {"date": "2026-12-14", "km": 4.0, "minutes": 26.0, "pain_during": 1, "effort": 5}
    services.log_run(runner, parse_run(typed))
    import_activities(runner, [activity(at(8), 3.5), activity(at(6), 6.0, name="last-week.fit")])
    running = today_view(runner, day)["running"]
    assert running["this_week"]["km"] == 7.5 and running["this_week"]["runs"] == 2  # last week's run is not in it
    cap = running["weekly_km_cap"]
    assert running["this_week"]["left"] == f"{max(cap - 7.5, 0):.1f} km"
