"""Posting a session, check-in or run stores it and answers with what the adaptation changed."""

import json

import pytest

from backstride.core.intake import RedFlags
from backstride.runners import models as m

from .conftest import EXAMPLES

pytestmark = pytest.mark.django_db

NO_RED_FLAGS = {name: False for name in RedFlags.model_fields}


def as_planned(day: str, pain: int, effort: int) -> dict:
    return {
        "date": day,
        "as_planned": True,
        "pain_before": pain,
        "pain_during": pain,
        "pain_after": pain,
        "effort": effort,
    }


def sams_first_week(caller) -> list[dict]:
    """The README's walkthrough, through the API; Friday's session hurts 4/10."""
    steps = [
        ("/sessions", as_planned("2026-12-07", 2, 5)),
        ("/checkins", {"date": "2026-12-08", "pain": 3, "stiffness": 2}),
        ("/runs", {"date": "2026-12-08", "km": 5, "minutes": 32, "pain_during": 2}),
        ("/sessions", json.loads((EXAMPLES / "session-log.json").read_text())),
        ("/checkins", {"date": "2026-12-10", "pain": 3}),
        ("/sessions", as_planned("2026-12-11", 4, 6)),
        ("/checkins", {"date": "2026-12-12", "pain": 3}),
    ]
    answers = []
    for path, body in steps:
        response = caller.post(path, body)
        assert response.status_code == 201, (path, response.content)
        answers.append(response.json())
    return answers


def stored() -> tuple:
    return (
        m.SessionLog.objects.count(),
        m.ExerciseLog.objects.count(),
        m.CheckIn.objects.count(),
        m.RunLog.objects.count(),
        m.Decision.objects.count(),
    )


def test_a_session_log_is_stored_with_every_exercise_reported(sam_caller):
    log = json.loads((EXAMPLES / "session-log.json").read_text())
    response = sam_caller.post("/sessions", log)
    assert response.status_code == 201
    assert response.json() == {"date": "2026-12-09", "changes": [], "paused": None}
    [listed] = sam_caller.get("/sessions").json()
    assert listed["date"] == "2026-12-09" and listed["note"] == log["note"] and listed["as_planned"] is False
    assert [e["slug"] for e in listed["exercises"]] == [e["slug"] for e in log["exercises"]]
    assert listed["exercises"][11] == {
        "slug": "kneeling-hip-flexor-stretch",
        "completed": False,
        "sets": None,
        "reps": None,
        "hold_seconds": None,
        "pain": 1,
    }


def test_the_first_week_stores_each_log_and_mondays_check_in_returns_the_holds(sam_caller):
    answers = sams_first_week(sam_caller)
    assert all(a["changes"] == [] and a["paused"] is None for a in answers)
    assert stored()[:4] == (3, 13, 3, 1)

    monday = sam_caller.post("/checkins", {"date": "2026-12-14", "pain": 3, "red_flags": NO_RED_FLAGS})
    assert monday.status_code == 201
    reasons = [c["reason"] for c in monday.json()["changes"]]
    assert "Four-Point Leg Slide held at 1 × 6 reps: pain 4/10 during Friday's session" in reasons
    assert all(c["date"] == "2026-12-14" and c["kind"] == "hold" for c in monday.json()["changes"])
    assert m.Decision.objects.filter(runner=sam_caller.runner, kind="hold").count() == len(reasons)


def test_a_run_is_stored_and_listed(sam_caller):
    run = {"date": "2026-12-08", "km": 5.2, "minutes": 33.5, "pain_during": 2, "pain_after": 1}
    assert sam_caller.post("/runs", run).status_code == 201
    [listed] = sam_caller.get("/runs").json()
    assert {k: listed[k] for k in run} == run


def test_lists_can_be_limited_to_a_span_of_days(sam_caller):
    sams_first_week(sam_caller)
    dates = [s["date"] for s in sam_caller.get("/sessions", since="2026-12-08", until="2026-12-10").json()]
    assert dates == ["2026-12-09"]
    assert [c["date"] for c in sam_caller.get("/checkins", since="2026-12-10").json()] == ["2026-12-10", "2026-12-12"]


def test_the_weekly_red_flag_questions_must_come_with_the_check_in_when_due(sam_caller):
    sams_first_week(sam_caller)
    before = stored()
    response = sam_caller.post("/checkins", {"date": "2026-12-14", "pain": 3})
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["field"] == "red_flags" and "the weekly red-flag questions are due" in problem["message"]
    assert stored() == before
    assert sam_caller.get("/today", date="2026-12-14").json()["checkin"] == {"due": True, "red_flags_due": True}


