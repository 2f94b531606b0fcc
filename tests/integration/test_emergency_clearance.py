"""Only a clinician clears an emergency pause: the command line asks for one by name, the clinic
pages and the API record who it was, and a runner's own account cannot clear one at all."""

import datetime as dt
import json

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from backstride.accounts.models import ApiToken, Clinician
from backstride.cli.main import main
from backstride.clinic.models import AuditEvent, CareLink
from backstride.runners.models import Clearance, Runner
from backstride.runners.reports import today_view

pytestmark = pytest.mark.django_db(transaction=True)

START = dt.date(2026, 12, 7)  # Sam's first day


def cli(capsys, *args: str, expect: int = 0) -> tuple[dict, str]:
    code = main([*args, "--json"])
    out, err = capsys.readouterr()
    assert code == expect, err
    return (json.loads(out) if out else {}), err


@pytest.fixture
def started(capsys, tmp_path, sam) -> Runner:
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(sam))
    cli(capsys, "start", "--answers", str(path))
    return Runner.objects.get()


def flagged(capsys, day: dt.date, flag: str) -> dict:
    """A morning check-in answering yes to one warning-sign question."""
    result, _err = cli(capsys, "checkin", "--date", day.isoformat(), "--pain", "3", "--flag", flag)
    return result["paused"]


def person(username: str, first: str = "", last: str = "", clinician_of: Runner | None = None) -> User:
    user = User.objects.create_user(username, first_name=first, last_name=last, password=None)
    if clinician_of is not None:
        CareLink.objects.create(clinician=Clinician.objects.create(user=user), runner=clinician_of)
    return user


def post_clearance(user: User, runner: Runner, body: dict):
    _token, key = ApiToken.issue(user, "tests")
    return Client().post(
        f"/api/v1/clinic/runners/{runner.pk}/clearance",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )


def test_the_command_line_refuses_to_clear_an_emergency_pause_without_a_clinician(capsys, started):
    assert flagged(capsys, START, "bladder_or_bowel_change")["status"] == "refer_emergency"

    _out, err = cli(capsys, "clear-referral", "--date", "2026-12-09", "--note", "I feel fine", expect=2)

    [line] = err.strip().splitlines()
    assert line.startswith("backstride: error: clinician: ") and "--clinician" in line
    assert Clearance.objects.count() == 0
    assert today_view(started, dt.date(2026, 12, 9))["paused"]["status"] == "refer_emergency"


def test_the_command_line_clears_an_emergency_pause_with_a_named_clinician_and_warns(capsys, started):
    flagged(capsys, START, "saddle_numbness")

    result, err = cli(
        capsys, "clear-referral", "--date", "2026-12-09", "--note", "MRI normal", "--clinician", "Dr Jane Smith"
    )

    assert result == {"paused": None, "cleared_by": "Dr Jane Smith"}
    assert "should be cleared only after a clinician has examined the runner" in err
    assert "Recorded as cleared by Dr Jane Smith" in err
    assert Clearance.objects.get().cleared_by == "Dr Jane Smith"
    view = today_view(started, dt.date(2026, 12, 9))
    assert view["paused"] is None
    assert any("Dr Jane Smith cleared the referral: MRI normal" in c["reason"] for c in view["recent_changes"])


def test_an_urgent_pause_is_still_cleared_by_a_note_alone(capsys, started):
    flagged(capsys, START, "history_of_cancer")

    result, err = cli(capsys, "clear-referral", "--date", "2026-12-09", "--note", "Seen by my GP: no concerns")

    assert result == {"paused": None, "cleared_by": None} and err == ""
    clearance = Clearance.objects.get()
    assert (clearance.note, clearance.cleared_by) == ("Seen by my GP: no concerns", None)


def test_an_emergency_sign_during_an_urgent_pause_needs_a_clinician_to_clear_it(capsys, started):
    flagged(capsys, START, "history_of_cancer")
    week2 = START + dt.timedelta(days=7)
    flagged(capsys, week2, "leg_weakness_worsening")

    _out, err = cli(capsys, "clear-referral", "--date", "2026-12-15", "--note", "fine now", expect=2)

    assert "backstride: error: clinician: " in err and Clearance.objects.count() == 0


