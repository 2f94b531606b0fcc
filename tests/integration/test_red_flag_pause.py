"""A positive red flag at a weekly check-in pauses everything and says whom to see."""

import datetime as dt
import json

import pytest

from backstride.cli.main import main

pytestmark = pytest.mark.django_db(transaction=True)


def cli(capsys, *args: str, expect: int = 0) -> dict:
    code = main([*args, "--json"])
    out, err = capsys.readouterr()
    assert code == expect, err
    return json.loads(out) if out else {"stderr": err}


@pytest.fixture
def started(capsys, tmp_path, sam):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(sam))
    cli(capsys, "start", "--answers", str(path))
    return dt.date.fromisoformat(sam["start_date"])


def test_a_red_flag_at_the_week_two_check_in_pauses_the_program(capsys, started):
    for n in range(0, 7):
        cli(capsys, "checkin", "--date", (started + dt.timedelta(days=n)).isoformat(), "--pain", "3")
    week2 = started + dt.timedelta(days=7)
    result = cli(capsys, "checkin", "--date", week2.isoformat(), "--pain", "4", "--flag", "bladder_or_bowel_change")
    assert result["paused"]["status"] == "refer_emergency"
    assert "emergency department today" in result["paused"]["message"]

    today = cli(capsys, "today", "--date", (week2 + dt.timedelta(days=2)).isoformat())
    assert today["phase"] == "paused" and today["session"] is None
    assert today["running"]["mode"] == "paused"
    assert today["paused"]["date"] == week2.isoformat()
    changes = cli(capsys, "plan", "--date", week2.isoformat())["changes"]
    assert [c["kind"] for c in changes if c["date"] == week2.isoformat()] == ["pause"]


def test_the_weekly_red_flag_questions_must_be_answered_when_due(capsys, started):
    cli(capsys, "checkin", "--date", started.isoformat(), "--pain", "3")
    due = (started + dt.timedelta(days=7)).isoformat()
    err = cli(capsys, "checkin", "--date", due, "--pain", "3", expect=2)["stderr"]
    assert "red_flags: the weekly red-flag questions are due" in err
    assert cli(capsys, "today", "--date", due)["checkin"] == {"due": True, "red_flags_due": True}


def test_a_clinician_clearance_resumes_a_paused_program(capsys, started):
    cli(capsys, "checkin", "--date", started.isoformat(), "--pain", "3", "--flag", "history_of_cancer")
    assert cli(capsys, "today", "--date", started.isoformat())["phase"] == "paused"
    later = (started + dt.timedelta(days=3)).isoformat()
    cli(capsys, "clear-referral", "--date", later, "--note", "Seen by Dr Okafor: no concerns")
    today = cli(capsys, "today", "--date", later)
    assert today["paused"] is None
    assert any("Seen by Dr Okafor" in c["reason"] for c in today["recent_changes"])


def test_starting_with_a_red_flag_stores_the_assessment_but_no_plan(capsys, tmp_path, sam):
    from backstride.runners.models import Assessment, Plan, Runner

    sam["red_flags"]["saddle_numbness"] = True
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(sam))
    result = cli(capsys, "start", "--answers", str(path), expect=3)
    assert result["screening"]["status"] == "refer_emergency" and result["plan"] is None
    assert Runner.objects.count() == 1 and Assessment.objects.count() == 1 and Plan.objects.count() == 0
    err = cli(capsys, "today", expect=2)["stderr"]
    assert "has no plan (screening: refer_emergency)" in err


def test_a_reassessment_keeps_the_earlier_assessment_and_plan_as_history(capsys, started, tmp_path, sam):
    from backstride.runners.models import Assessment, Plan

    sam["pain"]["now"] = 1
    sam["start_date"] = "2027-01-04"
    path = tmp_path / "again.json"
    path.write_text(json.dumps(sam))
    cli(capsys, "start", "--answers", str(path), "--runner", "Sam Rivera")
    assert Assessment.objects.count() == 2
    assert list(Plan.objects.order_by("id").values_list("active", flat=True)) == [False, True]
    assert cli(capsys, "today", "--date", "2027-01-04")["week"] == 1


def test_the_weekly_questions_are_asked_on_screen_when_a_person_is_there(capsys, started, monkeypatch):
    import sys

    answers = iter(["n"] * 4 + ["maybe", "y"] + ["n"] * 10)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda: next(answers))
    result = cli(capsys, "checkin", "--date", (started + dt.timedelta(days=7)).isoformat(), "--pain", "3")
    assert result["paused"]["status"] == "refer_emergency"  # leg weakness getting worse
