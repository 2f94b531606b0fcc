"""A runner's data leaves as one backstride.export/1 zip and comes back as the same program."""

import copy
import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import zipfile

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from backstride.accounts.models import Clinician
from backstride.cli.main import main
from backstride.clinic.services import adjust
from backstride.core.tracking.logs import parse_checkin, parse_run, parse_session_log
from backstride.runners import models as m
from backstride.runners.export import FORMAT, JSON_NAME, RUNS_CSV, SESSIONS_CSV, document, export_zip
from backstride.runners.reports import plan_view, progress_view, today_view
from backstride.runners.services import (
    checkin,
    log_run,
    log_session,
    record_outcome,
    red_flags_due,
    start_runner,
)

pytestmark = pytest.mark.django_db

START = dt.date(2026, 12, 7)  # a Monday
DAYS = 16
ASKED = START + dt.timedelta(days=DAYS)
MORNING_PAIN = [5, 5, 4, 4, 4, 4, 3, 3, 3, 7, 6, 5, 3, 3, 2, 2]  # a flare-up on day 9


@pytest.fixture
def lived(sam) -> m.Runner:
    """Sam after two weeks: check-ins with a flare-up, sessions, runs, an outcome and a clinician's change."""
    sam["pain"] |= {"now": 5, "worst_last_week": 6, "weeks_since_onset": 8}
    sam["start_date"] = START.isoformat()
    sam["runner"]["name"] = "Sam Rivera"
    runner, _result = start_runner(sam)
    okafor = User.objects.create_user("okafor", first_name="Ada", last_name="Okafor")
    Clinician.objects.create(user=okafor)
    for n, pain in enumerate(MORNING_PAIN):
        day = START + dt.timedelta(days=n)
        morning = {"date": day.isoformat(), "pain": pain, "stiffness": 3}
        if red_flags_due(runner, day):
            morning["red_flags"] = {k: False for k in sam["red_flags"] if k != "walking_changed"}
        checkin(runner, parse_checkin(morning))
        if n % 7 in (0, 2, 4):
            session = runner.current_plan.sessions.filter(date=day).first()
            done = [{"slug": e.slug, "pain": 2} for e in session.exercises.all()] if session else []
            log = {"date": day.isoformat(), "pain_before": 2, "pain_during": 3, "pain_after": 2, "effort": 5}
            log_session(runner, parse_session_log(log | {"exercises": done, "note": f"day {n}"}))
        if n % 7 in (1, 3):
            log_run(runner, parse_run({"date": day.isoformat(), "km": 3.0, "minutes": 30.0, "pain_during": 2}))
    record_outcome(runner, m.OutcomeMeasure.ODI, START + dt.timedelta(days=14), 22.0, {"answers": [1, 2, 1]})
    adjust(runner, okafor, m.Adjustment.HOLD_PHASE, "Stay on these doses a week.", START + dt.timedelta(days=13))
    return m.Runner.objects.get(pk=runner.pk)


def restored_from(runner: m.Runner) -> m.Runner:
    from backstride.runners.restore import read_document, restore

    return restore(read_document(export_zip(runner)))


def without_identity(view, runner: m.Runner):
    """A view with the runner's own id and name taken out, so two runners' views can be compared."""
    text = json.dumps(view, default=str, sort_keys=True).replace(runner.name, "NAME")
    data = json.loads(text)

    def scrub(value):
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items() if k not in ("runner_id", "id", "runner")}
        if isinstance(value, list):
            return [scrub(v) for v in value]
        return value

    return scrub(data)


