"""`backstride import FILE...`: real files read by a real process, a summary line, and --json."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = ROOT / "tests" / "data" / "runs"
pytestmark = pytest.mark.slow  # starts processes


def backstride(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backstride", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_the_import_command_reads_runs_skips_other_sports_and_names_broken_files(tmp_path):
    db = str(tmp_path / "db.sqlite3")
    assert backstride("start", "--answers", "examples/intake-sam.json", "--db", db).returncode == 0
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
    runs = json.loads(backstride("today", "--json", "--date", "2026-12-08", "--db", db).stdout)["runs_to_rate"]
    assert [r["source"] for r in runs] == ["2013-02-06-12-11-14.fit", "garmin-fenix-5-walk.fit"]

    rated = backstride(
        "log", "rating", "--run", str(runs[0]["id"]), "--pain-during", "1", "--effort", "5", "--json", "--db", db
    )
    assert rated.returncode == 0, rated.stderr
    left = json.loads(backstride("today", "--json", "--date", "2026-12-08", "--db", db).stdout)["runs_to_rate"]
    assert [r["id"] for r in left] == [runs[1]["id"]]


def test_a_missing_file_is_a_clear_error_without_a_traceback(tmp_path):
    db = str(tmp_path / "db.sqlite3")
    assert backstride("start", "--answers", "examples/intake-sam.json", "--db", db).returncode == 0
    result = backstride("import", str(tmp_path / "nowhere.fit"), "--db", db)
    assert result.returncode != 0
    assert "nowhere.fit" in result.stderr and "Traceback" not in result.stderr
