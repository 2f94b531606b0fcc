"""Reading single activity files: real recordings, other sports, multisport days and every kind of broken file."""

import dataclasses
import datetime as dt
import gzip
from pathlib import Path

import fitdecode
import pytest

from backstride.core.imports import Activity, Problem, read_bytes, read_path

RUNS = Path(__file__).resolve().parent.parent / "data" / "runs"
NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)


def read(relative: str, name: str | None = None) -> list:
    return read_bytes(name or Path(relative).name, (RUNS / relative).read_bytes(), now=NOW)


def only_activity(relative: str) -> Activity:
    [activity] = read(relative)
    assert isinstance(activity, Activity), activity
    return activity


def only_problem(relative: str, name: str | None = None) -> Problem:
    [problem] = read(relative, name)
    assert isinstance(problem, Problem), problem
    return problem


def session_of(relative: str) -> dict:
    """The file's own session record, read with fitdecode's usual settings, to compare against."""
    with fitdecode.FitReader(str(RUNS / relative)) as reader:
        for frame in reader:
            if frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name == "session":
                return {field.name: field.value for field in frame.fields}
    raise AssertionError("no session")


def close(value: float, expected: float) -> bool:
    return abs(value - expected) <= 0.005 * expected


FIT_RUNS_AND_WALKS = [
    ("fit/2013-02-06-12-11-14.fit", "run"),
    ("fit/activity-small-fenix2-run.fit", "run"),
    ("fit/garmin-fenix-5-run.fit", "run"),
    ("fit/garmin-fenix-5-walk.fit", "walk"),
]


@pytest.mark.parametrize("relative,category", FIT_RUNS_AND_WALKS)
def test_a_fit_run_or_walk_gives_the_distance_and_time_its_own_session_states(relative, category):
    activity, session = only_activity(relative), session_of(relative)
    assert activity.category == category
    assert activity.start == session["start_time"]
    assert close(activity.distance_m, session["total_distance"])
    assert close(activity.moving_s, session["total_timer_time"])
    assert close(activity.elapsed_s, session["total_elapsed_time"])
    assert activity.source.format == "fit" and activity.source.name == Path(relative).name


def test_a_fit_run_keeps_its_sport_ascent_and_average_heart_rate():
    activity = only_activity("fit/2013-02-06-12-11-14.fit")
    assert (activity.sport, activity.ascent_m, activity.avg_hr) == ("running", 168, 147)
    assert activity.start == dt.datetime(2013, 2, 6, 12, 11, 14, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "relative,start,distance,moving,elapsed",
    [
        ("gpx/cerknicko-jezero.gpx", dt.datetime(2010, 8, 5, 14, 23, 59, tzinfo=dt.UTC), 4580, 2425, 7190),
        ("gpx/korita-zbevnica.gpx", dt.datetime(2010, 10, 3, 9, 36, 30, tzinfo=dt.UTC), 14914, 7084, 13381),
        ("gpx/track-with-empty-segment.gpx", dt.datetime(2013, 7, 6, 17, 26, 26, tzinfo=dt.UTC), 86, 32, 76),
    ],
)
def test_a_gpx_with_several_tracks_is_one_run_from_its_first_timed_point(relative, start, distance, moving, elapsed):
    activity = only_activity(relative)
    assert (activity.start, activity.sport, activity.category) == (start, "running", "run")
    assert close(activity.distance_m, distance)
    assert close(activity.moving_s, moving)
    assert close(activity.elapsed_s, elapsed)


def test_a_gpx_track_type_names_the_sport():
    text = (RUNS / "gpx/track-with-empty-segment.gpx").read_text()
    typed = text.replace("<trk>", "<trk><type>Walking</type>", 1)
    [activity] = read_bytes("walk.gpx", typed.encode(), now=NOW)
    assert (activity.sport, activity.category) == ("walking", "walk")


@pytest.mark.parametrize(
    "relative,sport",
    [
        ("fit/garmin-fenix-5-bike.fit", "cycling"),
        ("fit/sample-activity.fit", "cycling"),
        ("tcx/sup_activity_1.tcx", "other"),
    ],
)
def test_rides_and_paddles_are_classified_other(relative, sport):
    activity = only_activity(relative)
    assert (activity.sport, activity.category) == (sport, "other")


def test_a_fit_ride_keeps_its_timer_and_elapsed_times_apart():
    activity = only_activity("fit/sample-activity.fit")
    assert close(activity.moving_s, 10699) and close(activity.elapsed_s, 11742) and activity.avg_hr == 166


def test_a_tcx_file_gives_its_distance_and_time():
    activity = only_activity("tcx/sup_activity_1.tcx")
    assert activity.start == dt.datetime(2022, 7, 16, 16, 8, 25, tzinfo=dt.UTC)
    assert close(activity.distance_m, 1158) and close(activity.elapsed_s, 1112) and activity.source.format == "tcx"


def test_a_multisport_fit_gives_one_activity_per_session_with_transitions_as_other():
    activities = read("fit/activity-large-fenxi2-multisport.fit")
    assert [a.sport for a in activities] == [
        "generic",
        "transition",
        "running",
        "transition",
        "running",
        "transition",
        "cycling",
    ]
    assert [a.category for a in activities].count("run") == 2
    assert activities[0].start == dt.datetime(2015, 8, 29, 8, 0, 1, tzinfo=dt.UTC)
    assert len({a.source.sha256 for a in activities}) == 1


