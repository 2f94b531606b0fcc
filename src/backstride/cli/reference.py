"""The README's command reference, generated from the commands' own --help.

Run `python -m backstride.cli.reference --write` after changing a command; a test
fails while the README and --help disagree.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from pathlib import Path

START, END = "<!-- command-reference:start -->", "<!-- command-reference:end -->"
HELP_WIDTH = "100"


def _help_of(args: list[str]) -> str:
    from backstride.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main([*args, "--help"] if args else ["--help"])
    return out.getvalue().rstrip()


def generate() -> str:
    from backstride.cli.main import command_names

    os.environ["COLUMNS"] = HELP_WIDTH
    parts = ["```text", "$ backstride --help", _help_of([]), "```"]
    for name in command_names():
        parts += ["", f"### `backstride {name}`", "", "```text", _help_of([name]), "```"]
    return "\n".join(parts)


def replace_in(readme: str) -> str:
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    return pattern.sub(lambda _: f"{START}\n{generate()}\n{END}", readme)


def current_in(readme: str) -> str:
    return readme.split(START, 1)[1].split(END, 1)[0].strip()


if __name__ == "__main__":  # pragma: no cover
    path = Path(sys.argv[-1] if len(sys.argv) > 2 else "README.md")
    if "--write" in sys.argv:
        path.write_text(replace_in(path.read_text()))
    else:
        print(generate())
