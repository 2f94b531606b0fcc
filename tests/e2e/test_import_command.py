"""`backstride import FILE...`: real files read by a real process, a summary line, and --json."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.recordings import gpx_on

FIRST = "cerknicko-jezero.gpx"

ROOT = Path(__file__).resolve().parents[2]
RUNS = ROOT / "tests" / "data" / "runs"
pytestmark = pytest.mark.slow  # starts processes


def backstride(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backstride", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_the_import_command_reads_runs_skips_other_sports_and_names_broken_files(tmp_path):
    db = str(tmp_path / "db.sqlite3")
    # the plan began three days ago: a real process refuses runs after the real today
    today = dt.date.today()
    intake = json.loads((ROOT / "examples" / "intake-sam.json").read_text())
    intake["start_date"] = (today - dt.timedelta(days=3)).isoformat()
    (tmp_path / "intake.json").write_text(json.dumps(intake))
    assert backstride("start", "--answers", str(tmp_path / "intake.json"), "--db", db).returncode == 0
    files = [
        RUNS / "fit" / "2013-02-06-12-11-14.fit",
        RUNS / "fit" / "garmin-fenix-5-walk.fit",
        RUNS / "fit" / "garmin-fenix-5-bike.fit",
        RUNS / "tcx" / "sup_activity_1.tcx",
    ]
    broken = tmp_path / "cut.fit"
    broken.write_bytes((RUNS / "fit" / "2013-02-06-12-11-14.fit").read_bytes()[:3000])

    result = backstride("import", *map(str, files), str(broken), "--db", db)

    assert result.returncode == 0, result.stderr
    assert (
        "1 runs imported, 1 walks, 2 other activities skipped, 0 already here, 1 unreadable: cut.fit" in result.stdout
    )
    again = json.loads(backstride("import", str(files[0]), "--json", "--db", db).stdout)
    assert (again["runs"], again["already_here"]) == (0, 1)
    # runs from years before the plan count for load; today asks only about this plan's recent runs
    assert json.loads(backstride("today", "--json", "--db", db).stdout)["runs_to_rate"] == []
    for name, day in (("lake.gpx", today - dt.timedelta(days=2)), ("hills.gpx", today - dt.timedelta(days=1))):
        (tmp_path / name).write_bytes(gpx_on(day, "korita-zbevnica.gpx" if name == "hills.gpx" else FIRST))
    assert backstride("import", str(tmp_path / "lake.gpx"), str(tmp_path / "hills.gpx"), "--db", db).returncode == 0
    runs = json.loads(backstride("today", "--json", "--db", db).stdout)["runs_to_rate"]
    assert [r["source"] for r in runs] == ["lake.gpx", "hills.gpx"]

    rated = backstride(
        "log", "rating", "--run", str(runs[0]["id"]), "--pain-during", "1", "--effort", "5", "--json", "--db", db
    )
    assert rated.returncode == 0, rated.stderr
    left = json.loads(backstride("today", "--json", "--db", db).stdout)["runs_to_rate"]
    assert [r["id"] for r in left] == [runs[1]["id"]]


def test_a_missing_file_is_a_clear_error_without_a_traceback(tmp_path):
    db = str(tmp_path / "db.sqlite3")
    assert backstride("start", "--answers", "examples/intake-sam.json", "--db", db).returncode == 0
    result = backstride("import", str(tmp_path / "nowhere.fit"), "--db", db)
    assert result.returncode != 0
    assert "nowhere.fit" in result.stderr and "Traceback" not in result.stderr