def test_a_positive_red_flag_pauses_the_program_and_says_whom_to_see(sam_caller):
    flags = NO_RED_FLAGS | {"bladder_or_bowel_change": True}
    response = sam_caller.post("/checkins", {"date": "2026-12-08", "pain": 4, "red_flags": flags})
    assert response.status_code == 201
    paused = response.json()["paused"]
    assert paused["status"] == "refer_emergency" and "emergency department today" in paused["message"]
    assert [c["kind"] for c in response.json()["changes"]] == ["pause"]
    today = sam_caller.get("/today", date="2026-12-09").json()
    assert today["phase"] == "paused" and today["session"] is None and today["running"]["mode"] == "paused"
    [listed] = sam_caller.get("/checkins").json()
    assert listed["red_flag_status"] == "refer_emergency" and listed["red_flags"]["bladder_or_bowel_change"]


def test_a_second_check_in_on_the_same_morning_is_refused(sam_caller):
    assert sam_caller.post("/checkins", {"date": "2026-12-08", "pain": 3}).status_code == 201
    response = sam_caller.post("/checkins", {"date": "2026-12-08", "pain": 2})
    assert response.status_code == 422
    assert response.json() == {"detail": [{"field": "date", "message": "there is already a check-in for 2026-12-08"}]}
    assert sam_caller.get("/checkins").json()[0]["pain"] == 3


SESSION = as_planned("2026-12-07", 2, 5)
CHECKIN = {"date": "2026-12-08", "pain": 3}
RUN = {"date": "2026-12-08", "km": 5, "minutes": 32, "pain_during": 2}


@pytest.mark.parametrize(
    "path,body,field,message",
    [
        ("/sessions", SESSION | {"pain_during": 11}, "pain_during", "must be from 0 to 10 (got 11)"),
        ("/sessions", SESSION | {"pian_during": 2}, "pian_during", "is not a known field (check the spelling)"),
        ("/sessions", SESSION | {"date": "07/12/2026"}, "date", "must be a date written YYYY-MM-DD (got '07/12/2026')"),
        ("/sessions", {k: v for k, v in SESSION.items() if k != "date"}, "date", "is required but missing"),
        ("/sessions", SESSION | {"exercises": [{"slug": "bird-dog", "pain": 11}]}, "exercises.0.pain", "10 (got 11)"),
        ("/sessions", SESSION | {"note": "ok\x00"}, "note", "must not contain the NUL character"),
        ("/sessions", SESSION | {"date": "1999-12-31"}, "date", "must be from 2000-01-01 to 2099-12-31"),
        ("/sessions", [SESSION], "session log", "must be a JSON object"),
        ("/sessions", "{not json", "body", "is not valid JSON"),
        ("/checkins", CHECKIN | {"pain": 11}, "pain", "must be from 0 to 10 (got 11)"),
        ("/checkins", CHECKIN | {"mood": 3}, "mood", "is not a known field"),
        ("/checkins", CHECKIN | {"date": "2026-13-01"}, "date", "must be a date written YYYY-MM-DD"),
        ("/checkins", CHECKIN | {"red_flags": {"saddle_numbness": "no"}}, "red_flags.saddle_numbness", "true or false"),
        ("/runs", RUN | {"km": -1}, "km", "must be from 0 to 300 (got -1)"),
        ("/runs", RUN | {"minutes": 0}, "minutes", "must be from more than 0 to 1800 (got 0)"),
        ("/runs", RUN | {"pace": 6}, "pace", "is not a known field"),
        ("/runs", RUN | {"date": "yesterday"}, "date", "must be a date written YYYY-MM-DD"),
    ],
)
def test_bad_input_is_422_naming_the_field_and_stores_nothing(sam_caller, path, body, field, message):
    before = stored()
    response = sam_caller.post(path, body)
    assert response.status_code == 422, response.content
    [problem] = response.json()["detail"]
    assert problem["field"] == field and message in problem["message"], problem
    assert stored() == before


@pytest.mark.parametrize(
    "path,params,field",
    [
        ("/today", {"date": "tomorrow"}, "date"),
        ("/plan", {"date": "2026-02-30"}, "date"),
        ("/progress", {"date": "9999-12-31"}, "date"),
        ("/sessions", {"since": "last week"}, "since"),
        ("/runs", {"until": "2026-1-1x"}, "until"),
    ],
)
def test_a_bad_query_parameter_is_422_naming_it(sam_caller, path, params, field):
    response = sam_caller.get(path, **params)
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["field"] == field
