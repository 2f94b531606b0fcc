"""The history page: every record by day, each changed or deleted through a form, and only by its runner."""

import datetime as dt

import pytest

from backstride.clinic.models import AuditEvent
from backstride.core.intake import RedFlags
from backstride.core.tracking.logs import parse_checkin, parse_run, parse_session_log
from backstride.runners import models as m
from backstride.runners.services import checkin, log_run, log_session

from .conftest import client_for
from .test_runner_forms import text_of

START = dt.date(2026, 12, 7)
NO_FLAGS = dict.fromkeys(RedFlags.model_fields, False)


@pytest.fixture
def logged(sam):
    """Sam with a check-in, a session and a run in the first week."""
    user, runner = sam
    checkin(runner, parse_checkin({"date": "2026-12-07", "pain": 3, "stiffness": 2, "red_flags": NO_FLAGS}))
    log_session(runner, parse_session_log({"date": "2026-12-07", "pain_before": 3, "pain_during": 2, "pain_after": 3}))
    log_run(runner, parse_run({"date": "2026-12-08", "km": 5.0, "minutes": 30.0, "pain_during": 1}))
    runner.refresh_from_db()
    return user, runner


def test_the_history_lists_each_day_newest_first_with_edit_and_delete(logged):
    user, _runner = logged
    page = text_of(client_for(user).get("/history/"))
    assert page.index("Tuesday 8 December 2026") < page.index("Monday 7 December 2026")
    assert "Run: 5.0 km in 30 minutes, pain 1/10 during" in page
    assert "Morning check-in: pain 3/10, stiffness 2/10" in page
    assert "Core session: pain 3/10 before, 2/10 during, 3/10 after" in page
    assert page.count("Edit") >= 3 and page.count("Delete") >= 3


def test_the_history_is_in_the_runners_navigation(logged):
    user, _runner = logged
    assert 'href="/history/"' in client_for(user).get("/today/").content.decode()


def test_the_edit_form_is_filled_in_with_what_was_logged(logged):
    user, runner = logged
    session = m.SessionLog.objects.get(runner=runner)
    html = client_for(user).get(f"/history/session/{session.id}/edit/").content.decode()
    assert 'name="pain_during" value="2"' in html and 'name="pain_before" value="3"' in html


def test_changing_a_check_in_stores_it_and_keeps_the_change_in_the_plans_history(logged):
    user, runner = logged
    row = m.CheckIn.objects.get(runner=runner)
    client = client_for(user)
    response = client.post(f"/history/checkin/{row.id}/edit/", {"pain": "6", "stiffness": "4"})
    assert response.status_code == 302 and response["Location"] == "/history/"
    row.refresh_from_db()
    assert (row.pain, row.stiffness) == (6, 4)
    plan = text_of(client.get("/plan/?date=2026-12-08"))
    assert "You changed your morning check-in of 7 December 2026" in plan
    event = AuditEvent.objects.get(runner=runner, action="history_changed")
    assert event.actor == user and event.detail["by"] == "runner"


def test_deleting_asks_first_and_then_deletes_on_post_only(logged):
    user, runner = logged
    session = m.SessionLog.objects.get(runner=runner)
    client = client_for(user)
    confirm = client.get(f"/history/session/{session.id}/delete/")
    assert confirm.status_code == 200 and "Delete your session log of Monday 7 December 2026?" in text_of(confirm)
    assert m.SessionLog.objects.filter(id=session.id).exists()
    response = client.post(f"/history/session/{session.id}/delete/")
    assert response.status_code == 302 and not m.SessionLog.objects.filter(id=session.id).exists()
    assert "You deleted your session log of 7 December 2026" in text_of(client.get("/plan/?date=2026-12-08"))


def test_a_delete_without_the_csrf_token_is_refused(logged):
    user, runner = logged
    session = m.SessionLog.objects.get(runner=runner)
    response = client_for(user, enforce_csrf_checks=True).post(f"/history/session/{session.id}/delete/")
    assert response.status_code == 403 and m.SessionLog.objects.filter(id=session.id).exists()


