"""A runner edits or deletes their own records: the program is worked out again as if it had always been so.

Each test compares the runner who changed a record with a fresh runner given the changed history
from the start: what is stored for them (state, decisions, episodes, nudges) must be the same, apart
from the record of the change itself.
"""

import datetime as dt

import pytest

from backstride.clinic.models import AuditEvent
from backstride.core.errors import InputError
from backstride.core.intake import RedFlags
from backstride.core.tracking.logs import parse_checkin, parse_run, parse_session_log
from backstride.runners import history
from backstride.runners import models as m
from backstride.runners import program as program_module
from backstride.runners.program import replayed
from backstride.runners.services import checkin, log_run, log_session, record_outcome, start_runner

pytestmark = pytest.mark.django_db(transaction=True)  # checkpoints are kept only once a write commits

START = dt.date(2026, 12, 7)  # a Monday
DAYS = 30
NO_FLAGS = dict.fromkeys(RedFlags.model_fields, False)
FLARE = range(22, 26)  # four mornings at 7/10


def pain_on(n: int) -> int:
    return 7 if n in FLARE else max(1, 4 - n // 10)


def write_day(
    runner: m.Runner, n: int, morning_pain=pain_on, session_pain=pain_on, skip_session=None, stiffness=lambda n: 2
) -> None:
    day = (START + dt.timedelta(days=n)).isoformat()
    pain = session_pain
    morning = {"date": day, "pain": morning_pain(n), "stiffness": stiffness(n)}
    checkin(runner, parse_checkin(morning | ({"red_flags": NO_FLAGS} if n % 7 == 0 else {})))
    if n % 7 in (0, 2, 4) and n != skip_session:
        session = {"date": day, "pain_before": pain(n), "pain_during": min(pain(n), 3), "pain_after": pain(n)}
        log_session(runner, parse_session_log(session | {"effort": 5, "as_planned": True}))
    if n % 7 in (1, 3):
        log_run(runner, parse_run({"date": day, "km": 5.0, "minutes": 30.0, "pain_during": 1, "pain_after": 2}))


def started(sam, name: str, **write) -> m.Runner:
    sam = {**sam, "runner": {**sam["runner"], "name": name}, "start_date": START.isoformat()}
    runner, _ = start_runner(sam)
    for n in range(DAYS):
        write_day(runner, n, **write)
    return runner


def stored(runner: m.Runner) -> dict:
    """What the replay stored for the runner, leaving out the records of the runner's own edits."""
    runner.refresh_from_db()
    decisions = m.Decision.objects.filter(runner=runner).exclude(kind=history.HISTORY_EDIT)
    return {
        "decisions": sorted(decisions.values_list("date", "target", "kind", "reason")),
        "episodes": sorted(m.Episode.objects.filter(runner=runner).values_list("kind", "start", "end", "reason")),
        "nudges": sorted(m.Nudge.objects.filter(runner=runner).values_list("date", "kind", "message")),
        "state": runner.state,
        "as_of": runner.state_as_of,
    }


def on(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def test_deleting_a_session_log_replays_the_program_from_that_day(sam):
    runner = started(sam, "Edited")
    log = m.SessionLog.objects.get(runner=runner, date=on(9))
    history.delete(runner, "session", log.id)
    assert stored(runner) == stored(started(sam, "Reference", skip_session=9))
    edit = m.Decision.objects.get(runner=runner, kind=history.HISTORY_EDIT)
    assert edit.date == on(9) and edit.reason.startswith("You deleted your session log of 16 December 2026")


def test_calming_a_flare_up_withdraws_its_decisions_and_episode_and_keeps_the_edits_on_record(sam):
    runner = started(sam, "Edited")
    flare = m.Decision.objects.filter(runner=runner, date__gte=on(FLARE[0]), reason__contains="7/10")
    assert flare.exists()
    assert m.Episode.objects.filter(runner=runner, kind="flare_up").exists()
    for n in FLARE:
        history.edit(runner, "checkin", m.CheckIn.objects.get(runner=runner, date=on(n)).id, {"pain": 3})
        for log in m.SessionLog.objects.filter(runner=runner, date=on(n)):
            history.edit(runner, "session", log.id, {"pain_before": 3, "pain_after": 3})

    calm = lambda n: 3 if n in FLARE else pain_on(n)  # noqa: E731
    reference = started(sam, "Reference", morning_pain=calm, session_pain=calm)
    assert stored(runner) == stored(reference)
    assert not m.Episode.objects.filter(runner=runner, kind="flare_up").exists()
    assert not flare.exists()
    edits = m.Decision.objects.filter(runner=runner, kind=history.HISTORY_EDIT)
    assert sorted({e.date for e in edits}) == [on(n) for n in FLARE]  # later edits did not withdraw earlier ones
    from backstride.runners.reports import plan_view

    changes = [c["reason"] for c in plan_view(runner, on(DAYS - 1))["changes"]]
    assert "You changed your morning check-in of 29 December 2026; the program was worked out again from that day." in (
        changes
    )


def test_a_change_to_the_usual_stiffness_replays_and_withdraws_from_the_plans_start(sam):
    # the first three mornings set the usual stiffness every day is compared with, the days before too
    easy = lambda n: 2 if n < 3 else pain_on(n)  # noqa: E731
    runner = started(sam, "Edited", morning_pain=easy, stiffness=lambda n: {1: 4}.get(n, 2))
    assert m.Decision.objects.filter(runner=runner, date=on(1), reason__contains="stiffness 4/10").exists()
    history.edit(runner, "checkin", m.CheckIn.objects.get(runner=runner, date=on(2)).id, {"stiffness": 6})
    reference = started(sam, "Reference", morning_pain=easy, stiffness=lambda n: {1: 4, 2: 6}.get(n, 2))
    assert stored(runner) == stored(reference)
    assert not m.Decision.objects.filter(runner=runner, date=on(1), reason__contains="stiffness 4/10").exists()


def test_a_nudge_the_new_replay_still_makes_stays_dismissed_and_one_it_no_longer_makes_goes(sam):
    # nudges come only in the maintenance weeks, so the replay's answer is given here directly
    from types import SimpleNamespace

    from backstride.core.tracking.decisions import Nudge

    runner, _ = start_runner({**sam, "start_date": START.isoformat()})
    m.Nudge.objects.filter(runner=runner).delete()
    made = m.Nudge.objects.create(runner=runner, date=on(60), kind="missed_core_week", message="a", dismissed=True)
    gone = m.Nudge.objects.create(runner=runner, date=on(67), kind="missed_core_week", message="b")
    earlier = m.Nudge.objects.create(runner=runner, date=on(50), kind="missed_core_week", message="c")
    state = SimpleNamespace(decisions=[], episodes=[], nudges=[Nudge(on(60), "missed_core_week", "a")])
    history._withdraw(runner, on(55), state)
    assert set(m.Nudge.objects.filter(runner=runner).values_list("id", "dismissed")) == {
        (made.id, True),
        (earlier.id, False),  # before the changed day: not the edit's to withdraw
    }
    assert not m.Nudge.objects.filter(id=gone.id).exists()


def test_a_checkpoint_kept_after_a_deleted_record_is_not_resumed_from(sam, monkeypatch):
    runner = started(sam, "Edited")
    plan, today = runner.current_plan, on(DAYS - 1)
    before = replayed(runner, plan, today)[2].resumed_from
    assert before is not None and before.day > on(9)  # a checkpoint past the record about to go
    history.delete(runner, "session", m.SessionLog.objects.get(runner=runner, date=on(9)).id)
    after = replayed(runner, plan, today)[2]
    assert after.resumed_from is None or after.resumed_from.digest != before.digest
    monkeypatch.setattr(program_module, "_checkpoint", lambda plan: None)  # from the start
    assert replayed(runner, plan, today)[2].state == after.state


def test_changing_a_run_by_hand_replays_as_if_it_had_been_logged_so(sam):
    runner = started(sam, "Edited")
    run = m.RunLog.objects.get(runner=runner, date=on(8))
    history.edit(runner, "run", run.id, {"km": 3.0, "minutes": 20.0, "pain_during": 5})
    run.refresh_from_db()
    assert (run.km, run.minutes, run.pain_during, run.pain_after) == (3.0, 20.0, 5, 2)
    assert AuditEvent.objects.filter(runner=runner, action=history.AUDIT_ACTION, detail__change="changed").exists()


def test_a_check_in_with_a_warning_sign_cannot_be_deleted_nor_its_answers_changed(sam):
    runner, _ = start_runner({**sam, "start_date": START.isoformat()})
    flags = NO_FLAGS | {"fever_or_unwell": True}
    checkin(runner, parse_checkin({"date": on(0).isoformat(), "pain": 3, "red_flags": flags}))
    row = m.CheckIn.objects.get(runner=runner)
    assert row.red_flag_status not in ("", "clear")
    paused, decisions = runner.state["paused"], m.Decision.objects.count()

    with pytest.raises(InputError) as deleting:
        history.delete(runner, "checkin", row.id)
    assert deleting.value.field == "red_flags"
    with pytest.raises(InputError) as clearing:
        history.edit(runner, "checkin", row.id, {"red_flags": NO_FLAGS})
    assert clearing.value.field == "red_flags"
    row.refresh_from_db()
    assert row.red_flags == flags and m.Decision.objects.count() == decisions

    history.edit(runner, "checkin", row.id, {"pain": 5, "red_flags": flags})  # the same answers: only pain changes
    row.refresh_from_db()
    runner.refresh_from_db()
    assert row.pain == 5 and row.red_flags == flags and runner.state["paused"] == paused


def test_leg_symptoms_on_a_check_in_cannot_be_taken_back(sam):
    runner, _ = start_runner({**sam, "start_date": START.isoformat()})
    checkin(runner, parse_checkin({"date": on(0).isoformat(), "pain": 3, "red_flags": NO_FLAGS, "leg_symptoms": True}))
    row = m.CheckIn.objects.get(runner=runner)
    with pytest.raises(InputError) as editing:
        history.edit(runner, "checkin", row.id, {"leg_symptoms": False})
    assert editing.value.field == "leg_symptoms"
    with pytest.raises(InputError):
        history.delete(runner, "checkin", row.id)
    assert m.CheckIn.objects.filter(id=row.id, leg_symptoms=True).exists()


def test_bad_input_stores_nothing(sam):
    runner = started(sam, "Edited")
    log = m.SessionLog.objects.get(runner=runner, date=on(9))
    before = stored(runner)
    for changes, field in [
        ({"pain_during": 11}, "pain_during"),
        ({"note": "bad\x00note"}, "note"),
        ({"date": "2026-12-01"}, "date"),
        ({"exercises": [{"slug": "no-such-exercise"}]}, "exercises.0.slug"),
    ]:
        with pytest.raises(InputError) as refused:
            history.edit(runner, "session", log.id, changes)
        assert refused.value.field == field
    with pytest.raises(InputError):
        history.delete(runner, "session", 10**6)
    log.refresh_from_db()
    assert log.pain_during == 3 and log.note == ""
    assert stored(runner) == before
    assert not m.Decision.objects.filter(kind=history.HISTORY_EDIT).exists()
    assert not AuditEvent.objects.filter(action=history.AUDIT_ACTION).exists()


def test_another_runners_record_is_not_found(sam):
    runner = started(sam, "Edited")
    other, _ = start_runner({**sam, "start_date": START.isoformat()})
    with pytest.raises(InputError) as refused:
        history.delete(other, "session", m.SessionLog.objects.filter(runner=runner).first().id)
    assert refused.value.field == "id"


def test_a_recorded_run_keeps_its_distance_but_takes_pain_and_effort(sam):
    runner, _ = start_runner({**sam, "start_date": START.isoformat()})
    run = m.RunLog.objects.create(
        runner=runner, date=on(2), km=6.2, minutes=33.0, source_format="fit", source_sha256="x" * 64
    )
    with pytest.raises(InputError) as refused:
        history.edit(runner, "run", run.id, {"km": 8.0})
    assert refused.value.field == "km"
    history.edit(runner, "run", run.id, {"pain_during": 2, "pain_after": 1, "effort": 6})
    run.refresh_from_db()
    assert (run.km, run.pain_during, run.pain_after, run.effort) == (6.2, 2, 1, 6)
    history.delete(runner, "run", run.id)
    assert not m.RunLog.objects.filter(id=run.id).exists()


def test_outcomes_are_changed_or_deleted_and_oswestry_is_taken_again(sam):
    runner, _ = start_runner({**sam, "start_date": START.isoformat()})
    times = {"flexor_seconds": 60.0, "extensor_seconds": 90.0, "side_right_seconds": 40.0, "side_left_seconds": 45.0}
    endurance = record_outcome(runner, "endurance", on(1), None, times | {"variant": "home"})
    psfs = record_outcome(runner, "psfs", on(1), 5.0, {"run 10 km": 4, "sit at work": 6})
    odi = record_outcome(runner, "odi", on(1), 20.0, {"percent": 20.0})

    history.edit(runner, "outcome", endurance.id, {"side_left_seconds": 41.0})
    history.edit(runner, "outcome", psfs.id, {"run 10 km": 8})
    endurance.refresh_from_db()
    psfs.refresh_from_db()
    assert endurance.data["side_left_seconds"] == 41.0 and endurance.data["flexor_seconds"] == 60.0
    assert psfs.data == {"run 10 km": 8, "sit at work": 6} and psfs.value == 7.0
    with pytest.raises(InputError) as refused:
        history.edit(runner, "outcome", endurance.id, {"flexor_seconds": 0})
    assert refused.value.field == "flexor_seconds"
    with pytest.raises(InputError):
        history.edit(runner, "outcome", psfs.id, {"a new activity": 3})
    with pytest.raises(InputError) as oswestry:
        history.edit(runner, "outcome", odi.id, {"percent": 10})
    assert oswestry.value.field == "odi"
    for row in (endurance, psfs, odi):
        history.delete(runner, "outcome", row.id)
    assert not m.OutcomeMeasure.objects.filter(runner=runner).exists()


def test_the_history_lists_every_kind_of_record_newest_day_first(sam):
    runner = started(sam, "Edited")
    record_outcome(runner, "psfs", on(3), 5.0, {"run 10 km": 5})
    listed = history.records(runner)
    assert {r["kind"] for r in listed} == {"session", "checkin", "run", "outcome"}
    assert [r["date"] for r in listed] == sorted((r["date"] for r in listed), reverse=True)
    assert listed[0]["kind"] == "checkin" and listed[0]["date"] == on(DAYS - 1)
    assert len(listed) == m.SessionLog.objects.count() + m.CheckIn.objects.count() + m.RunLog.objects.count() + 1


def test_leg_symptoms_added_to_an_earlier_morning_are_not_answered_by_an_earlier_clearance(sam):
    from backstride.runners.services import clear_referral

    runner, _ = start_runner({**sam, "start_date": START.isoformat()})
    checkin(runner, parse_checkin({"date": on(0).isoformat(), "pain": 3, "red_flags": NO_FLAGS, "leg_symptoms": True}))
    checkin(runner, parse_checkin({"date": on(1).isoformat(), "pain": 3}))
    clear_referral(runner, on(2), "seen by Dr Okafor", "Dr Okafor")
    runner.refresh_from_db()
    assert runner.state["paused"] is None

    # the runner now says the second morning had leg symptoms too: a sign no clinician has seen
    history.edit(runner, "checkin", m.CheckIn.objects.get(runner=runner, date=on(1)).id, {"leg_symptoms": True})
    runner.refresh_from_db()
    assert runner.state["paused"] is not None
