"""Reading activities out of zips: Strava and Garmin exports built from real files, and archives built to harm."""

import datetime as dt
import gzip
import io
import stat
import zipfile
from pathlib import Path

import pytest

from backstride.core.imports import Activity, Problem, limits, read_archive, read_path

RUNS = Path(__file__).resolve().parent.parent / "data" / "runs"
NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)

STRAVA_HEADER = (
    '"Activity ID","Activity Date","Activity Name","Activity Type","Activity Description","Elapsed Time",'
    '"Distance","Max Heart Rate","Relative Effort","Commute","Activity Private Note","Activity Gear","Filename",'
    '"Athlete Weight","Bike Weight","Elapsed Time","Moving Time","Distance","Max Speed"\n'
)


def real(relative: str) -> bytes:
    return (RUNS / relative).read_bytes()


def build_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def strava_row(activity_id: int, kind: str, filename: str) -> str:
    when, figures = '"Feb 6, 2013, 12:11:14 PM"', "2625,4.83,180,,false,,"
    return f'{activity_id},{when},"Lunch {kind}","{kind}","",{figures},{filename},,,2625,2625,4835,4\n'


def read_all(path: Path, **options) -> list:
    return list(read_path(path, now=NOW, **options))


@pytest.fixture
def strava_export(tmp_path) -> Path:
    listing = STRAVA_HEADER + "".join(
        [
            strava_row(101, "Run", "activities/101.fit.gz"),
            strava_row(102, "Hike", "activities/102.gpx"),
            strava_row(103, "Stand Up Paddling", "activities/103.tcx.gz"),
            strava_row(104, "Walk", "activities/104.fit"),
            strava_row(105, "Run", ""),  # entered by hand on the website: no file
        ]
    )
    return build_zip(
        tmp_path / "export_12345.zip",
        {
            "activities.csv": listing.encode(),
            "profile.csv": b"Athlete ID,Email\n1,runner@example.org\n",
            "activities/101.fit.gz": gzip.compress(real("fit/2013-02-06-12-11-14.fit")),
            "activities/102.gpx": real("gpx/cerknicko-jezero.gpx"),
            "activities/103.tcx.gz": gzip.compress(real("tcx/sup_activity_1.tcx")),
            "activities/104.fit": real("fit/garmin-fenix-5-walk.fit"),
            "media/photo.jpg": b"\xff\xd8\xff\xe0 not really a photo",
        },
    )


def test_a_strava_export_gives_each_activity_file_with_the_sport_its_list_names(strava_export):
    items = read_all(strava_export)
    assert all(isinstance(item, Activity) for item in items)
    by_name = {item.source.name: item for item in items}
    assert sorted(by_name) == [
        f"export_12345.zip:activities/{n}" for n in ("101.fit.gz", "102.gpx", "103.tcx.gz", "104.fit")
    ]
    run = by_name["export_12345.zip:activities/101.fit.gz"]
    assert (run.sport, run.category, round(run.distance_m)) == ("run", "run", 4835)
    assert run.start == dt.datetime(2013, 2, 6, 12, 11, 14, tzinfo=dt.UTC)


def test_the_strava_list_overrides_the_sport_a_file_gives_or_lacks(strava_export):
    by_name = {item.source.name.rpartition("/")[2]: item for item in read_all(strava_export)}
    # the GPX names no sport and would count as a run; the runner marked it a hike
    assert (by_name["102.gpx"].sport, by_name["102.gpx"].category) == ("hike", "walk")
    assert (by_name["103.tcx.gz"].sport, by_name["103.tcx.gz"].category) == ("stand_up_paddling", "other")
    assert (by_name["104.fit"].sport, by_name["104.fit"].category) == ("walk", "walk")


