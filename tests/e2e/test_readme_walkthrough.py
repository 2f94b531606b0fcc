"""The README's week with backstride, run line by line as a new user would, in a fresh database.

The commands run in this process (the command line's own entry point, on the test database), so the
week takes seconds; tests/e2e/test_cli.py and test_serve_and_demo.py start real processes.
"""

import shlex
from pathlib import Path

import pytest

from backstride.cli.main import main

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True)


def walkthrough() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- walkthrough:start -->", 1)[1].split("<!-- walkthrough:end -->", 1)[0]
    return [shlex.split(line)[1:] for line in block.splitlines() if line.startswith("backstride ")]


def test_a_new_user_can_follow_the_readme_through_a_week_and_see_why_the_plan_changed(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)  # the example files are named relative to the checkout, as in the README
    monkeypatch.setenv("COLUMNS", "140")
    outputs = []
    for args in walkthrough():
        code = main(args)
        out, err = capsys.readouterr()
        assert code == 0, (args, err)
        assert "Traceback" not in err
        outputs.append(out)
    assert len(outputs) == 13
    today, plan = outputs[-3], outputs[-2]
    assert "held at" in today and "pain 4/10 during Friday's session" in today
    assert "What changed and why" in plan and "pain 4/10 during Friday's session" in plan
