"""Real programs through the API, every response checked against the OpenAPI document.

Generated requests rarely reach a flare-up, a pause or the maintenance phase; these runners
do, so each shape the reports can take is checked against its declared schema.
"""

import copy
import datetime as dt
import json

import pytest

from .conftest import EXAMPLES, PREFIX, clinician_account, runner_account
from .test_logging import NO_RED_FLAGS
from .test_schema import CHECKS, schema

pytestmark = pytest.mark.django_db(transaction=True)

START = dt.date(2026, 12, 7)  # a Monday


def call(caller, method: str, path: str, *, body=None, runner_id=None, **query):
    """One request through schemathesis, validated against the document; returns the JSON."""
    template = path.replace(str(runner_id), "{runner_id}") if runner_id else path
    operation = schema[PREFIX + template][method]
    case = operation.Case(
        query=query or None,
        body=body if body is not None else operation.Case().body,
        path_parameters={"runner_id": runner_id} if runner_id else None,
    )
    response = case.call_and_validate(headers={"Authorization": f"Bearer {caller.token}"}, checks=CHECKS)
    assert response.status_code < 300, response.text
    return response.json()


def morning_pain(n: int) -> int:
    return {16: 7, 17: 6, 18: 5}.get(n, 4 if n < 14 else 2)


def live(caller, n: int) -> None:
    """Day n of the program: the check-in, and the session or run that falls on it."""
    day = (START + dt.timedelta(days=n)).isoformat()
    call(caller, "POST", "/checkins", body={"date": day, "pain": morning_pain(n), "red_flags": NO_RED_FLAGS})
    if n % 7 in (0, 2, 4):
        pain = 1 if n > 3 else 3
        session = {"date": day, "pain_before": pain, "pain_during": pain, "pain_after": pain, "effort": 5}
        call(caller, "POST", "/sessions", body=session)
    elif n % 7 in (1, 3):
        call(caller, "POST", "/runs", body={"date": day, "km": 4, "minutes": 26, "pain_during": 1})


def read_everything(runner, clinician, n: int) -> dict:
    day = (START + dt.timedelta(days=n)).isoformat()
    rid = runner.runner.pk
    for path in ("/today", "/plan", "/progress"):
        call(runner, "GET", path, date=day)
        call(clinician, "GET", f"/clinic/runners/{rid}{path}", runner_id=rid, date=day)
    for path in ("/sessions", "/checkins", "/runs", "/me"):
        call(runner, "GET", path)
    call(clinician, "GET", "/clinic/runners")
    return call(runner, "GET", "/today", date=day)


@pytest.fixture
def sam_with_outcomes(sam):
    sam["pain"] |= {"now": 5, "worst_last_week": 6}
    sam["endurance"] = {
        "flexor_seconds": 60,
        "extensor_seconds": 80,
        "side_right_seconds": 40,
        "side_left_seconds": 35,
        "variant": "home",
    }
    sam["psfs"] = [{"activity": "run 10 km", "score": 4}, {"activity": "sit through a film", "score": 6}]
    runner = runner_account("sam", sam)
    return runner, clinician_account("dr-okafor", runner.runner)


def test_a_flare_up_maintenance_and_a_pause_all_match_the_document(sam_with_outcomes):
    runner, clinician = sam_with_outcomes
    for n in range(0, 21):
        live(runner, n)
        if n in (0, 9, 16, 20):
            read_everything(runner, clinician, n)
    assert read_everything(runner, clinician, 17)["phase"] == "settle_down"

    for n in range(63, 71):  # week 10, after a gap: maintenance, with nudges for the missed weeks
        live(runner, n)
    assert read_everything(runner, clinician, 70)["phase"] == "maintenance"

    flags = NO_RED_FLAGS | {"history_of_cancer": True}
    answer = call(runner, "POST", "/checkins", body={"date": "2027-02-16", "pain": 2, "red_flags": flags})
    assert answer["paused"]["status"] == "refer_urgent"
    assert read_everything(runner, clinician, 72)["phase"] == "paused"


def test_a_walk_run_return_matches_the_document(sam):
    priya = json.loads((EXAMPLES / "intake-stopped-running.json").read_text())
    runner = runner_account("priya", copy.deepcopy(priya))
    clinician = clinician_account("dr-okafor", runner.runner)
    for n in range(0, 15):
        live(runner, n)
    today = read_everything(runner, clinician, 14)
    assert today["running"]["status"] == "stopped_due_to_pain"
