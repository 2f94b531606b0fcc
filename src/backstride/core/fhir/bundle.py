"""A runner's outcomes as one FHIR R4 Bundle of type collection: Patient, Questionnaires and their
responses, and Observations for morning pain and the trunk endurance self-tests.

Resource ids are UUIDs derived from the runner's and each record's key, so downloading twice gives the
same ids and a receiving system can recognise what it already holds.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from .questionnaires import BASE, ITEMS, QUESTIONNAIRES, VERSION, canonical

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
PAIN_CODE = {
    "system": LOINC,
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
# LOINC has no codes for McGill's trunk endurance tests, so they are coded in the project's own system.
ENDURANCE_SYSTEM = f"{BASE}/CodeSystem/trunk-endurance"
ENDURANCE_TESTS = {
    "flexor_seconds": ("flexor-hold", "Trunk flexor endurance hold"),
    "extensor_seconds": ("extensor-hold", "Trunk extensor endurance hold"),
    "side_right_seconds": ("side-bridge-right", "Right side bridge hold"),
    "side_left_seconds": ("side-bridge-left", "Left side bridge hold"),
}
VARIANT_SYSTEM = f"{BASE}/CodeSystem/trunk-endurance-variant"
VARIANTS = {"mcgill": "McGill's standard positions", "home": "Home positions (front plank, prone hold)"}
# The runner's answer to "sex" as FHIR administrative gender; "prefer not to say" gives nothing.
GENDER = {"female": "female", "male": "male", "other": "other"}
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)


@dataclass(frozen=True)
class Person:
    key: str  # stable and unique, e.g. the runner's id: seeds every resource id
    name: str
    sex: str


@dataclass(frozen=True)
class Answered:
    """One completed questionnaire with the app's own score (for PSFS, answers are activity: rating)."""

    key: str
    when: dt.date | dt.datetime
    answers: dict
    score: dict


@dataclass(frozen=True)
class Measured:
    """A morning pain rating (value 0-10) or one set of endurance holds (value: the stored times)."""

    key: str
    when: dt.date
    value: int | dict


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


def _entry(resource: dict) -> dict:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def patient(person: Person) -> dict:
    """Only what the runner gave: their name and, when it maps, their sex. Only their age is known, so no
    birth date is made up."""
    resource = {"resourceType": "Patient", "id": _uuid(person.key, "patient"), "name": [{"text": person.name}]}
    if person.sex in GENDER:
        resource["gender"] = GENDER[person.sex]
    return resource


def questionnaire_response(kind: str, answered: Answered, subject: dict) -> dict:
    return {
        "resourceType": "QuestionnaireResponse",
        "id": _uuid(subject["id"], kind, answered.key),
        "questionnaire": f"{canonical(kind)}|{VERSION}",
        "status": "completed",
        "subject": {"reference": f"urn:uuid:{subject['id']}"},
        "authored": answered.when.isoformat(),
        "item": ITEMS[kind](answered.answers, answered.score),
    }


def _observation(id_: str, subject: dict, category: str, code: dict, when: dt.date) -> dict:
    return {
        "resourceType": "Observation",
        "id": id_,
        "status": "final",
        "category": [{"coding": [{"system": CATEGORY, "code": category}]}],
        "code": {"coding": [code], "text": code["display"]},
        "subject": {"reference": f"urn:uuid:{subject['id']}"},
        "effectiveDateTime": when.isoformat(),
    }


def morning_pain(checkin: Measured, subject: dict) -> dict:
    resource = _observation(_uuid(subject["id"], "pain", checkin.key), subject, "survey", PAIN_CODE, checkin.when)
    return resource | {"valueInteger": checkin.value}


def endurance(test: Measured, subject: dict) -> list[dict]:
    """One Observation per hold, in seconds; the positions used (standard or home) as the method."""
    variant = test.value.get("variant", "home")
    resources = []
    for name, (code, display) in ENDURANCE_TESTS.items():
        if test.value.get(name) is None:
            continue
        coding = {"system": ENDURANCE_SYSTEM, "code": code, "display": display}
        resource = _observation(_uuid(subject["id"], "endurance", test.key, code), subject, "exam", coding, test.when)
        resource["method"] = {"coding": [{"system": VARIANT_SYSTEM, "code": variant, "display": VARIANTS[variant]}]}
        resource["valueQuantity"] = {"value": test.value[name], "unit": "s", "system": UCUM, "code": "s"}
        resources.append(resource)
    return resources


def outcomes_bundle(
    person: Person,
    questionnaires: dict[str, list[Answered]],
    pain: list[Measured],
    holds: list[Measured],
    timestamp: dt.datetime,
) -> dict:
    """The whole collection; `questionnaires` maps "odi", "startback" and "psfs" to what was answered."""
    subject = patient(person)
    resources = [subject]
    for kind, answered in questionnaires.items():
        if answered:
            resources.append(QUESTIONNAIRES[kind])
        resources += [questionnaire_response(kind, a, subject) for a in answered]
    resources += [morning_pain(c, subject) for c in pain]
    for test in holds:
        resources += endurance(test, subject)
    entries = [
        {"fullUrl": r["url"], "resource": r} if r["resourceType"] == "Questionnaire" else _entry(r) for r in resources
    ]
    return {
        "resourceType": "Bundle",
        "id": _uuid(person.key, "bundle"),
        "type": "collection",
        "timestamp": timestamp.isoformat(),
        "entry": entries,
    }
