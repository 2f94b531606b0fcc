"""Reading is the reports and serializers as JSON, and a plain GET never writes."""

import datetime as dt
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backstride.api.schemas.reports import PLAN_CHANGES
from backstride.cli.serialize import exercise_detail, exercise_summary
from backstride.core.library import load_library
from backstride.runners.reports import plan_view, progress_view, today_view

from .test_logging import sams_first_week

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 12, 12)
VIEWS = ["today", "plan", "progress"]


def as_json(data) -> object:
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def test_today_plan_and_progress_are_the_reports_unchanged(sam_caller, linked_clinician):
    sams_first_week(sam_caller)
    runner = sam_caller.runner
    for path, report in [("/today", today_view), ("/plan", plan_view), ("/progress", progress_view)]:
        expected = as_json(report(runner, DAY))
        if path == "/plan":  # the plan's latest changes; every one is at /plan/changes
            changes = expected["changes"]
            expected |= {"changes": changes[:PLAN_CHANGES], "changes_total": len(changes)}
        assert sam_caller.get(path, date=DAY.isoformat()).json() == expected, path
        clinic = linked_clinician.get(f"/clinic/runners/{runner.pk}{path}", date=DAY.isoformat())
        assert clinic.json() == expected, path


def test_today_says_when_week_1_starts_and_counts_week_0_before_it(sam_caller):
    before = sam_caller.get("/today", date="2026-12-02").json()
    assert (before["week"], before["starts"]) == (0, "2026-12-07")
    assert sam_caller.get("/today", date="2026-12-07").json()["week"] == 1


def test_without_a_date_the_program_is_shown_for_today(sam_caller):
    assert sam_caller.get("/today").json()["date"] == timezone.localdate().isoformat()


def _writes(caller, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert caller.get(path, date=DAY.isoformat()).status_code == 200, path
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    # the token's "last used" time, written at most once a minute (tests/api/test_tokens.py)
    return [sql for sql in writes if "accounts_apitoken" not in sql]


def test_no_plain_get_writes_to_the_database_except_the_audit_of_a_clinicians_look(sam_caller, linked_clinician):
    sams_first_week(sam_caller)
    runner_id = sam_caller.runner.pk
    for path in ["/me", "/exercises", "/today", "/plan", "/progress", "/sessions", "/checkins", "/runs"]:
        assert _writes(sam_caller, path) == [], path
    assert _writes(linked_clinician, "/me") == []
    for path in ["/clinic/runners", *(f"/clinic/runners/{runner_id}/{view}" for view in VIEWS)]:
        writes = _writes(linked_clinician, path)
        assert len(writes) == 1 and "clinic_auditevent" in writes[0], path


def test_the_library_lists_every_exercise_as_the_cli_does(sam_caller):
    assert sam_caller.get("/exercises").json() == [exercise_summary(e) for e in load_library()]


def test_the_library_filters_by_category_equipment_and_words(sam_caller):
    planks = sam_caller.get("/exercises", category="anti_extension").json()
    assert planks and {e["category"] for e in planks} == {"anti_extension"}
    banded = sam_caller.get("/exercises", equipment="band").json()
    assert banded and all("band" in e["equipment"] for e in banded)
    found = sam_caller.get("/exercises", q="BIRD dog").json()
    slugs = [e["slug"] for e in found]
    assert {"bird-dog", "hovering-bird-dog"} <= set(slugs) and "clamshell" not in slugs
    assert sam_caller.get("/exercises", category="stretch", q="no such words anywhere").json() == []


def test_an_unknown_category_is_422(sam_caller):
    response = sam_caller.get("/exercises", category="cardio")
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "category"


def test_one_exercise_has_its_instructions_and_dosage_ladder(sam_caller):
    response = sam_caller.get("/exercises/bird-dog")
    assert response.status_code == 200
    assert response.json() == as_json(exercise_detail(load_library()["bird-dog"]))


def test_an_unknown_exercise_is_404(sam_caller):
    response = sam_caller.get("/exercises/moonwalk")
    assert response.status_code == 404 and response.json() == {"detail": "No exercise 'moonwalk' in the library."}


def test_me_says_who_is_calling(sam_caller, linked_clinician, newcomer):
    plan = sam_caller.runner.current_plan
    assert sam_caller.get("/me").json() == {
        "username": "sam",
        "role": "runner",
        "runner": {
            "id": sam_caller.runner.pk,
            "name": "Sam Rivera",
            "units": "km",
            "plan": {"start_date": plan.start_date.isoformat(), "end_date": plan.end_date.isoformat()},
        },
    }
    assert linked_clinician.get("/me").json() == {"username": "dr-okafor", "role": "clinician", "runner": None}
    assert newcomer.get("/me").json() == {"username": "newcomer", "role": None, "runner": None}


def test_the_openapi_document_is_served_with_every_route_and_its_errors(anonymous):
    document = anonymous.get("/openapi.json").json()
    operations = {
        (m.upper(), p.removeprefix("/api/v1")): op for p, ops in document["paths"].items() for m, op in ops.items()
    }
    assert {op["operationId"] for op in operations.values()} == {
        "me",
        "list_exercises",
        "get_exercise",
        "today",
        "plan",
        "plan_changes",
        "plan_pdf",
        "progress",
        "list_sessions",
        "log_session",
        "list_checkins",
        "log_checkin",
        "list_runs",
        "list_history",
        "edit_record",
        "delete_record",
        "log_run",
        "import_runs",
        "rate_recorded_run",
        "list_runners",
        "runner_today",
        "runner_plan",
        "runner_plan_changes",
        "runner_progress",
        "clear_referral",
        "runner_fhir",
    }
    for (method, path), op in operations.items():
        assert "401" in op["responses"], path
        assert op["security"] == [{"ApiTokenAuth": []}, {"SessionAuth": []}], path
        if method == "POST" and path.startswith("/clinic/"):
            # an unknown runner and an unlinked one get the same 403, so ids are not revealed
            assert set(op["responses"]) == {"201", "401", "403", "409", "422"}, path
        elif method == "POST":
            assert set(op["responses"]) == {"201", "401", "403", "404", "409", "422"}, path
            assert "requestBody" in op, path