def test_a_warning_sign_reported_after_a_clearance_on_the_same_day_keeps_the_program_paused(capsys, started):
    flagged(capsys, START, "history_of_cancer")
    week2 = START + dt.timedelta(days=7)
    cli(capsys, "clear-referral", "--date", week2.isoformat(), "--note", "Seen by my GP: no concerns")
    assert today_view(started, week2)["paused"] is None

    # later that morning the weekly questions find an emergency sign: that clearance cannot answer it
    flagged(capsys, week2, "bladder_or_bowel_change")

    assert today_view(started, week2 + dt.timedelta(days=1))["paused"] is not None


def test_a_new_assessment_cannot_replace_a_program_paused_for_an_emergency(capsys, started, tmp_path, sam):
    flagged(capsys, START, "saddle_numbness")
    sam["start_date"] = "2027-01-04"  # a later start would leave the warning sign behind
    path = tmp_path / "again.json"
    path.write_text(json.dumps(sam))

    _out, err = cli(capsys, "start", "--answers", str(path), "--runner", "Sam Rivera", expect=2)

    assert "backstride: error: runner: the program is paused for an emergency referral" in err
    assert started.assessments.count() == 1
    assert today_view(started, dt.date(2027, 1, 4))["paused"]["status"] == "refer_emergency"


def test_there_is_nothing_to_clear_when_the_program_is_not_paused(capsys, started):
    _out, err = cli(capsys, "clear-referral", "--date", "2026-12-09", "--note", "just in case", expect=2)
    assert "there is no referral to clear" in err and Clearance.objects.count() == 0


def test_a_clinicians_web_clearance_of_an_emergency_pause_records_their_name(capsys, started, monkeypatch):
    flagged(capsys, START, "saddle_numbness")
    monkeypatch.setattr("backstride.clinic.services.today", lambda: dt.date(2026, 12, 9))
    doctor = person("jsmith", "Jane", "Smith", clinician_of=started)
    client = Client()
    client.force_login(doctor)
    page = client.get(reverse("clinic:clear", args=[started.pk])).content.decode()
    assert "This is an emergency referral." in page and "recorded as yours (Jane Smith)" in page

    response = client.post(reverse("clinic:clear", args=[started.pk]), {"clear-note": "Examined today: no concerns"})

    assert response.status_code == 302
    event = AuditEvent.objects.get(action="referral_cleared")
    assert event.actor == doctor and event.runner == started
    assert event.detail["cleared_by"] == "Jane Smith" and event.detail["status"] == "refer_emergency"
    assert Clearance.objects.get().cleared_by == "Jane Smith"
    changes = today_view(started, dt.date(2026, 12, 9))["recent_changes"]
    assert any("Jane Smith cleared the referral: Examined today: no concerns" in c["reason"] for c in changes)


def test_a_linked_clinician_clears_an_emergency_pause_through_the_api(capsys, started, monkeypatch):
    flagged(capsys, START, "saddle_numbness")
    monkeypatch.setattr("backstride.clinic.services.today", lambda: dt.date(2026, 12, 9))
    doctor = person("jsmith", "Jane", "Smith", clinician_of=started)

    response = post_clearance(doctor, started, {"note": "Examined: no concerns"})

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["cleared_by"], body["date"], body["paused"]) == ("Jane Smith", "2026-12-09", None)
    event = AuditEvent.objects.get(action="referral_cleared")
    assert event.detail["cleared_by"] == "Jane Smith" and event.detail["via"] == "api"
    again = post_clearance(doctor, started, {"note": "twice"})
    assert again.status_code == 409 and "no referral to clear" in again.json()["detail"][0]["message"]


def test_an_unlinked_clinician_gets_403_on_the_clearance_route(capsys, started):
    flagged(capsys, START, "saddle_numbness")
    other_runner = Runner.objects.create(name="Robin", age=40, sex="other")
    stranger = person("stranger", "Sol", "Stranger", clinician_of=other_runner)

    response = post_clearance(stranger, started, {"note": "Examined: no concerns"})

    assert response.status_code == 403
    assert Clearance.objects.count() == 0 and not AuditEvent.objects.filter(action="referral_cleared").exists()


def test_a_runner_calling_the_clearance_route_gets_403(capsys, started):
    flagged(capsys, START, "saddle_numbness")
    started.user = person("sam")
    started.save(update_fields=["user"])

    response = post_clearance(started.user, started, {"note": "I feel fine"})

    assert response.status_code == 403 and "for clinicians" in response.json()["detail"]
    assert Clearance.objects.count() == 0
    assert today_view(started, dt.date(2026, 12, 9))["paused"]["status"] == "refer_emergency"
