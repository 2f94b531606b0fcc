"""GET /runners/{id}/fhir: the runner's outcomes as a FHIR R4 Bundle that validates and scores as the app does."""

import datetime as dt

import pytest
from fhir.resources.R4B import get_fhir_model_class

from backstride.clinic.models import AuditEvent
from backstride.clinic.services import VIEWED
from backstride.core.fhir import questionnaires as fq
from backstride.core.questionnaires import oswestry, psfs, startback
from backstride.runners import models as m
from backstride.runners.services import record_outcome

pytestmark = pytest.mark.django_db

ENDURANCE = {
    "variant": "home",
    "flexor_seconds": 45.5,
    "extensor_seconds": 62,
    "side_right_seconds": 33,
    "side_left_seconds": 31,
}


@pytest.fixture
def measured(sam_caller):
    """Sam with a week of check-ins, a follow-up Oswestry, a PSFS and an endurance test."""
    start = sam_caller.runner.current_plan.start_date
    for n, pain in enumerate([4, 3, 3]):
        day = start + dt.timedelta(days=n)
        assert sam_caller.post("/checkins", {"date": day.isoformat(), "pain": pain}).status_code == 201
    odi_answers = dict.fromkeys(oswestry.SECTIONS, 1) | {"sex_life": None}
    odi = oswestry.score(odi_answers)
    record_outcome(sam_caller.runner, "odi", start + dt.timedelta(days=2), odi.percent, odi_answers | odi.as_dict())
    ratings = {"running 5 km": 6, "tying shoes": 8}
    record_outcome(sam_caller.runner, "psfs", start + dt.timedelta(days=2), psfs.score(ratings).mean, ratings)
    record_outcome(sam_caller.runner, "endurance", start + dt.timedelta(days=2), None, ENDURANCE)
    return sam_caller


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def answers(response: dict) -> dict:
    return {item["linkId"]: next(iter(item["answer"][0].values())) for item in response["item"] if "answer" in item}


def test_every_resource_in_the_bundle_validates_with_the_r4_models(measured):
    bundle = measured.get(f"/runners/{measured.runner.pk}/fhir").json()
    get_fhir_model_class("Bundle").model_validate(bundle)
    assert bundle["type"] == "collection"
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert kinds == {"Patient", "Questionnaire", "QuestionnaireResponse", "Observation"}


def test_every_reference_points_to_an_entry_of_the_bundle(measured):
    bundle = measured.get(f"/runners/{measured.runner.pk}/fhir").json()
    urls = {e["fullUrl"] for e in bundle["entry"]}
    canonicals = {f"{r['url']}|{r['version']}" for r in resources(bundle, "Questionnaire")}
    for resource in resources(bundle, "QuestionnaireResponse") + resources(bundle, "Observation"):
        assert resource["subject"]["reference"] in urls
    for response in resources(bundle, "QuestionnaireResponse"):
        assert response["questionnaire"] in canonicals


def test_the_patient_holds_only_the_name_and_the_sex_the_runner_gave(measured):
    (patient,) = resources(measured.get(f"/runners/{measured.runner.pk}/fhir").json(), "Patient")
    assert set(patient) == {"resourceType", "id", "name", "gender"}
    assert patient["name"] == [{"text": "Sam Rivera"}] and patient["gender"] == "female"


def test_the_oswestry_scores_match_the_apps_percent_at_the_intake_and_after(measured):
    bundle = measured.get(f"/runners/{measured.runner.pk}/fhir").json()
    responses = [
        r for r in resources(bundle, "QuestionnaireResponse") if r["questionnaire"].startswith(fq.canonical("odi"))
    ]
    baseline = measured.runner.assessments.get().result["odi"]["percent"]
    later = m.OutcomeMeasure.objects.get(kind="odi").value
    assert [answers(r)["percent"] for r in responses] == [baseline, later]
    # the section Sam skipped stays out, as in the app's scoring
    assert "sex_life" not in answers(responses[1]) and answers(responses[1])["pain_intensity"] == 1


