"""The `backstride` command end to end: real processes, real exit codes, no tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from backstride.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backstride", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


@pytest.mark.slow  # starts a process
def test_assess_dry_run_json_prints_the_contract_with_a_full_plan():
    result = run("assess", "--answers", "examples/intake-sam.json", "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["screening"]["status"] == "clear"
    assert set(out["startback"]) == {"total", "psychosocial", "risk"}
    assert set(out["odi"]) == {"percent", "band", "answered_sections"}
    assert out["profile"]["directional_preference"] == "flexion_sensitive"
    plan = out["plan"]
    assert plan["start_date"] == "2026-12-07" and len(plan["weeks"]) == 8
    for week in plan["weeks"]:
        assert {"number", "phase", "sessions", "running"} <= set(week)
        for session in week["sessions"]:
            assert {"date", "kind", "minutes", "exercises"} <= set(session)
            for e in session["exercises"]:
                assert {"slug", "sets", "per_side"} <= set(e)
                assert {"reps", "hold_seconds", "minutes", "metres"} & set(e)
    assert plan["maintenance"]["from_week"] == 9


@pytest.mark.slow  # starts a process
def test_an_emergency_red_flag_prints_refer_emergency_a_plain_message_and_no_plan():
    result = run("assess", "--answers", "examples/intake-emergency.json", "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["screening"]["status"] == "refer_emergency"
    assert "emergency department today" in out["screening"]["message"]
    assert out["plan"] is None


@pytest.mark.slow  # starts a process
def test_exercises_json_lists_the_library_with_the_contract_fields():
    result = run("exercises", "--json")
    assert result.returncode == 0
    items = json.loads(result.stdout)
    assert len(items) >= 60
    assert {"slug", "name", "category", "level", "equipment", "spine_loading", "progression", "regression"} <= set(
        items[0]
    )
    names = {i["name"] for i in items}
    assert {
        "Cross Body Stretch",
        "Hip Combo Stretch",
        "Alternate T Plank",
        "Bird Dog",
        "Plank with Knee Lifts",
        "Wall Press with Rotations",
    } <= names


@pytest.mark.slow  # starts a process
@pytest.mark.parametrize(
    "content,message",
    [
        ('{"runner": ', "intake: is not valid JSON"),
        ("[1, 2]", "intake: must be a JSON object"),
    ],
)
def test_malformed_intake_gets_one_clear_line_and_status_2(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = run("assess", "--answers", str(bad), "--dry-run")
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.slow  # starts a process
@pytest.mark.parametrize(
    "path,value,message",
    [
        (("pain", "now"), 11, "pain.now: must be from 0 to 10 (got 11)"),
        (
            ("running", "status"),
            "jogging",
            "running.status: must be one of: running_pain_free, running_with_pain or stopped_due_to_pain "
            "(got 'jogging')",
        ),
        (("red_flags", "osteoporosis"), None, "red_flags.osteoporosis: is required but missing"),
    ],
)
def test_a_bad_field_is_named_with_status_2_and_no_traceback(tmp_path, path, value, message):
    data = json.loads((EXAMPLES / "intake-sam.json").read_text())
    if value is None:
        del data[path[0]][path[1]]
    else:
        data[path[0]][path[1]] = value
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    result = run("assess", "--answers", str(bad), "--dry-run", "--json")
    assert result.returncode == 2
    # one line on standard error, the whole message and nothing else (so no traceback), and nothing printed
    assert result.stderr == f"backstride: error: {message}\n"
    assert result.stdout == ""


def test_a_missing_answers_file_is_named(capsys):
    assert main(["assess", "--answers", "no-such-file.json", "--dry-run"]) == 2
    assert "--answers: no such file: no-such-file.json" in capsys.readouterr().err


def test_an_unknown_command_that_looks_like_no_command_lists_the_commands(capsys):
    assert main(["xyzzy"]) == 2
    assert "unknown command 'xyzzy'; commands are: assess" in capsys.readouterr().err


def test_an_unknown_category_lists_the_categories(capsys):
    assert main(["exercises", "--category", "core"]) == 2
    err = capsys.readouterr().err
    assert "--category: must be one of: mobility, stretch" in err


def test_one_category_lists_only_that_category(capsys):
    assert main(["exercises", "--category", "stretch", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items and {i["category"] for i in items} == {"stretch"}


def test_an_unknown_exercise_suggests_the_closest_slugs(capsys):
    assert main(["exercise", "bird-dgo"]) == 2
    assert "did you mean: bird-dog" in capsys.readouterr().err


def test_exercise_json_gives_the_whole_instruction_set(capsys):
    assert main(["exercise", "bird-dog", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["name"] == "Bird Dog" and d["stop_if"] and d["cues"] and d["dosage"]["steps"]


def test_exercise_human_output_shows_the_instructions(capsys):
    assert main(["exercise", "wall-press-rotations"]) == 0
    out = capsys.readouterr().out
    assert "Wall Press with Rotations" in out and "Stop if" in out


def test_assess_human_output_shows_screening_scores_and_every_week(capsys):
    assert main(["assess", "--answers", str(EXAMPLES / "intake-sam.json"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Screening: clear" in out and "22 % (moderate)" in out
    for n in range(1, 9):
        assert f"Week {n} (" in out
    assert "From week 9" in out


def test_assess_human_output_for_a_red_flag_says_there_is_no_plan(capsys):
    assert main(["assess", "--answers", str(EXAMPLES / "intake-emergency.json"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Screening: emergency referral" in out and "No plan" in out and "Week 1" not in out


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("intake-*.json")))
def test_every_shipped_example_is_a_valid_intake(capsys, example):
    assert main(["assess", "--answers", str(EXAMPLES / example), "--dry-run", "--json"]) == 0
    json.loads(capsys.readouterr().out)
