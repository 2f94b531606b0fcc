"""The README tells the truth: its command reference and test command match reality."""

import re
from pathlib import Path

from backstride.cli import reference

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def test_the_command_reference_matches_every_commands_help():
    assert reference.current_in(README) == reference.generate().strip(), (
        "README command reference is stale: run python -m backstride.cli.reference --write README.md"
    )


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, re.S)


def test_the_quick_start_has_exactly_two_commands():
    commands = _quick_start_commands()
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    assert commands[0] == "pip install -e . && backstride demo"


def test_ci_runs_the_readmes_test_command():
    test_command = _quick_start_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert test_command in ci.splitlines()


def test_the_readme_says_it_does_not_replace_a_clinician():
    assert "does not replace a clinician" in README
