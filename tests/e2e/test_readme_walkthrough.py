"""The README's week with backstride, run line by line as a new user would, in a fresh database."""

import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def walkthrough() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- walkthrough:start -->", 1)[1].split("<!-- walkthrough:end -->", 1)[0]
    return [shlex.split(line)[1:] for line in block.splitlines() if line.startswith("backstride ")]


def test_a_new_user_can_follow_the_readme_through_a_week_and_see_why_the_plan_changed(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "BACKSTRIDE_DB": str(tmp_path / "walk.sqlite3"),
        "BACKSTRIDE_CACHE_DIR": str(tmp_path / "cache"),
        "COLUMNS": "140",
    }
    outputs = []
    for args in walkthrough():
        result = subprocess.run(
            [sys.executable, "-m", "backstride", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr
        outputs.append(result.stdout)
    assert len(outputs) == 13
    today, plan = outputs[-3], outputs[-2]
    assert "held at" in today and "pain 4/10 during Friday's session" in today
    assert "What changed and why" in plan and "pain 4/10 during Friday's session" in plan
