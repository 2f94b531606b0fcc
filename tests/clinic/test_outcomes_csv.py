"""A clinician downloads the outcome measures of the runners they follow, and of no one else."""

import csv
import datetime as dt
import io

import pytest

from backstride.clinic import services
from backstride.clinic.models import AuditEvent
from backstride.runners.services import record_outcome

from .conftest import START, client_for

URL = "/clinic/outcomes.csv"


@pytest.fixture
def outcomes(runner, make_runner, stranger):
    """Sam (ours) with two measures; Robin (another clinician's) and Kit (nobody's) with one each."""
    record_outcome(runner, "odi", START, 24.0, {"answers": []})
    record_outcome(runner, "psfs", START + dt.timedelta(days=14), 6.5, {"Running downhill": 6})
    robin = make_runner("Robin Unlinked")
    services.link(stranger, robin)
    record_outcome(robin, "odi", START, 40.0, {"answers": []})
    record_outcome(make_runner("Kit Nobody"), "odi", START, 12.0, {"answers": []})
    return runner


def rows_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_lists_each_outcome_of_the_clinicians_runners(outcomes, clinician, today):
    response = client_for(clinician.user).get(URL)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert rows_of(response) == [
        {"runner": "Sam Rivera", "date": "2026-12-07", "kind": "odi", "value": "24.0"},
        {"runner": "Sam Rivera", "date": "2026-12-21", "kind": "psfs", "value": "6.5"},
    ]


def test_an_unlinked_runners_outcomes_never_appear(outcomes, clinician, stranger, today):
    ours = client_for(clinician.user).get(URL).content.decode()
    assert "Robin" not in ours and "Kit" not in ours and "40.0" not in ours
    theirs = rows_of(client_for(stranger.user).get(URL))
    assert [r["runner"] for r in theirs] == ["Robin Unlinked"]


def test_a_runner_cannot_download_the_roster_outcomes(outcomes):
    response = client_for(outcomes.user).get(URL)
    assert response.status_code in (403, 404)
    assert b"Sam Rivera" not in response.content


def test_a_visitor_is_sent_to_log_in(db):
    response = client_for().get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_name_a_spreadsheet_would_run_as_a_formula_is_written_as_text(make_runner, clinician, today):
    risky = make_runner("=HYPERLINK(1)")
    services.link(clinician, risky)
    record_outcome(risky, "odi", START, 10.0, {"answers": []})
    assert rows_of(client_for(clinician.user).get(URL))[0]["runner"] == "'=HYPERLINK(1)"


def test_the_download_is_recorded_in_the_audit_trail(outcomes, clinician, today):
    client_for(clinician.user).get(URL)
    event = AuditEvent.objects.get(action=services.OUTCOMES_EXPORTED)
    assert event.actor == clinician.user and event.detail["runners"] == [outcomes.pk]


def test_the_roster_page_links_to_the_download(outcomes, clinician, today):
    assert f'href="{URL}"' in client_for(clinician.user).get("/clinic/").content.decode()
