"""An unknown command names the closest one when it looks like a typo, and starts no Django to say so."""

import subprocess
import sys
from pathlib import Path

import pytest

from backstride.cli.main import main

from .test_cli_startup import probe

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # starts a process
def test_a_misspelt_command_suggests_the_closest_one_and_exits_with_a_usage_error():
    result = subprocess.run(
        [sys.executable, "-m", "backstride", "exercize"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr == "backstride: error: unknown command 'exercize'; did you mean 'exercise'?\n"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("tday", "today"),
        ("chekin", "checkin"),
        ("clear-refferal", "clear-referral"),
        ("Plan", "plan"),
        ("--hlep", "--help"),
    ],
)
def test_a_typo_of_any_command_or_option_suggests_what_was_meant(capsys, typed, meant):
    assert main([typed]) == 2
    assert capsys.readouterr().err == f"backstride: error: unknown command '{typed}'; did you mean '{meant}'?\n"


def test_a_word_like_no_command_lists_every_command_instead_of_guessing(capsys):
    assert main(["plot"]) == 2
    err = capsys.readouterr().err
    assert "did you mean" not in err
    from backstride.cli.main import command_names

    assert f"unknown command 'plot'; commands are: {', '.join(command_names())}" in err


@pytest.mark.slow  # starts a process
def test_a_misspelt_command_is_answered_without_importing_django():
    found = probe("exercize")
    assert found["status"] == 2 and found["heavy"] == []