def write(tmp_path, doc: dict, name: str = "export.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


def refused(capsys, path) -> str:
    """What `backstride import-export` says of a file it refuses (called without main(), which would close the
    test's database connection when it ends, as every management command run from the command line does)."""
    before = m.Runner.objects.count()
    with pytest.raises(SystemExit) as exit_:
        call_command("import_export", str(path))
    err = capsys.readouterr().err.strip()
    assert exit_.value.code == 2
    assert m.Runner.objects.count() == before, "a refused file stored a runner"
    assert len(err.splitlines()) == 1 and err.startswith("backstride: error: ")
    return err


def test_the_export_holds_every_kind_of_row_the_runner_has(lived):
    doc = document(lived)
    assert doc["format"] == FORMAT
    assert doc["runner"]["name"] == "Sam Rivera" and doc["runner"]["units"] == "km"
    assert len(doc["checkins"]) == DAYS
    assert len(doc["session_logs"]) == lived.session_logs.count() > 0
    assert all(s["exercises"] for s in doc["session_logs"])
    assert len(doc["runs"]) == lived.run_logs.count() > 0
    assert doc["outcomes"][0]["value"] == 22.0
    assert doc["adjustments"][0]["author"] == "Ada Okafor"
    assert len(doc["decisions"]) == lived.decisions.count() > 0
    assert any(e["kind"] == "flare_up" for e in doc["episodes"])
    assert doc["plans"][0]["assessment"] == 0 and doc["assessments"][0]["intake"]["runner"]["name"] == "Sam Rivera"


def test_the_zip_holds_the_document_and_csv_files_of_sessions_and_runs(lived):
    archive = zipfile.ZipFile(io.BytesIO(export_zip(lived)))
    assert json.loads(archive.read(JSON_NAME))["format"] == FORMAT
    sessions = list(csv.DictReader(io.StringIO(archive.read(SESSIONS_CSV).decode())))
    runs = list(csv.DictReader(io.StringIO(archive.read(RUNS_CSV).decode())))
    assert [s["date"] for s in sessions] == [d.isoformat() for d in lived.session_logs.values_list("date", flat=True)]
    assert sessions[0]["note"] == "day 0" and int(sessions[0]["exercises_done"]) > 0
    assert {r["km"] for r in runs} == {"3.0"} and len(runs) == lived.run_logs.count()


def test_a_restored_runner_has_the_same_today_plan_progress_and_decisions(lived):
    copy_ = restored_from(lived)
    assert copy_.pk != lived.pk
    for view in (today_view, plan_view, progress_view):
        for day in (START + dt.timedelta(days=9), ASKED):
            assert without_identity(view(copy_, day), copy_) == without_identity(view(lived, day), lived), view
    fields = ("date", "target", "kind", "reason", "details", "digest")
    assert list(copy_.decisions.values_list(*fields)) == list(lived.decisions.values_list(*fields))
    assert copy_.adjustments.get().author.username == "okafor"


def test_restoring_keeps_when_each_row_was_first_written(lived):
    copy_ = restored_from(lived)
    assert copy_.created_at == lived.created_at
    assert list(copy_.checkins.values_list("created_at", flat=True)) == list(
        lived.checkins.values_list("created_at", flat=True)
    )


@pytest.mark.django_db(transaction=True)
def test_import_export_restores_a_file_from_the_command_line(lived, tmp_path, capsys):
    path = tmp_path / "sam.zip"
    assert main(["export", "--out", str(path), "--runner", str(lived.pk)]) == 0
    capsys.readouterr()
    assert main(["import-export", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    restored = m.Runner.objects.get(pk=result["runner"])
    assert restored.name == "Sam Rivera" and restored.checkins.count() == DAYS


def test_a_file_that_is_neither_zip_nor_json_is_refused(tmp_path, capsys, lived):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"\x89PNG not an export")
    assert "neither a backstride export zip nor its JSON document" in refused(capsys, path)


def test_a_zip_without_the_document_is_refused(tmp_path, capsys, lived):
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "hello")
    assert f"holds no {JSON_NAME}" in refused(capsys, path)


def test_a_document_of_another_format_is_refused(tmp_path, capsys, lived):
    doc = document(lived) | {"format": "someone-else/2"}
    assert "format: must be 'backstride.export/1'" in refused(capsys, write(tmp_path, doc))


def test_a_document_missing_a_field_is_refused_naming_it(tmp_path, capsys, lived):
    doc = document(lived)
    del doc["checkins"][3]["pain"]
    assert "checkins[3].pain: is missing" in refused(capsys, write(tmp_path, doc))


def test_a_field_of_the_wrong_type_is_refused_naming_it(tmp_path, capsys, lived):
    doc = document(lived)
    doc["runs"][0]["km"] = "three"
    assert "runs[0].km: must be a number" in refused(capsys, write(tmp_path, doc))


def test_a_value_out_of_range_is_refused_naming_it(tmp_path, capsys, lived):
    doc = document(lived)
    doc["session_logs"][1]["exercises"][0]["pain"] = 11
    assert "session_logs[1].exercises[0].pain:" in refused(capsys, write(tmp_path, doc))


def test_a_damaged_plan_late_in_the_file_stores_nothing(tmp_path, capsys, lived):
    doc = document(lived)
    doc["plans"][0]["data"] = {"weeks": "gone"}
    assert "plans[0].data: is not a plan" in refused(capsys, write(tmp_path, doc))
    assert m.Assessment.objects.filter(runner__name="Sam Rivera").count() == 1


def test_two_check_ins_on_one_day_are_refused(tmp_path, capsys, lived):
    doc = document(lived)
    doc["checkins"].append(copy.deepcopy(doc["checkins"][0]))
    assert "must be unique" in refused(capsys, write(tmp_path, doc))


def test_a_missing_file_is_refused(tmp_path, capsys, db):
    assert "no such file" in refused(capsys, tmp_path / "nowhere.zip")


def cli(db_path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BACKSTRIDE_DB", "DJANGO_SETTINGS_MODULE")}
    done = subprocess.run(
        [sys.executable, "-m", "backstride", *args, "--db", str(db_path)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_an_export_restored_into_a_fresh_database_shows_the_same_program(sam, tmp_path):
    start = dt.date.today() - dt.timedelta(days=10)  # another process: logs must be in the real past
    sam["start_date"] = start.isoformat()
    intake = write(tmp_path, sam, "intake.json")
    first, fresh = tmp_path / "first.sqlite3", tmp_path / "fresh.sqlite3"
    cli(first, "start", "--answers", str(intake))
    for n, pain in enumerate([5, 4, 6, 3]):
        cli(
            first,
            "checkin",
            "--date",
            (start + dt.timedelta(days=n)).isoformat(),
            "--pain",
            str(pain),
            "--no-red-flags",
        )
    day = start.isoformat()
    cli(first, "log", "session", "--date", day, "--as-planned", "--pain-during", "3", "--pain-after", "2")
    cli(
        first,
        "log",
        "run",
        "--date",
        (start + dt.timedelta(days=1)).isoformat(),
        "--km",
        "3",
        "--minutes",
        "25",
        "--pain-during",
        "2",
    )
    cli(first, "export", "--out", str(tmp_path / "sam.zip"))
    cli(fresh, "import-export", str(tmp_path / "sam.zip"))
    asked = (start + dt.timedelta(days=4)).isoformat()
    for command in ("today", "plan", "progress"):
        before = json.loads(cli(first, command, "--date", asked, "--json"))
        after = json.loads(cli(fresh, command, "--date", asked, "--json"))
        assert after == before, command
