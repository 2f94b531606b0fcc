"""`backstride history`: the records listed, one deleted or changed, and bad input refused in one line."""

import json

import pytest

from backstride.cli.main import main

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def logged(capsys, tmp_path, sam):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(sam))
    assert main(["start", "--answers", str(path)]) == 0
    assert main(["checkin", "--pain", "3", "--date", "2026-12-07", "--no-red-flags"]) == 0
    assert main(["log", "session", "--as-planned", "--pain-during", "2", "--date", "2026-12-07"]) == 0
    assert main(["log", "run", "--km", "5", "--minutes", "30", "--pain-during", "1", "--date", "2026-12-08"]) == 0
    capsys.readouterr()


def listed(capsys) -> list[dict]:
    assert main(["history", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["records"]


def test_the_history_lists_every_record_newest_first(capsys, logged):
    records = listed(capsys)
    assert [(r["kind"], r["date"]) for r in records] == [
        ("run", "2026-12-08"),
        ("checkin", "2026-12-07"),
        ("session", "2026-12-07"),
    ]
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "Tuesday 2026-12-08" in out and "run 5 km in 30 min, pain 1/10 during" in out


def test_deleting_a_session_removes_it_and_keeps_the_change_in_the_plan(capsys, logged):
    session = next(r for r in listed(capsys) if r["kind"] == "session")
    assert main(["history", "delete", "session", str(session["id"]), "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["deleted"] == {"kind": "session", "id": session["id"], "date": "2026-12-07"}
    assert "session" not in {r["kind"] for r in listed(capsys)}
    assert main(["plan", "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert any(c["reason"].startswith("You deleted your session log of 7 December 2026") for c in changes)


def test_editing_a_check_in_changes_its_pain(capsys, logged):
    morning = next(r for r in listed(capsys) if r["kind"] == "checkin")
    assert main(["history", "edit", "checkin", str(morning["id"]), "--pain", "5"]) == 0
    assert "Changed checkin" in capsys.readouterr().out
    assert next(r for r in listed(capsys) if r["kind"] == "checkin")["pain"] == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["delete", "session", "999"], "backstride: error: id: you have no session numbered 999\n"),
        (["delete"], "backstride: error: kind: say which record to delete: backstride history delete KIND ID\n"),
        (["edit", "checkin", "{checkin}", "--pain", "11"], "backstride: error: pain: "),
        (["edit", "checkin", "{checkin}"], "backstride: error: edit: say what to change"),
        (["edit", "run", "{run}", "--rating", "x"], "backstride: error: --rating: write it as ACTIVITY=N"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_stores_nothing(capsys, logged, args, message):
    before = listed(capsys)
    ids = {r["kind"]: r["id"] for r in before}
    code = main(["history", *[a.format(**ids) for a in args]])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1
    assert listed(capsys) == before