def test_the_start_back_total_and_risk_match_the_apps(measured):
    bundle = measured.get(f"/runners/{measured.runner.pk}/fhir").json()
    (response,) = [
        r
        for r in resources(bundle, "QuestionnaireResponse")
        if r["questionnaire"].startswith(fq.canonical("startback"))
    ]
    intake = measured.runner.assessments.get().intake["startback"]
    expected = startback.score(intake)
    got = answers(response)
    assert (got["total"], got["psychosocial"], got["risk"]) == (expected.total, expected.psychosocial, expected.risk)
    assert got["worrying_thoughts"] is True and got["bothersomeness"]["code"] == intake["bothersomeness"]


def test_the_psfs_mean_and_ratings_match_the_apps(measured):
    bundle = measured.get(f"/runners/{measured.runner.pk}/fhir").json()
    responses = [
        r for r in resources(bundle, "QuestionnaireResponse") if r["questionnaire"].startswith(fq.canonical("psfs"))
    ]
    stored = m.OutcomeMeasure.objects.get(kind="psfs")
    assert answers(responses[-1])["mean"] == stored.value == 7.0
    activities = [answers({"item": group["item"]}) for group in responses[-1]["item"] if group["linkId"] == "activity"]
    assert {a["activity-name"]: a["activity-rating"] for a in activities} == stored.data


def test_morning_pain_is_one_loinc_observation_per_check_in(measured):
    bundle = measured.get(f"/runners/{measured.runner.pk}/fhir").json()
    pain = [o for o in resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == "72514-3"]
    expected = list(measured.runner.checkins.order_by("date").values_list("date", "pain"))
    assert [(o["effectiveDateTime"], o["valueInteger"]) for o in pain] == [(d.isoformat(), p) for d, p in expected]
    assert all(o["code"]["coding"][0]["system"] == "http://loinc.org" for o in pain)


def test_each_endurance_hold_is_an_observation_in_seconds(measured):
    bundle = measured.get(f"/runners/{measured.runner.pk}/fhir").json()
    holds = [o for o in resources(bundle, "Observation") if "valueQuantity" in o]
    seconds = {o["code"]["coding"][0]["code"]: o["valueQuantity"]["value"] for o in holds}
    assert seconds == {"flexor-hold": 45.5, "extensor-hold": 62, "side-bridge-right": 33, "side-bridge-left": 31}
    assert {o["valueQuantity"]["code"] for o in holds} == {"s"}


def test_downloading_twice_gives_the_same_resource_ids(measured):
    first = measured.get(f"/runners/{measured.runner.pk}/fhir").json()
    second = measured.get(f"/runners/{measured.runner.pk}/fhir").json()
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]


def test_a_linked_clinician_reads_the_bundle_and_the_read_is_audited(measured, linked_clinician):
    response = linked_clinician.get(f"/runners/{measured.runner.pk}/fhir")
    assert response.status_code == 200 and response.json()["resourceType"] == "Bundle"
    event = AuditEvent.objects.get(actor=linked_clinician.user, runner=measured.runner, action=VIEWED)
    assert event.detail == {"via": "api", "page": "fhir"}


def test_an_unlinked_clinician_and_another_runner_get_404(measured, unlinked_clinician, alex_caller):
    path = f"/runners/{measured.runner.pk}/fhir"
    assert unlinked_clinician.get(path).status_code == 404
    assert alex_caller.get(path).status_code == 404
    assert not AuditEvent.objects.filter(runner=measured.runner).exists()


def test_nobody_signed_in_gets_401(measured, anonymous):
    assert anonymous.get(f"/runners/{measured.runner.pk}/fhir").status_code == 401


def test_the_questionnaires_have_an_item_for_every_answer_the_app_stores():
    assert set(fq.ODI_SECTIONS) == set(oswestry.SECTIONS)
    assert set(fq.STARTBACK_ITEMS) == set(startback.PHYSICAL_ITEMS + startback.PSYCHOSOCIAL_ITEMS)
    assert set(fq.BOTHERSOMENESS) == set(startback.BOTHERSOMENESS)
