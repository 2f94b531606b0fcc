"""Safety scenarios replayed day by day through the command line and the API, as a runner logs them."""

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


def start(capsys, tmp_path, intake: dict) -> dt.date:
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(intake))
    cli(capsys, "start", "--answers", str(path))
    return dt.date.fromisoformat(intake["start_date"])


def on(start_day: dt.date, n: int) -> str:
    return (start_day + dt.timedelta(days=n)).isoformat()


def test_leg_symptoms_at_a_quiet_check_in_pause_today_and_the_plan_then_a_second_morning_escalates(
    capsys, tmp_path, sam
):
    start_day = start(capsys, tmp_path, sam)
    cli(capsys, "log", "session", "--date", on(start_day, 0), "--as-planned", "--pain-during", "1", "--effort", "4")
    cli(capsys, "checkin", "--date", on(start_day, 1), "--pain", "3")
    first = cli(capsys, "checkin", "--date", on(start_day, 2), "--pain", "3", "--leg-symptoms")
    assert first["paused"]["status"] == "refer_urgent" and first["paused"]["cause"] == "leg_symptoms"

    today = cli(capsys, "today", "--date", on(start_day, 2))
    assert (today["phase"], today["session"], today["running"]["mode"]) == ("paused", None, "paused")
    assert "within the next few days" in today["paused"]["message"]
    plan = cli(capsys, "plan", "--date", on(start_day, 2))
    assert plan["paused"]["reasons"] == ["new leg symptoms at the morning check-in"]

    second = cli(capsys, "checkin", "--date", on(start_day, 3), "--pain", "3", "--leg-symptoms")
    assert second["paused"]["status"] == "refer_emergency"
    assert "emergency department" in second["paused"]["message"]


def test_leg_weakness_at_check_in_is_an_emergency_at_once(capsys, tmp_path, sam):
    start_day = start(capsys, tmp_path, sam)
    result = cli(capsys, "checkin", "--date", on(start_day, 1), "--pain", "2", "--leg-weakness")
    assert result["paused"]["status"] == "refer_emergency"
    assert "weakness in a leg" in result["paused"]["reasons"]


def test_a_flare_up_that_does_not_settle_stays_paused_until_mornings_settle(capsys, tmp_path, sam):
    start_day = start(capsys, tmp_path, sam)
    cli(capsys, "checkin", "--date", on(start_day, 0), "--pain", "3")
    cli(capsys, "checkin", "--date", on(start_day, 1), "--pain", "7")
    for n in range(2, 9):
        cli(capsys, "checkin", "--date", on(start_day, n), "--pain", "6", "--no-red-flags")
    today = cli(capsys, "today", "--date", on(start_day, 9))
    assert today["phase"] == "paused" and today["paused"]["cause"] == "pain_not_settling"
    assert today["session"] is None and today["running"]["mode"] == "paused"
    cli(capsys, "checkin", "--date", on(start_day, 10), "--pain", "3")
    resumed = cli(capsys, "today", "--date", on(start_day, 10))
    assert resumed["paused"] is None and resumed["phase"] != "settle_down"
    assert any("back near your usual" in c["reason"] for c in resumed["recent_changes"])


def test_a_runner_who_stopped_walks_until_their_own_check_ins_allow_walk_run(capsys, tmp_path):
    from tests.conftest import EXAMPLES

    intake = json.loads((EXAMPLES / "intake-stopped-running.json").read_text())
    intake["running"]["walk_30_min_comfortable"] = False
    start_day = start(capsys, tmp_path, intake)
    first_run_day = cli(capsys, "plan", "--date", on(start_day, 0))["weeks"][2]["running"]["runs"][0]["date"]
    day = dt.date.fromisoformat(first_run_day)
    today = cli(capsys, "today", "--date", day.isoformat())
    assert today["running"]["mode"] == "walk" and today["running"]["runs_today"] == []
    assert "30-minute walk" in today["running"]["summary"]

    for n in range(3):
        cli(capsys, "checkin", "--date", (day + dt.timedelta(days=n)).isoformat(), "--pain", "2", "--no-red-flags")
    walk = (day + dt.timedelta(days=1)).isoformat()
    cli(capsys, "log", "run", "--walk", "--date", walk, "--km", "3", "--minutes", "32", "--pain-during", "1")
    cli(capsys, "checkin", "--date", (day + dt.timedelta(days=3)).isoformat(), "--pain", "2")
    ready = cli(capsys, "today", "--date", (day + dt.timedelta(days=3)).isoformat())
    assert ready["running"]["mode"] == "walk_run" and ready["running"]["stage"] == 1


def test_a_session_that_hurt_above_five_afterwards_moves_nothing_up(capsys, tmp_path, sam):
    start_day = start(capsys, tmp_path, sam)
    for n in (0, 2, 4):
        cli(
            capsys,
            "log",
            "session",
            "--date",
            on(start_day, n),
            "--as-planned",
            "--pain-during",
            "1",
            "--pain-after",
            "6",
            "--effort",
            "4",
        )
        cli(capsys, "checkin", "--date", on(start_day, n + 1), "--pain", "3")
    changes = cli(capsys, "plan", "--date", on(start_day, 7))["changes"]
    assert not [c for c in changes if c["kind"] == "progress"]
    assert any("pain 6/10 after" in c["reason"] for c in changes)


def test_the_api_shows_a_leg_symptom_pause_to_the_runner(sam):
    from tests.api.conftest import runner_account

    caller = runner_account("sam", sam)
    start_day = dt.date.fromisoformat(sam["start_date"])
    response = caller.post("/checkins", {"date": on(start_day, 1), "pain": 3, "leg_symptoms": True})
    assert response.status_code == 201, response.content
    assert response.json()["paused"]["status"] == "refer_urgent"
    today = caller.get("/today", date=on(start_day, 1)).json()
    assert today["paused"]["cause"] == "leg_symptoms" and today["session"] is None