@pytest.mark.parametrize(
    "relative,reason",
    [
        ("fit/invalid/activity-activity-filecrc.fit", "the file is damaged (its checksum does not match)"),
        ("fit/invalid/activity-filecrc.fit", "the file is damaged (its checksum does not match)"),
        ("fit/invalid/activity-settings-corruptheader.fit", "the file is damaged (a FIT header is missing)"),
        ("fit/invalid/activity-settings-nodata.fit", "the file is cut short"),
        ("fit/invalid/activity-unexpected-eof.fit", "the file is cut short"),
        ("fit/Settings.fit", "no activity in this file"),
        ("gpx/route.gpx", "a planned route, not a recorded activity"),
        ("gpx/unicode_with_bom.gpx", "no track with times"),
        ("gpx/gpx_with_garmin_extension.gpx", "no track with times"),
        ("gpx/cerknicko-without-times.gpx", "most points of the track have no time"),
        ("gpx/Mojstrovka.gpx", "start time 1901-12-13 is not plausible"),
    ],
)
def test_each_broken_or_empty_real_file_is_one_problem_with_a_clear_reason(relative, reason):
    assert only_problem(relative) == Problem(Path(relative).name, reason)


def test_a_cut_short_fit_file_is_a_problem_naming_the_file():
    data = (RUNS / "fit/2013-02-06-12-11-14.fit").read_bytes()
    assert read_bytes("morning.fit", data[:9000], now=NOW) == [Problem("morning.fit", "the file is cut short")]


def test_a_cut_short_gpx_file_is_a_problem():
    data = (RUNS / "gpx/cerknicko-jezero.gpx").read_bytes()
    [problem] = read_bytes("lake.gpx", data[: len(data) // 2], now=NOW)
    assert problem == Problem("lake.gpx", "the file is cut short or damaged (its XML does not parse)")


@pytest.mark.parametrize("name", ["empty.fit", "empty.gpx", "empty.tcx.gz", "empty.fit.gz"])
def test_an_empty_file_is_a_problem(name):
    assert read_bytes(name, b"", now=NOW) == [Problem(name, "the file is empty")]


def test_a_text_file_named_fit_is_a_problem():
    assert read_bytes("notes.fit", b"my training notes\n", now=NOW) == [
        Problem("notes.fit", "named .fit but is not a FIT file")
    ]


def test_a_tcx_file_named_gpx_is_a_problem_that_says_what_it_holds():
    assert only_problem("tcx/sup_activity_1.tcx", "paddle.gpx").reason == "named .gpx but holds a TCX file"


def test_a_file_of_another_kind_is_not_read():
    assert read_bytes("photo.jpg", b"\xff\xd8\xff\xe0", now=NOW) == [Problem("photo.jpg", "not a FIT, GPX or TCX file")]


def test_an_xml_file_declaring_entities_is_refused_before_parsing():
    bomb = b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaa">]><gpx>&a;</gpx>'
    assert read_bytes("laughs.gpx", bomb, now=NOW)[0].reason == "the file uses XML features activity files never use"


def test_a_start_more_than_a_day_ahead_of_now_is_not_plausible():
    text = (RUNS / "gpx/track-with-empty-segment.gpx").read_text().replace("2013-07-06", "2026-12-01")
    assert read_bytes("ahead.gpx", text.encode(), now=NOW) == [
        Problem("ahead.gpx", "start time 2026-12-01 is not plausible")
    ]


def test_a_start_within_a_day_of_now_is_accepted():
    text = (RUNS / "gpx/track-with-empty-segment.gpx").read_text().replace("2013-07-06T17", "2026-11-30T09")
    [activity] = read_bytes("early.gpx", text.encode(), now=NOW)
    assert activity.start.date() == dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    "relative", ["fit/2013-02-06-12-11-14.fit", "gpx/cerknicko-jezero.gpx", "tcx/sup_activity_1.tcx"]
)
def test_a_gzipped_file_reads_the_same_and_hashes_the_unpacked_bytes(relative):
    plain = only_activity(relative)
    [packed] = read_bytes(Path(relative).name + ".gz", gzip.compress((RUNS / relative).read_bytes()), now=NOW)
    assert packed.source.sha256 == plain.source.sha256
    assert dataclasses.replace(packed, source=plain.source) == plain
    assert packed.source.name.endswith(".gz") and packed.source.format == plain.source.format


def test_a_cut_short_gzip_is_a_problem():
    packed = gzip.compress((RUNS / "fit/garmin-fenix-5-run.fit").read_bytes())
    assert read_bytes("run.fit.gz", packed[:-40], now=NOW) == [Problem("run.fit.gz", "the file is cut short")]


def test_a_gzip_bomb_stops_at_the_size_limit():
    bomb = gzip.compress(bytes(51 * 1024 * 1024), compresslevel=1)
    assert read_bytes("bomb.fit.gz", bomb, now=NOW) == [Problem("bomb.fit.gz", "file larger than 50 MB")]


def test_read_path_reads_a_single_file_and_reports_progress(tmp_path):
    target = tmp_path / "run.fit"
    target.write_bytes((RUNS / "fit/garmin-fenix-5-run.fit").read_bytes())
    calls = []
    [activity] = read_path(target, now=NOW, progress=lambda done, total: calls.append((done, total)))
    assert activity.category == "run" and calls == [(1, 1)]


def test_read_path_of_a_missing_file_is_a_problem(tmp_path):
    assert list(read_path(tmp_path / "gone.fit")) == [Problem("gone.fit", "the file could not be opened")]
