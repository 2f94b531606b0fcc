"""Files nested too deeply or with numbers too long to read get one clear line and status 2, never a traceback."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from backstride.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SAM = ROOT / "examples" / "intake-sam.json"

DEEP = "[" * 100_000 + "]" * 100_000
LONG_NUMBER = "9" * 5000
STORED = ("runners_runner", "runners_sessionlog", "runners_checkin", "runners_outcomemeasure")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BACKSTRIDE_DB")}
    return subprocess.run(
        [sys.executable, "-m", "backstride", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in STORED}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "db.sqlite3"
    result = run("start", "--answers", str(SAM), "--db", str(path))
    assert result.returncode == 0, result.stderr
    return path


def intake_with(value: str) -> str:
    """Sam's intake with one more field holding the hostile value, which is read before any field is checked."""
    return SAM.read_text().rstrip().removesuffix("}") + f', "extra": {value}}}'


FILES = {
    "deep": (DEEP, "nested too deeply"),
    "deep-in-a-field": (None, "nested too deeply"),
    "long-number": (LONG_NUMBER, "a number is too long"),
    "long-number-in-a-field": (None, "a number is too long"),
}


def hostile(kind: str, tmp_path: Path, field_json: str) -> tuple[Path, str]:
    text, message = FILES[kind]
    if text is None:
        text = field_json.replace("VALUE", DEEP if kind.startswith("deep") else LONG_NUMBER)
    path = tmp_path / f"{kind}.json"
    path.write_text(text)
    return path, message


@pytest.mark.slow  # starts processes
@pytest.mark.parametrize("kind", sorted(FILES))
def test_assess_dry_run_names_the_answers_file_for_hostile_json(tmp_path, kind):
    path, message = hostile(kind, tmp_path, intake_with("VALUE"))
    result = run("assess", "--answers", str(path), "--dry-run", "--json")
    assert result.returncode == 2
    assert result.stderr == f"backstride: error: --answers: {message}\n"
    assert result.stdout == ""


@pytest.mark.slow  # starts processes
@pytest.mark.parametrize("kind", ["deep-in-a-field", "long-number-in-a-field"])
def test_start_names_the_answers_file_for_hostile_json_and_makes_no_database(tmp_path, kind):
    path, message = hostile(kind, tmp_path, intake_with("VALUE"))
    db = tmp_path / "db.sqlite3"
    result = run("start", "--answers", str(path), "--db", str(db))
    assert result.returncode == 2
    assert result.stderr == f"backstride: error: --answers: {message}\n"
    assert result.stdout == ""
    assert not db.exists()


@pytest.mark.slow  # starts processes
@pytest.mark.parametrize("kind", sorted(FILES))
def test_log_session_names_the_file_for_hostile_json_and_stores_nothing(db, tmp_path, kind):
    path, message = hostile(kind, tmp_path, '{"date": "2026-12-08", "as_planned": true, "pain_during": VALUE}')
    before = counts(db)
    result = run("log", "session", "--file", str(path), "--db", str(db))
    assert result.returncode == 2
    assert result.stderr == f"backstride: error: --file: {message}\n"
    assert result.stdout == ""
    assert counts(db) == before


@pytest.mark.slow  # starts processes
@pytest.mark.parametrize("kind", ["deep", "long-number-in-a-field"])
def test_log_odi_names_the_file_for_hostile_json_and_stores_nothing(db, tmp_path, kind):
    path, message = hostile(kind, tmp_path, '{"pain_intensity": VALUE}')
    before = counts(db)
    result = run("log", "odi", "--file", str(path), "--db", str(db))
    assert result.returncode == 2
    assert result.stderr == f"backstride: error: --file: {message}\n"
    assert counts(db) == before


@pytest.mark.slow  # starts processes
@pytest.mark.parametrize("kind", sorted(FILES))
def test_checkin_names_the_red_flags_file_for_hostile_json_and_stores_nothing(db, tmp_path, kind):
    path, message = hostile(kind, tmp_path, '{"saddle_numbness": VALUE}')
    before = counts(db)
    result = run("checkin", "--pain", "2", "--date", "2026-12-08", "--red-flags", str(path), "--db", str(db))
    assert result.returncode == 2
    assert result.stderr == f"backstride: error: --red-flags: {message}\n"
    assert result.stdout == ""
    assert counts(db) == before


@pytest.mark.parametrize(
    "error,message",
    [
        (RecursionError("maximum recursion depth exceeded"), "input: nested too deeply"),
        (ValueError("Exceeds the limit (4300 digits) for integer string conversion"), "input: a number is too long"),
    ],
)
def test_hostile_input_missed_where_a_file_is_read_still_gets_one_line_and_status_2(capsys, error, message):
    from unittest import mock

    with mock.patch("backstride.cli.management.commands.assess.parse_intake", side_effect=error):
        assert main(["assess", "--answers", str(SAM), "--dry-run"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"backstride: error: {message}\n"
    assert captured.out == ""
