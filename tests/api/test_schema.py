"""Schemathesis: generated requests from the OpenAPI document, sent as Sam and as her clinician.

No request may cause a server error, and every response must match the document: a declared
status with its declared body. Sam has a plan and a first week of logs, and what one generated
example logs stays for the next, so the reads go through the adaptation with real history.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    ignored_auth,
]
# A few dozen examples per operation keep the run short; the WSGI app answers in-process.
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Loaded at collection (fetching the document touches no database): schemathesis.pytest.from_fixture
# would defer it to a fixture, but it reads a node attribute pytest 9 no longer has.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def sam_token(sam_caller, linked_clinician):
    for path, body in [
        ("/sessions", {"date": "2026-12-07", "pain_before": 2, "pain_during": 2, "pain_after": 2}),
        ("/checkins", {"date": "2026-12-08", "pain": 3, "stiffness": 2}),
        ("/runs", {"date": "2026-12-08", "km": 5, "minutes": 32, "pain_during": 2}),
    ]:
        assert sam_caller.post(path, body).status_code == 201
    return sam_caller.token


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@FAST
def test_generated_requests_by_sam_find_no_server_error_and_no_response_off_the_schema(case, sam_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {sam_token}"}, checks=CHECKS)


@pytest.mark.django_db(transaction=True)
@schema.include(path_regex="/clinic/").parametrize()
@FAST
def test_generated_reads_by_sams_clinician_find_no_server_error_and_no_response_off_the_schema(
    case, sam_token, sam_caller, linked_clinician
):
    # A generated id is almost never Sam's, which only ever shows the 404; look at Sam instead.
    if case.path_parameters:
        case.path_parameters["runner_id"] = sam_caller.runner.pk
    case.call_and_validate(headers={"Authorization": f"Bearer {linked_clinician.token}"}, checks=CHECKS)
