"""A runner's outcomes as a FHIR R4 Bundle (core/fhir builds it): gathered here from the database.

The questionnaires answered at the assessment (its intake) come first, then those recorded later. Every
bundle is checked against the `fhir.resources` R4B models before it leaves, so an export never carries a
resource another system would refuse.
"""

from __future__ import annotations

from django.utils import timezone

from backstride.core.fhir import Answered, Measured, Person, outcomes_bundle
from backstride.core.questionnaires import psfs

from . import models as m


def _from_assessments(runner: m.Runner) -> dict[str, list[Answered]]:
    found = {"odi": [], "startback": [], "psfs": []}
    for a in runner.assessments.order_by("created_at", "id"):
        key, when, intake, result = f"assessment-{a.pk}", a.created_at, a.intake or {}, a.result or {}
        if intake.get("odi") is not None and result.get("odi"):
            found["odi"].append(Answered(key, when, intake["odi"], result["odi"]))
        if intake.get("startback") is not None and result.get("startback"):
            found["startback"].append(Answered(key, when, intake["startback"], result["startback"]))
        if intake.get("psfs"):
            ratings = {row["activity"]: row["score"] for row in intake["psfs"]}
            found["psfs"].append(Answered(key, when, ratings, psfs.score(ratings).as_dict()))
    return found


def bundle(runner: m.Runner) -> dict:
    found = _from_assessments(runner)
    holds = []
    for a in runner.assessments.order_by("created_at", "id"):
        if (a.intake or {}).get("endurance"):
            holds.append(Measured(f"assessment-{a.pk}", a.created_at.date(), a.intake["endurance"]))
    for o in runner.outcomes.order_by("date", "id"):
        key = f"outcome-{o.pk}"
        if o.kind == m.OutcomeMeasure.ODI:
            found["odi"].append(Answered(key, o.date, o.data, o.data | {"percent": o.value}))
        elif o.kind == m.OutcomeMeasure.PSFS:
            found["psfs"].append(Answered(key, o.date, o.data, {"mean": o.value}))
        elif o.kind == m.OutcomeMeasure.ENDURANCE:
            holds.append(Measured(key, o.date, o.data))
    pain = [
        Measured(f"checkin-{pk}", day, p)
        for pk, day, p in runner.checkins.order_by("date").values_list("pk", "date", "pain")
    ]
    person = Person(f"runner-{runner.pk}", runner.name, runner.sex)
    return validated(outcomes_bundle(person, found, pain, holds, timezone.now()))


def validated(document: dict) -> dict:
    """The bundle, once the R4B models accept it (R4B: fhir.resources has no plain R4; see core/fhir)."""
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(document)
    return document
