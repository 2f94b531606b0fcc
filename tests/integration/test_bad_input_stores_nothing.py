"""Bad input gets one clear message naming the field, exit status 2, and nothing half-written."""

import json

import pytest

from backstride.cli.main import main
from backstride.runners import models as m

pytestmark = pytest.mark.django_db(transaction=True)


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


@pytest.fixture
def started(capsys, tmp_path, sam):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(sam))
    assert main(["start", "--answers", str(path), "--json"]) == 0
    capsys.readouterr()
    return sam


def counts() -> tuple:
    return (
        m.SessionLog.objects.count(),
        m.ExerciseLog.objects.count(),
        m.CheckIn.objects.count(),
        m.RunLog.objects.count(),
        m.Decision.objects.count(),
    )


def test_a_bad_intake_stores_no_runner(capsys, tmp_path, sam):
    sam["pain"]["now"] = 11
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(sam))
    code, err = run(capsys, "start", "--answers", str(path))
    assert code == 2 and "pain.now: must be from 0 to 10 (got 11)" in err
    assert m.Runner.objects.count() == 0


@pytest.mark.parametrize(
    "args,message",
    [
        (
            ["log", "session", "--date", "2026-12-07", "--as-planned", "--pain-during", "11"],
            "--pain-during: must be a whole number from 0 to 10, got 11",
        ),
        (["log", "session", "--date", "2026-12-07", "--as-planned"], "--pain-during: is required"),
        (
            ["log", "session", "--date", "07/12/2026", "--as-planned", "--pain-during", "2"],
            "--date: must be a date written YYYY-MM-DD",
        ),
        (["log", "run", "--date", "2026-12-08", "--km", "5", "--minutes", "0", "--pain-during", "2"], "minutes"),
        (["log", "run", "--date", "2026-12-08", "--km", "-1", "--minutes", "30", "--pain-during", "2"], "km"),
        (["checkin", "--date", "2026-12-08", "--pain", "12"], "pain: must be from 0 to 10 (got 12)"),
        (["checkin", "--date", "2026-12-08", "--pain", "2", "--stiffness", "-1"], "stiffness"),
        (["log", "psfs", "--rating", "run 10 km=eleven"], "--rating: write it as ACTIVITY=N"),
        (
            ["log", "endurance", "--flexor", "0", "--extensor", "60", "--side-right", "30", "--side-left", "30"],
            "endurance.flexor",
        ),
    ],
)
def test_a_bad_log_names_the_field_and_writes_nothing(capsys, started, args, message):
    before = counts()
    code, err = run(capsys, *args)
    assert code == 2, err
    assert message in err and "Traceback" not in err
    assert counts() == before


def test_a_session_file_with_a_wrong_field_is_refused_whole(capsys, started, tmp_path):
    log = {
        "date": "2026-12-07",
        "pain_before": 2,
        "pain_during": 3,
        "pain_after": 2,
        "exercises": [{"slug": "bird-dog", "sets": 2, "reps": 6, "pain": 2}, {"slug": "dead-bug", "sets": "two"}],
    }
    path = tmp_path / "log.json"
    path.write_text(json.dumps(log))
    before = counts()
    code, err = run(capsys, "log", "session", "--file", str(path))
    assert code == 2 and "exercises.1.sets: must be a whole number" in err
    assert counts() == before


def test_a_second_check_in_for_the_same_morning_is_refused(capsys, started):
    assert run(capsys, "checkin", "--date", "2026-12-08", "--pain", "2")[0] == 0
    before = counts()
    code, err = run(capsys, "checkin", "--date", "2026-12-08", "--pain", "3")
    assert code == 2 and "date: there is already a check-in for 2026-12-08" in err
    assert counts() == before
