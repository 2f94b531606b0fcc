"""`backstride export --fhir --out FILE`: the runner's outcomes as a FHIR R4 Bundle file that validates."""

import datetime as dt
import json

import pytest
from fhir.resources.R4B import get_fhir_model_class

from backstride.cli.main import main
from backstride.core.tracking.logs import parse_checkin
from backstride.runners.services import checkin, record_outcome, start_runner

pytestmark = pytest.mark.django_db


def test_export_fhir_writes_a_bundle_whose_every_resource_validates(sam, tmp_path, capsys):
    runner, _ = start_runner(sam)
    start = runner.current_plan.start_date
    checkin(runner, parse_checkin({"date": start.isoformat(), "pain": 3}))
    times = {"flexor_seconds": 40, "extensor_seconds": 60, "side_right_seconds": 30, "side_left_seconds": 29}
    record_outcome(runner, "endurance", start, None, times | {"variant": "mcgill"})
    out = tmp_path / "sam.fhir.json"

    assert main(["export", "--fhir", "--out", str(out), "--runner", str(runner.pk), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"runner": runner.pk, "file": str(out), "format": "FHIR R4 Bundle"}
    bundle = json.loads(out.read_text())
    get_fhir_model_class("Bundle").model_validate(bundle)
    for entry in bundle["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])
    observations = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]
    assert [o["valueInteger"] for o in observations if "valueInteger" in o] == [3]
    assert sorted(o["valueQuantity"]["value"] for o in observations if "valueQuantity" in o) == [29, 30, 40, 60]
    assert dt.date.fromisoformat(observations[0]["effectiveDateTime"]) == start
