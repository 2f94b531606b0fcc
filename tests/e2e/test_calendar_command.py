"""`backstride calendar --out FILE`: a real process writes a calendar file that a calendar library reads back."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # starts processes


def backstride(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backstride", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_the_calendar_command_writes_a_file_that_parses_with_every_planned_session(tmp_path):
    db = str(tmp_path / "db.sqlite3")
    started = backstride("start", "--answers", "examples/intake-sam.json", "--db", db)
    assert started.returncode == 0, started.stderr
    out = tmp_path / "sam.ics"

    result = backstride("calendar", "--out", str(out), "--db", db)

    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    plan = json.loads(backstride("plan", "--json", "--db", db).stdout)
    planned = {dt.date.fromisoformat(s["planned"]["date"]) for w in plan["weeks"] for s in w["sessions"]}
    with_alarm = {e.decoded("DTSTART") for e in events if e.walk("VALARM") and "maintenance" not in str(e["UID"])}
    assert with_alarm == planned
    assert all(str(e["URL"]).startswith("http://127.0.0.1:8000/today/?date=") for e in events)
    # written twice with nothing changed, the file has the same events at the same versions
    again = tmp_path / "again.ics"
    assert backstride("calendar", "--out", str(again), "--db", db).returncode == 0
    versions = {(str(e["UID"]), int(e["SEQUENCE"])) for e in events}
    assert {
        (str(e["UID"]), int(e["SEQUENCE"])) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")
    } == versions


def test_the_calendar_command_needs_somewhere_to_write(tmp_path):
    result = backstride("calendar", "--db", str(tmp_path / "db.sqlite3"))
    assert result.returncode != 0
    assert "--out" in result.stderr and "Traceback" not in result.stderr
