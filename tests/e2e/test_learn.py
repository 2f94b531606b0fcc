"""`backstride learn` end to end: the lessons without a database, and a runner's lesson of the day."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backstride.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
START = dt.date(2026, 12, 7)  # Sam's first day, a Monday


def run_without_a_database(*args: str) -> subprocess.CompletedProcess:
    """A database the process could never open, so any attempt to use one fails loudly."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["BACKSTRIDE_DB"] = "/proc/no-such-folder/backstride.sqlite3"
    return subprocess.run(
        [sys.executable, "-m", "backstride", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )


def test_learn_json_lists_every_lesson_with_its_weeks_and_needs_no_database():
    result = run_without_a_database("learn", "--json")
    assert result.returncode == 0, result.stderr
    lessons = json.loads(result.stdout)
    assert len(lessons) >= 6
    assert set(lessons[0]) == {"slug", "title", "summary", "week", "week_for_higher_risk", "maintenance"}
    assert lessons[0] == {
        "slug": "hurt-is-not-harm",
        "title": "Hurt is not harm",
        "summary": lessons[0]["summary"],
        "week": 1,
        "week_for_higher_risk": 1,
        "maintenance": True,
    }
    assert "one-session-a-week-for-good" in {x["slug"] for x in lessons}


def test_learn_slug_json_prints_the_whole_lesson_with_its_sources():
    result = run_without_a_database("learn", "running-and-your-back", "--json")
    assert result.returncode == 0, result.stderr
    lesson = json.loads(result.stdout)
    assert lesson["title"] == "Running and your back"
    assert len(lesson["body"]) >= 2 and 2 <= len(lesson["key_points"]) <= 4
    assert "Nielsen et al. 2014" in lesson["sources"]
    assert lesson["licence"] == "CC-BY-4.0"


def test_an_unknown_lesson_is_one_line_naming_the_slugs_with_status_2():
    result = run_without_a_database("learn", "hurt-is-harm")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("backstride: error: slug: no lesson called 'hurt-is-harm'; must be one of: ")
    assert "hurt-is-not-harm" in lines[0] and "pacing-and-flare-ups" in lines[0]


def test_a_lesson_reads_as_text_with_its_key_points_and_sources(capsys):
    assert main(["learn", "hurt-is-not-harm"]) == 0
    out = capsys.readouterr().out
    assert "Hurt is not harm" in out and "Key points" in out and "Silbernagel" in out


@pytest.fixture
def sam_started(capsys, tmp_path, sam):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(sam))
    assert main(["start", "--answers", str(path), "--json"]) == 0
    capsys.readouterr()


@pytest.mark.django_db(transaction=True)
def test_a_runners_lessons_list_the_unlocked_ones_first_and_mark_today(capsys, sam_started):
    week3 = (START + dt.timedelta(weeks=2)).isoformat()
    assert main(["learn", "--date", week3, "--json"]) == 0
    lessons = json.loads(capsys.readouterr().out)
    assert [x["slug"] for x in lessons if x["unlocked"]] == [
        "hurt-is-not-harm",
        "pacing-and-flare-ups",
        "running-and-your-back",
    ]
    assert [x["unlocked"] for x in lessons[:4]] == [True, True, True, False]
    assert [x["slug"] for x in lessons if x["today"]] == ["running-and-your-back"]


@pytest.mark.django_db(transaction=True)
def test_today_names_the_lesson_of_the_day_as_text_and_json(capsys, sam_started):
    week2 = (START + dt.timedelta(weeks=1)).isoformat()
    assert main(["today", "--date", week2]) == 0
    assert "Read today: Pacing and your flare-up plan (backstride learn pacing-and-flare-ups)" in (
        capsys.readouterr().out
    )
    assert main(["today", "--date", week2, "--json"]) == 0
    lesson = json.loads(capsys.readouterr().out)["lesson"]
    assert lesson["slug"] == "pacing-and-flare-ups" and lesson["title"] == "Pacing and your flare-up plan"
    assert set(lesson) == {"slug", "title", "summary"}


@pytest.mark.django_db(transaction=True)
def test_a_paused_program_offers_no_lesson(capsys, sam_started):
    week2 = (START + dt.timedelta(weeks=1)).isoformat()
    assert main(["checkin", "--date", week2, "--pain", "4", "--flag", "bladder_or_bowel_change", "--json"]) == 0
    capsys.readouterr()
    assert main(["today", "--date", week2, "--json"]) == 0
    today = json.loads(capsys.readouterr().out)
    assert today["phase"] == "paused" and today["lesson"] is None


@pytest.mark.django_db(transaction=True)
def test_today_before_the_program_starts_says_when_it_starts_instead_of_week_0(capsys, sam_started):
    before = (START - dt.timedelta(days=3)).isoformat()
    assert main(["today", "--date", before]) == 0
    out = capsys.readouterr().out
    assert f"before week 1 (your program starts on {START.isoformat()})" in out and "week 0" not in out
