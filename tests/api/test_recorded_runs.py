"""Importing recorded runs through the API, and rating them; the runs list and today show them."""

import datetime as dt
import gzip
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.recordings import gpx_on

from .conftest import PREFIX

pytestmark = pytest.mark.django_db
RUNS = Path(__file__).resolve().parent.parent / "data" / "runs"


def upload(caller, *files: tuple[str, bytes]):
    data = {"files": [SimpleUploadedFile(name, body) for name, body in files]}
    return caller.client.post(PREFIX + "/runs/import", data, **caller._headers())


def test_two_files_are_imported_at_once_and_listed_with_their_source(sam_caller):
    fit = (RUNS / "fit" / "2013-02-06-12-11-14.fit").read_bytes()
    bike = (RUNS / "fit" / "garmin-fenix-5-bike.fit").read_bytes()
    response = upload(sam_caller, ("morning.fit.gz", gzip.compress(fit)), ("ride.fit", bike))
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["runs"], body["other_skipped"], body["unreadable"]) == (1, 1, [])
    runs = sam_caller.get("/runs").json()
    assert len(runs) == 1 and runs[0]["source_format"] == "fit" and runs[0]["pain_during"] is None
    assert runs[0]["km"] == pytest.approx(4.835, rel=0.005) and runs[0]["avg_hr"] == 147


def test_an_unreadable_upload_is_named_with_its_reason_and_stores_nothing(sam_caller):
    response = upload(sam_caller, ("notes.fit", b"this is not a FIT file at all"))
    assert response.status_code == 201
    (problem,) = response.json()["unreadable"]
    assert problem["file"] == "notes.fit" and problem["reason"]
    assert sam_caller.get("/runs").json() == []


def test_an_upload_over_the_size_limit_is_refused_by_name(sam_caller, settings):
    settings.UPLOAD_MAX_MB = 0
    response = upload(sam_caller, ("big.gpx", b"<gpx></gpx>"))
    (problem,) = response.json()["unreadable"]
    assert problem["file"] == "big.gpx" and "MB" in problem["reason"]


def test_a_rated_run_leaves_the_list_of_runs_to_rate(sam_caller):
    run_id = upload(sam_caller, ("lake.gpx", gpx_on(dt.date(2026, 12, 8)))).json()["run_ids"][0]
    today = sam_caller.get("/today", date="2026-12-08").json()
    assert [r["id"] for r in today["runs_to_rate"]] == [run_id]
    bad = sam_caller.post(f"/runs/{run_id}/rating", {"pain_during": 12})
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"].endswith("pain_during")
    good = sam_caller.post(f"/runs/{run_id}/rating", {"pain_during": 1, "effort": 5})
    assert good.status_code == 201, good.content
    assert sam_caller.get("/today", date="2026-12-08").json()["runs_to_rate"] == []
    assert sam_caller.get("/runs").json()[0]["effort"] == 5


def test_another_runners_run_cannot_be_rated(sam_caller, alex_caller):
    fit = (RUNS / "fit" / "2013-02-06-12-11-14.fit").read_bytes()
    run_id = upload(alex_caller, ("run.fit", fit)).json()["run_ids"][0]
    response = sam_caller.post(f"/runs/{run_id}/rating", {"pain_during": 1, "effort": 5})
    assert response.status_code == 422
    assert alex_caller.get("/runs").json()[0]["pain_during"] is None


def test_the_planned_run_of_a_day_with_an_imported_run_is_done_in_the_plan(sam_caller):
    plan = sam_caller.get("/plan", date="2026-12-07").json()
    first = plan["weeks"][0]["running"]["runs"][0]["date"]
    gpx = (RUNS / "gpx" / "cerknicko-jezero.gpx").read_text()
    day = dt.date.fromisoformat(first)
    shifted = gpx.replace("2010-08-05T", f"{day.isoformat()}T")
    upload(sam_caller, ("lake.gpx", shifted.encode()))
    runs = sam_caller.get("/plan", date=first).json()["weeks"][0]["running"]["runs"]
    assert [r["done"] for r in runs if r["date"] == first] == [True]
