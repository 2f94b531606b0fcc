"""Commands that need no database start without Django, and `backstride --help` reads no command module."""

import json
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from backstride.cli.main import SUMMARIES, command_names

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("django", "ninja", "backstride.runners", "backstride.api", "backstride.web")

# Runs one command in a fresh interpreter, then prints its output and the heavy modules it imported.
PROBE = """
import contextlib, io, json, sys
from backstride.cli.main import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    status = main(sys.argv[1:])
heavy = sorted({m for m in sys.modules for h in HEAVY if m == h or m.startswith(h + ".")})
print(json.dumps({"status": status, "out": out.getvalue(), "heavy": heavy}))
"""


def probe(*args: str) -> dict:
    code = f"HEAVY = {HEAVY!r}\n{PROBE}"
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=60, check=True
    )
    return json.loads(result.stdout)


@pytest.mark.slow  # starts a process
def test_help_shows_each_commands_help_line_without_importing_django_or_the_web_stack():
    found = probe("--help")
    assert found["status"] == 0 and found["heavy"] == []
    for name in command_names():
        module = import_module(f"backstride.cli.management.commands.{name.replace('-', '_')}")
        line = next(line for line in found["out"].splitlines() if line.strip().startswith(name + " "))
        assert line.split(maxsplit=1)[1] == module.Command.help.split("\n")[0]


@pytest.mark.slow  # starts a process
@pytest.mark.parametrize(
    "args",
    [
        ["exercises", "--json"],
        ["exercises", "--help"],
        ["exercise", "dead-bug-heel-taps", "--json"],
        ["assess", "--answers", "examples/intake-sam.json", "--dry-run", "--json"],
    ],
    ids=["exercises", "exercises-help", "exercise", "assess-dry-run"],
)
def test_commands_that_need_no_database_run_without_importing_django(args):
    found = probe(*args)
    assert found["status"] == 0, found
    assert found["heavy"] == []
    if "--json" in args:
        assert json.loads(found["out"])


def test_the_help_table_lists_every_command_with_the_first_line_of_its_own_help():
    assert sorted(SUMMARIES) == command_names()
    for name in command_names():
        module = import_module(f"backstride.cli.management.commands.{name.replace('-', '_')}")
        assert SUMMARIES[name] == module.Command.help.split("\n")[0], name
