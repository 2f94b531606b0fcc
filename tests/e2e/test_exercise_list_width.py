"""`backstride exercises` shows every slug whole, however narrow the screen and when piped: other columns wrap."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backstride.core.library import load_library
from tests.e2e import terminal

ROOT = Path(__file__).resolve().parents[2]
SLUGS = [e.slug for e in load_library()]
pytestmark = pytest.mark.slow  # starts processes


def env(columns: int | None) -> dict:
    found = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return found | ({"COLUMNS": str(columns)} if columns else {})


def piped(columns: int | None, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "backstride", "exercises", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env(columns),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def on_a_terminal(columns: int) -> str:
    """The output as a terminal `columns` wide shows it (a pseudo-terminal of that size)."""
    return terminal.on_a_terminal(["exercises"], env(columns), columns)


def whole_slugs(output: str) -> set[str]:
    """The slugs that appear as words of their own (a cut one ends in an ellipsis or is split over lines)."""
    words = set(output.split())
    return {slug for slug in SLUGS if slug in words}


def test_every_slug_appears_whole_when_piped_at_80_columns():
    output = piped(80)
    assert whole_slugs(output) == set(SLUGS)
    assert "…" not in output
    assert max(len(line) for line in output.splitlines()) <= 80


def test_every_slug_appears_whole_when_piped_with_no_width_given():
    output = piped(None)
    assert whole_slugs(output) == set(SLUGS) and "…" not in output


def test_every_slug_appears_whole_on_an_80_column_terminal():
    output = on_a_terminal(80)
    assert whole_slugs(output) == set(SLUGS) and "…" not in output
    assert max(len(line) for line in output.splitlines()) <= 80


def test_a_screen_too_narrow_for_the_table_lists_each_slug_whole_on_its_own_line():
    lines = piped(40).splitlines()
    assert set(SLUGS) <= {line.strip() for line in lines}
    assert "…" not in "\n".join(lines)