def test_a_strava_export_reports_progress_for_each_activity_file(strava_export):
    calls = []
    read_all(strava_export, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_a_garmin_export_reads_the_fit_files_in_its_nested_zip(tmp_path):
    uploaded = zip_bytes(
        {
            "runner@example.org_1.fit": real("fit/activity-small-fenix2-run.fit"),
            "runner@example.org_2.fit": real("fit/garmin-fenix-5-bike.fit"),
            "runner@example.org_3.fit": real("fit/Settings.fit"),
        }
    )
    export = build_zip(
        tmp_path / "garmin.zip",
        {
            "DI_CONNECT/DI-Connect-User/user_profile.json": b"{}",
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": uploaded,
        },
    )
    calls = []
    items = read_all(export, progress=lambda done, total: calls.append((done, total)))
    part = "garmin.zip:DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip"
    run, ride, settings = items
    assert (run.source.name, run.category, round(run.distance_m)) == (f"{part}:runner@example.org_1.fit", "run", 9008)
    assert ride.category == "other"
    assert settings == Problem(f"{part}:runner@example.org_3.fit", "no activity in this file")
    assert calls[-1] == (4, 4)


def test_a_plain_zip_of_activity_files_works(tmp_path):
    archive = build_zip(
        tmp_path / "runs.zip",
        {"a/run.fit": real("fit/garmin-fenix-5-run.fit"), "b.tcx": real("tcx/sup_activity_1.tcx")},
    )
    assert [item.category for item in read_all(archive)] == ["run", "other"]


def test_a_zip_with_a_path_out_of_its_folder_is_a_problem(tmp_path):
    archive = build_zip(tmp_path / "trick.zip", {"../evil.fit": real("fit/garmin-fenix-5-run.fit")})
    assert read_all(archive) == [Problem("trick.zip:../evil.fit", "unsafe path in archive")]


def test_a_zip_with_an_absolute_path_is_a_problem(tmp_path):
    archive = build_zip(tmp_path / "trick.zip", {"/etc/evil.fit": real("fit/garmin-fenix-5-run.fit")})
    assert read_all(archive) == [Problem("trick.zip:/etc/evil.fit", "unsafe path in archive")]


def test_a_symbolic_link_in_a_zip_is_a_problem(tmp_path):
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo("run.fit")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    assert read_all(path) == [Problem("link.zip:run.fit", "a link, not a file, in the archive")]


def test_a_zip_bomb_is_a_problem_without_being_unpacked(tmp_path):
    archive = build_zip(tmp_path / "bomb.zip", {"bomb.fit": bytes(20 * 1024 * 1024)})
    assert read_all(archive) == [Problem("bomb.zip:bomb.fit", "entry shrinks too much when compressed (a zip bomb)")]


def test_an_entry_over_the_size_limit_is_a_problem(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 2 * limits.MB)
    archive = build_zip(tmp_path / "big.zip", {"big.gpx": bytes(3 * limits.MB)})
    assert read_all(archive) == [Problem("big.zip:big.gpx", "entry larger than 2 MB")]


def test_an_archive_with_too_many_entries_is_one_problem(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ARCHIVE_ENTRIES", 5)
    archive = build_zip(tmp_path / "many.zip", {f"{n}.fit": real("fit/garmin-fenix-5-run.fit") for n in range(6)})
    assert read_all(archive) == [Problem("many.zip", "archive has more than 5 entries")]


def test_an_archive_past_the_total_size_limit_stops_with_a_problem(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOTAL_BYTES", 8000)
    run = real("fit/garmin-fenix-5-run.fit")  # 5,597 bytes: the second one passes the total
    items = read_all(build_zip(tmp_path / "two.zip", {"1.fit": run, "2.fit": run}))
    assert isinstance(items[0], Activity)
    assert items[1:] == [Problem("two.zip", "archive holds more than 8,000 bytes of activity files")]


def test_an_archive_nested_two_deep_is_not_read(tmp_path):
    inner = zip_bytes({"run.fit": real("fit/garmin-fenix-5-run.fit")})
    archive = build_zip(tmp_path / "deep.zip", {"part.zip": zip_bytes({"inner.zip": inner})})
    assert read_all(archive) == [
        Problem("deep.zip:part.zip:inner.zip", "an archive inside an archive inside an archive is not read")
    ]


def test_a_damaged_entry_is_a_problem_and_the_others_still_read(tmp_path):
    path = build_zip(
        tmp_path / "damaged.zip",
        {"1.gpx": real("gpx/cerknicko-jezero.gpx"), "2.fit": real("fit/garmin-fenix-5-run.fit")},
    )
    data = bytearray(path.read_bytes())
    data[200] ^= 0xFF  # inside the first entry's compressed bytes
    path.write_bytes(bytes(data))
    first, second = read_all(path)
    assert first == Problem("damaged.zip:1.gpx", "the entry is damaged in the archive")
    assert isinstance(second, Activity)


def test_a_file_named_zip_that_is_not_one_is_a_problem(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(b"not a zip at all")
    assert read_all(path) == [Problem("export.zip", "not a readable zip archive")]


def test_a_zip_without_activity_files_says_so(tmp_path):
    archive = build_zip(tmp_path / "photos.zip", {"a.jpg": b"\xff\xd8", "notes.txt": b"hello"})
    assert read_all(archive) == [Problem("photos.zip", "no FIT, GPX or TCX files in this archive")]


def test_read_archive_streams_from_an_open_file(strava_export):
    with open(strava_export, "rb") as stream:
        items = read_archive("upload.zip", stream, now=NOW)
        first = next(items)
        assert isinstance(first, Activity) and first.source.name.startswith("upload.zip:activities/")
        assert len(list(items)) == 3


def test_a_nested_archive_with_too_many_entries_is_a_problem_and_the_rest_still_reads(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ARCHIVE_ENTRIES", 3)
    run = real("fit/garmin-fenix-5-run.fit")
    part = zip_bytes({f"{n}.fit": run for n in range(4)})
    items = read_all(build_zip(tmp_path / "garmin.zip", {"part.zip": part, "run.fit": run}))
    assert items[0] == Problem("garmin.zip:part.zip", "archive has more than 3 entries")
    assert isinstance(items[1], Activity)


def test_the_file_details_a_mac_adds_to_a_zip_are_left_out(tmp_path):
    archive = build_zip(
        tmp_path / "mac.zip",
        {"runs/run.fit": real("fit/garmin-fenix-5-run.fit"), "__MACOSX/runs/._run.fit": b"\x00\x05\x16\x07"},
    )
    [activity] = read_all(archive)
    assert activity.source.name == "mac.zip:runs/run.fit"
