"""`backstride demo` says what it is doing while it builds the demo data, on stderr, and nothing with -v 0."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backstride.demo import ROSTER
from tests.e2e.terminal import on_a_terminal

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # starts processes that build a database
STEPS = 2 + 1 + len(ROSTER)  # the clinician, the two demo runners and the roster


def demo_env(folder: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BACKSTRIDE_DB")}
    return env | {"BACKSTRIDE_DATA_DIR": str(folder), "BACKSTRIDE_CACHE_DIR": str(folder / "cache")}


def demo(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backstride", "demo", "--no-serve", *args],
        env=demo_env(folder),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_demo_writes_a_line_per_step_to_stderr_while_it_builds_the_data_when_piped(tmp_path):
    result = demo(tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "Preparing the database"
    counted = [line for line in lines if line.startswith("Building the demo data, ")]
    assert [line.split(",")[1].split(":")[0].strip() for line in counted] == [
        f"{n} of {STEPS}" for n in range(1, STEPS + 1)
    ]
    assert "the clinician, Morgan Reyes" in counted[0]
    for _username, name, days, _story in ROSTER:
        assert any(f": {name}: {days} days of logs" in line for line in counted), name
    # the logins stay the only thing on stdout, for a script to read
    assert result.stdout.startswith("Demo logins (every password is the same):\n")
    assert "Building" not in result.stdout

    again = demo(tmp_path)
    assert again.returncode == 0
    assert again.stderr.splitlines() == ["Preparing the database", "The demo data is already there"]


def test_demo_reports_nothing_on_stderr_with_verbosity_0(tmp_path):
    result = demo(tmp_path, "-v", "0")
    assert result.returncode == 0 and result.stderr == ""
    assert "clinician: clinician" in result.stdout


def test_demo_shows_a_progress_bar_on_a_terminal(tmp_path):
    shown = on_a_terminal(["demo", "--no-serve"], demo_env(tmp_path) | {"COLUMNS": "100"}, timeout=300)
    assert "Sam Rivera: 16 days of logs" in shown and f"2/{STEPS}" in shown
    assert "The demo data is ready" in shown and f"{STEPS}/{STEPS}" in shown
    assert "Building the demo data, 1 of" not in shown  # the bar, not the lines meant for a pipe
