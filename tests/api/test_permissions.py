"""Every route, every role: anonymous, the runner, another runner, an unlinked and a linked clinician."""

import pytest

from backstride.runners import models as m

pytestmark = pytest.mark.django_db

DAY = "2026-12-09"
SESSION = {"date": "2026-12-07", "pain_before": 2, "pain_during": 2, "pain_after": 2, "effort": 5}
CHECKIN = {"date": "2026-12-08", "pain": 3, "stiffness": 2}
RUN = {"date": "2026-12-08", "km": 5, "minutes": 32, "pain_during": 2}

RUNNER_READS = ["/today", "/plan", "/progress", "/sessions", "/checkins", "/runs"]
RUNNER_WRITES = [("/sessions", SESSION), ("/checkins", CHECKIN), ("/runs", RUN)]
CLINIC_READS = ["today", "plan", "progress"]
ANY_ROLE_READS = ["/me", "/exercises", "/exercises/bird-dog"]


def call(caller, route):
    """One request: a path is a GET (for DAY), a (path, body) pair a POST."""
    if isinstance(route, tuple):
        return caller.post(*route)
    return caller.get(route, date=DAY)


def clinic_routes(runner_id: int) -> list:
    return ["/clinic/runners"] + [f"/clinic/runners/{runner_id}/{view}" for view in CLINIC_READS]


def every_route(runner_id: int) -> list:
    return ANY_ROLE_READS + RUNNER_READS + RUNNER_WRITES + clinic_routes(runner_id)


def test_an_anonymous_caller_gets_401_on_every_route(sam_caller, anonymous):
    for route in every_route(sam_caller.runner.pk):
        response = call(anonymous, route)
        assert response.status_code == 401, route
        assert response.json() == {"detail": "Unauthorized"}


def test_a_wrong_token_is_401_like_no_token(sam_caller):
    sam_caller.token = "bs_not-a-real-token"
    assert [call(sam_caller, r).status_code for r in every_route(sam_caller.runner.pk)] == [401] * 16


@pytest.mark.parametrize("route", ANY_ROLE_READS)
def test_the_library_and_me_answer_every_signed_in_role(
    route, sam_caller, alex_caller, linked_clinician, unlinked_clinician, newcomer
):
    for caller in (sam_caller, alex_caller, linked_clinician, unlinked_clinician, newcomer):
        assert call(caller, route).status_code == 200, caller.user


def test_a_runner_reads_their_own_program_and_logs(sam_caller):
    for route in RUNNER_READS:
        response = call(sam_caller, route)
        assert response.status_code == 200, (route, response.content)
    for route in ("/today", "/plan", "/progress"):
        assert call(sam_caller, route).json()["runner"] == "Sam Rivera"


def test_a_runner_logs_a_session_a_checkin_and_a_run(sam_caller):
    for route in RUNNER_WRITES:
        response = call(sam_caller, route)
        assert response.status_code == 201, (route, response.content)
    runner = sam_caller.runner
    assert (runner.session_logs.count(), runner.checkins.count(), runner.run_logs.count()) == (1, 1, 1)


def test_a_runner_cannot_read_another_runners_logs(sam_caller, alex_caller):
    for route in RUNNER_WRITES:
        assert call(sam_caller, route).status_code == 201
    for route in ("/sessions", "/checkins", "/runs"):
        # Asking for Sam by id changes nothing: runner routes only ever answer for the caller.
        assert alex_caller.get(route, runner=sam_caller.runner.pk).json() == [], route
    for route in ("/today", "/plan", "/progress"):
        assert call(alex_caller, route).json()["runner"] == "Alex Moreno", route
    assert alex_caller.get("/today", date="2026-12-07").json()["session_logged"] is False


def test_a_runner_only_ever_writes_to_their_own_logs(sam_caller, alex_caller):
    for route in RUNNER_WRITES:
        assert call(alex_caller, route).status_code == 201
    assert not m.SessionLog.objects.filter(runner=sam_caller.runner).exists()
    assert not m.CheckIn.objects.filter(runner=sam_caller.runner).exists()
    assert not m.RunLog.objects.filter(runner=sam_caller.runner).exists()
    assert alex_caller.runner.session_logs.count() == 1


def test_a_runner_gets_403_on_every_clinic_route(sam_caller, alex_caller):
    for caller in (sam_caller, alex_caller):
        for route in clinic_routes(sam_caller.runner.pk):
            assert call(caller, route).status_code == 403, route


@pytest.mark.parametrize("clinician", ["linked_clinician", "unlinked_clinician"])
def test_a_clinician_gets_403_on_every_runner_route(clinician, request):
    caller = request.getfixturevalue(clinician)
    for route in RUNNER_READS + RUNNER_WRITES:
        response = call(caller, route)
        assert response.status_code == 403, route
        assert "for runners" in response.json()["detail"]
    assert not m.SessionLog.objects.exists() and not m.CheckIn.objects.exists() and not m.RunLog.objects.exists()


def test_an_unlinked_clinician_gets_404_for_the_runners_clinic_routes(sam_caller, unlinked_clinician):
    for view in CLINIC_READS:
        response = call(unlinked_clinician, f"/clinic/runners/{sam_caller.runner.pk}/{view}")
        assert response.status_code == 404, view
        assert response.json() == {"detail": "No such runner among yours."}


def test_an_unlinked_clinician_does_not_see_the_runner_in_their_list(sam_caller, unlinked_clinician):
    names = [r["name"] for r in call(unlinked_clinician, "/clinic/runners").json()]
    assert names == ["Alex Moreno"]


def test_a_linked_clinician_reads_the_runners_today_plan_and_progress(sam_caller, linked_clinician):
    for view in CLINIC_READS:
        response = call(linked_clinician, f"/clinic/runners/{sam_caller.runner.pk}/{view}")
        assert response.status_code == 200, view
        assert response.json()["runner"] == "Sam Rivera"


def test_a_linked_clinician_lists_the_runner_with_the_stored_attention_flags(sam_caller, linked_clinician):
    [row] = call(linked_clinician, "/clinic/runners").json()
    assert row["id"] == sam_caller.runner.pk and row["name"] == "Sam Rivera"
    assert row["attention"] == sam_caller.runner.state["attention"]
    assert row["state_as_of"] == "2026-12-07"


def test_an_account_without_a_runner_gets_404_saying_what_to_do(newcomer):
    for route in RUNNER_READS + RUNNER_WRITES:
        response = call(newcomer, route)
        assert response.status_code == 404, route
        assert "complete the intake" in response.json()["detail"]


def test_a_runner_held_back_by_a_referral_gets_409_for_their_program(referred_caller):
    for route in ["/today", "/plan", "/progress", *RUNNER_WRITES]:
        response = call(referred_caller, route)
        assert response.status_code == 409, route
        [problem] = response.json()["detail"]
        assert problem["field"] == "runner" and "a clinician must clear it first" in problem["message"]
    assert call(referred_caller, "/sessions").json() == []
