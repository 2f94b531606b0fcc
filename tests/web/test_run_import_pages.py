"""The import page takes several files at once; today's page asks how each imported run felt."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from backstride.runners import models as m
from tests.recordings import gpx_on

from .conftest import client_for

pytestmark = pytest.mark.django_db
RUNS = Path(__file__).resolve().parent.parent / "data" / "runs"


def files(*names: str) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(Path(n).name, (RUNS / n).read_bytes()) for n in names]


def test_the_import_page_reads_several_files_and_names_what_it_skipped(sam):
    user, runner = sam
    client = client_for(user)
    page = client.get("/runs/import/")
    assert page.status_code == 200 and b'type="file"' in page.content and b"multiple" in page.content
    sent = files(
        "fit/2013-02-06-12-11-14.fit", "fit/garmin-fenix-5-bike.fit", "fit/invalid/activity-unexpected-eof.fit"
    )
    response = client.post("/runs/import/", {"files": sent})
    text = response.content.decode()
    assert response.status_code == 200
    assert "1 run imported" in text and "1 other activity skipped" in text
    assert "1 file could not be read" in text and "activity-unexpected-eof.fit" in text
    assert m.RunLog.objects.filter(runner=runner).count() == 1


def test_an_htmx_upload_answers_with_the_summary_alone(sam):
    user, _runner = sam
    response = client_for(user).post(
        "/runs/import/", {"files": files("fit/2013-02-06-12-11-14.fit")}, HTTP_HX_REQUEST="true"
    )
    assert b"data-import-summary" in response.content and b"<html" not in response.content


def test_posting_no_file_says_what_to_choose(sam):
    user, _runner = sam
    response = client_for(user).post("/runs/import/", {})
    assert b"Choose one or more files" in response.content


def test_todays_page_asks_how_an_imported_run_felt_with_empty_fields_and_saves_the_answer(sam):
    user, runner = sam
    client = client_for(user)
    lake = SimpleUploadedFile("lake.gpx", gpx_on(dt.date(2026, 12, 8)))
    client.post("/runs/import/", {"files": [lake]})
    run = m.RunLog.objects.get(runner=runner)
    page = client.get("/today/", {"date": "2026-12-08"}).content.decode()
    assert "How did these runs feel?" in page
    assert f'id="id_run{run.id}_pain_during"' in page and 'name="pain_during" required' in page
    section = page.split('id="runs-to-rate"')[1].split("</section>")[0]
    numbers = re.findall(r'<input type="number"[^>]*>', section)
    assert len(numbers) == 3 and not any("value=" in tag for tag in numbers)  # nothing is chosen for the runner

    missing = client.post(f"/runs/{run.id}/rating/", {"effort": "5"}, follow=True)
    assert "Choose your worst pain during the run" in missing.content.decode()
    run.refresh_from_db()
    assert run.pain_during is None

    client.post(f"/runs/{run.id}/rating/", {"pain_during": "1", "effort": "5"})
    run.refresh_from_db()
    assert (run.pain_during, run.effort) == (1, 5)
    assert "How did these runs feel?" not in client.get("/today/", {"date": "2026-12-08"}).content.decode()


def test_a_runner_cannot_rate_another_runners_run(sam, other):
    user, _runner = sam
    other_user, other_runner = other
    client_for(other_user).post("/runs/import/", {"files": files("fit/2013-02-06-12-11-14.fit")})
    run = m.RunLog.objects.get(runner=other_runner)
    client_for(user).post(f"/runs/{run.id}/rating/", {"pain_during": "1", "effort": "5"})
    run.refresh_from_db()
    assert run.pain_during is None


def test_todays_running_card_adds_up_the_week_so_far(sam):
    user, _runner = sam
    client = client_for(user)
    client.post("/runs/import/", {"files": [SimpleUploadedFile("lake.gpx", gpx_on(dt.date(2026, 12, 8)))]})
    page = client.get("/today/", {"date": "2026-12-09"}).content.decode()
    assert "This week so far: 4.6 km in 1 run." in page and "left." in page
