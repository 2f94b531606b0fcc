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


def test_the_settings_table_is_one_unbroken_table_that_names_every_setting_the_server_reads():
    section = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    lines = section.strip().splitlines()
    table = [i for i, line in enumerate(lines) if line.startswith("|")]
    assert table == list(range(table[0], table[0] + len(table)))  # no blank line or text splits it
    assert all(lines[i].count(" | ") >= 2 for i in table)
    settings_source = (ROOT / "src" / "backstride" / "web" / "settings.py").read_text()
    import re

    read = set(re.findall(r'environ\.get\("((?:BACKSTRIDE|REDIS|DATABASE)_[A-Z_]+)"', settings_source))
    documented = "\n".join(lines[i] for i in table)
    missing = {
        name for name in read if name not in documented and name.replace("BACKSTRIDE_EMAIL_", "…_") not in documented
    }
    assert not missing, f"settings read but not in the README's table: {sorted(missing)}"
