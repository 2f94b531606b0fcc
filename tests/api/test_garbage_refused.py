"""The API refuses what must never be stored (exercises the library does not know, hidden characters in
notes), and its OpenAPI document states the limits the server enforces."""

import pytest

from backstride.core.library import load_library
from backstride.runners import models as m

pytestmark = pytest.mark.django_db

SESSION = {"date": "2026-12-08", "pain_before": 2, "pain_during": 2, "pain_after": 2}


def refused(response) -> tuple[str, str]:
    assert response.status_code == 422, response.content
    [problem] = response.json()["detail"]
    return problem["field"], problem["message"]


def test_a_session_with_an_exercise_not_in_the_library_is_422_naming_it(sam_caller):
    body = SESSION | {"exercises": [{"slug": "bird-dog"}, {"slug": "bird-dgo", "sets": 2}]}
    field, message = refused(sam_caller.post("/sessions", body))
    assert field == "exercises.1.slug"
    assert message.startswith("'bird-dgo' is not in the exercise library")
    assert not m.SessionLog.objects.exists()


@pytest.mark.parametrize("char", ["\u202a", "\u202c", "\u202e", "\u2066", "\u2069"])
def test_a_note_with_a_direction_control_is_422_naming_the_note(sam_caller, char):
    field, message = refused(sam_caller.post("/sessions", SESSION | {"note": f"felt good{char}"}))
    assert (field, message) == (
        "note",
        f"must not contain U+{ord(char):04X}, an invisible character that changes the direction of the text",
    )
    assert not m.SessionLog.objects.exists()


def test_a_note_over_2000_characters_is_422_saying_the_limit_without_repeating_the_note(sam_caller):
    field, message = refused(sam_caller.post("/sessions", SESSION | {"note": "x" * 2001}))
    assert (field, message) == ("note", "must be at most 2000 characters long (got 2001)")


def test_a_clearance_note_with_a_direction_control_is_422(sam_caller, linked_clinician):
    response = linked_clinician.post(
        f"/clinic/runners/{sam_caller.runner.pk}/clearance", {"note": "Seen \u202eby Dr Okafor"}
    )
    assert refused(response) == (
        "note",
        "must not contain U+202E, an invisible character that changes the direction of the text",
    )
    assert not m.Clearance.objects.exists()


# -- the document states the limits --------------------------------------------------------------------


@pytest.fixture(scope="module")
def document():
    from backstride.api.urls import api

    return api.get_openapi_schema()


def body_of(document, path: str) -> dict:
    return document["paths"][f"/api/v1{path}"]["post"]["requestBody"]["content"]["application/json"]["schema"]


def test_the_document_lists_the_exercises_a_session_may_name(document):
    slug = body_of(document, "/sessions")["properties"]["exercises"]["items"]["properties"]["slug"]
    assert slug["enum"] == sorted(e.slug for e in load_library())


@pytest.mark.parametrize("path", ["/sessions", "/checkins", "/runs"])
def test_the_document_states_the_range_of_a_logs_date(document, path):
    assert "from 2000-01-01 to 2099-12-31" in body_of(document, path)["properties"]["date"]["description"]


@pytest.mark.parametrize("path", ["/today", "/plan", "/progress", "/clinic/runners/{runner_id}/today"])
def test_the_document_states_the_range_of_the_day_asked_about(document, path):
    [date] = [p for p in document["paths"][f"/api/v1{path}"]["get"]["parameters"] if p["name"] == "date"]
    assert "from 2000-01-01 to 2099-12-31" in date["description"]


def test_the_document_says_whole_numbers_are_written_without_a_decimal_point(document):
    pain = body_of(document, "/sessions")["properties"]["pain_during"]
    assert pain["type"] == "integer" and "without a decimal point" in pain["description"]


def test_what_the_document_calls_a_whole_number_the_server_takes_only_without_a_decimal_point(sam_caller):
    field, message = refused(sam_caller.post("/sessions", SESSION | {"pain_during": 2.0}))
    assert field == "pain_during" and "whole number" in message


def test_the_document_states_the_longest_notes(document):
    assert body_of(document, "/sessions")["properties"]["note"]["maxLength"] == 2000
    assert body_of(document, "/clinic/runners/{runner_id}/clearance")["properties"]["note"]["maxLength"] == 500