def test_bad_input_names_the_field_and_stores_nothing(logged):
    user, runner = logged
    run = m.RunLog.objects.get(runner=runner)
    client = client_for(user)
    response = client.post(f"/history/run/{run.id}/edit/", {"km": "5", "minutes": "30", "pain_during": "12"})
    assert response.status_code == 200 and "Ensure this value is less than or equal to 10." in text_of(response)
    session = m.SessionLog.objects.get(runner=runner)
    form = {"pain_before": "3", "pain_during": "2", "pain_after": "3", "note": "a\u202enote"}
    response = client.post(f"/history/session/{session.id}/edit/", form)
    assert response.status_code == 200 and "Note" in text_of(response) and "U+202E" in text_of(response)
    run.refresh_from_db()
    session.refresh_from_db()
    assert run.pain_during == 1 and session.note == ""
    assert not m.Decision.objects.filter(runner=runner, kind="history_edit").exists()


def test_a_check_in_with_leg_symptoms_keeps_them_and_cannot_be_deleted(sam):
    user, runner = sam
    day = {"date": "2026-12-07", "pain": 3, "red_flags": NO_FLAGS, "leg_symptoms": True}
    checkin(runner, parse_checkin(day))
    row = m.CheckIn.objects.get(runner=runner)
    client = client_for(user)
    assert "Those answers stay until a clinician clears them" in text_of(client.get("/history/"))
    assert f"/history/checkin/{row.id}/delete/" not in client.get("/history/").content.decode()
    response = client.post(f"/history/checkin/{row.id}/delete/")
    assert response.status_code == 409 and "cannot be deleted" in text_of(response)
    client.post(f"/history/checkin/{row.id}/edit/", {"pain": "5"})  # the leg box left unticked
    row.refresh_from_db()
    assert row.pain == 5 and row.leg_symptoms is True


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_another_runner_gets_not_found_and_a_clinician_is_refused(logged, other, clinician, action):
    _user, runner = logged
    session = m.SessionLog.objects.get(runner=runner)
    url = f"/history/session/{session.id}/{action}/"
    other_user, _other_runner = other
    assert client_for(other_user).get(url).status_code == 404
    assert (
        client_for(other_user).post(url, {"pain_before": "1", "pain_during": "1", "pain_after": "1"}).status_code == 404
    )
    assert client_for(clinician).get(url).status_code == 403
    assert client_for(clinician).post(url).status_code == 403
    assert client_for(clinician).get("/history/").status_code == 403
    assert m.SessionLog.objects.filter(id=session.id, pain_during=2).exists()


def test_an_unknown_kind_of_record_is_not_found(logged):
    user, _runner = logged
    assert client_for(user).get("/history/plan/1/edit/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = client_for().get("/history/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_endurance_times_and_activity_scores_are_changed_and_oswestry_is_taken_again(sam):
    from backstride.runners.services import record_outcome

    user, runner = sam
    times = {"flexor_seconds": 60.0, "extensor_seconds": 90.0, "side_right_seconds": 40.0, "side_left_seconds": 45.0}
    endurance = record_outcome(runner, "endurance", dt.date(2026, 12, 8), None, times | {"variant": "home"})
    psfs = record_outcome(runner, "psfs", dt.date(2026, 12, 8), 5.0, {"run 10 km": 4, "sit at work": 6})
    odi = record_outcome(runner, "odi", dt.date(2026, 12, 8), 20.0, {"percent": 20.0})
    client = client_for(user)

    form = {k: str(v) for k, v in times.items()} | {"variant": "home", "side_left_seconds": "41"}
    assert client.post(f"/history/outcome/{endurance.id}/edit/", form).status_code == 302
    assert client.post(f"/history/outcome/{psfs.id}/edit/", {"activity_0": "8", "activity_1": "6"}).status_code == 302
    endurance.refresh_from_db()
    psfs.refresh_from_db()
    assert endurance.data["side_left_seconds"] == 41.0 and psfs.data == {"run 10 km": 8, "sit at work": 6}
    response = client.get(f"/history/outcome/{odi.id}/edit/")
    assert response.status_code == 302 and response["Location"] == "/outcomes/"
    assert "Take it again" in text_of(client.get("/history/"))
