"""GET /history, and a record changed (PATCH) or deleted (DELETE) through the API, by its own runner only."""

import json

import pytest

from backstride.core.intake import RedFlags

from .conftest import PREFIX

pytestmark = pytest.mark.django_db
NO_FLAGS = dict.fromkeys(RedFlags.model_fields, False)


@pytest.fixture
def logged(sam_caller):
    for path, body in [
        ("/sessions", {"date": "2026-12-07", "pain_before": 2, "pain_during": 2, "pain_after": 2}),
        ("/checkins", {"date": "2026-12-08", "pain": 3, "stiffness": 2}),
        ("/runs", {"date": "2026-12-08", "km": 5, "minutes": 32, "pain_during": 2}),
    ]:
        assert sam_caller.post(path, body).status_code == 201
    return sam_caller


def send(caller, method: str, path: str, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {caller.token}"}
    data = json.dumps(body) if body is not None else ""
    return getattr(caller.client, method)(PREFIX + path, data, content_type="application/json", **headers)


def test_the_history_lists_every_record_newest_first(logged):
    records = logged.get("/history").json()
    assert [(r["kind"], r["date"]) for r in records] == [
        ("checkin", "2026-12-08"),
        ("run", "2026-12-08"),
        ("session", "2026-12-07"),
    ]


def test_deleting_a_session_answers_with_its_day_and_keeps_the_change_in_the_plan(logged):
    session = next(r for r in logged.get("/history").json() if r["kind"] == "session")
    response = send(logged, "delete", f"/history/session/{session['id']}")
    assert response.status_code == 200
    assert response.json() | {"paused": None} == {
        "kind": "session",
        "id": session["id"],
        "date": "2026-12-07",
        "change": "deleted",
        "paused": None,
    }
    assert "session" not in {r["kind"] for r in logged.get("/history").json()}
    reasons = [c["reason"] for c in logged.get("/plan/changes").json()["changes"]]
    assert any(r.startswith("You deleted your session log of 7 December 2026") for r in reasons)


def test_changing_a_run_and_bad_input_naming_its_field(logged):
    run = next(r for r in logged.get("/history").json() if r["kind"] == "run")
    assert send(logged, "patch", f"/history/run/{run['id']}", {"pain_during": 4}).status_code == 200
    refused = send(logged, "patch", f"/history/run/{run['id']}", {"pain_during": 11})
    assert refused.status_code == 422 and refused.json()["detail"][0]["field"] == "pain_during"
    assert next(r for r in logged.get("/history").json() if r["kind"] == "run")["pain_during"] == 4


def test_a_check_in_with_a_warning_sign_cannot_be_deleted(logged):
    flags = NO_FLAGS | {"fever_or_unwell": True}
    assert logged.post("/checkins", {"date": "2026-12-09", "pain": 3, "red_flags": flags}).status_code == 201
    row = next(r for r in logged.get("/history").json() if r["date"] == "2026-12-09")
    assert row["locked"] is True
    refused = send(logged, "delete", f"/history/checkin/{row['id']}")
    assert refused.status_code == 422 and refused.json()["detail"][0]["field"] == "red_flags"
    assert any(r["id"] == row["id"] for r in logged.get("/history").json())


def test_another_runners_record_is_not_found_and_a_clinician_is_refused(logged, alex_caller, linked_clinician):
    session = next(r for r in logged.get("/history").json() if r["kind"] == "session")
    assert send(alex_caller, "delete", f"/history/session/{session['id']}").status_code == 404
    assert send(linked_clinician, "delete", f"/history/session/{session['id']}").status_code == 403
    assert linked_clinician.get("/history").status_code == 403
    assert any(r["id"] == session["id"] for r in logged.get("/history").json() if r["kind"] == "session")
