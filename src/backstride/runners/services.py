"""Use cases that write: each one a single transaction, followed by a fresh adaptation."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from backstride.core.errors import InputError
from backstride.core.screening.red_flags import REFER_EMERGENCY
from backstride.core.tracking.adapt import Checkpoint, Resumed, holds_enough, reads_from
from backstride.core.tracking.events import History
from backstride.core.tracking.state import ProgramState

if TYPE_CHECKING:  # the validation models are only needed on the write path
    from backstride.core.tracking.logs import CheckInInput, RunInput, SessionLogInput

from . import models as m
from .program import (
    fingerprint_of,
    history_for,
    keep_checkpoint,
    keep_history,
    kept_history,
    last_checkpoint,
    plain_rows,
    read_history,
    replayed,
    state_for,
    stored_fingerprint,
)

STORED_DECISIONS = 20  # the latest decisions kept with the stored state; all of them are in their own table
RED_FLAG_INTERVAL_DAYS = 7  # the red-flag questions come back once a week (CLINICAL.md s1)


class NoPlan(InputError):
    pass


def today() -> dt.date:
    """Today in the server's time zone (settings.TIME_ZONE): the day every page and command counts from."""
    return timezone.localdate()


def latest_log_day() -> dt.date:
    """The last day a session, check-in, run or outcome may be dated: today (the tests move it)."""
    return today()


def refuse_future(day: dt.date) -> None:
    """A log is of something done: one dated after today is a mistake, and would show a "last log" ahead."""
    latest = latest_log_day()
    if day > latest:
        raise InputError("date", _("must not be after %(today)s (today)") % {"today": latest.isoformat()})


class NotPaused(InputError):
    """A clearance with no referral to answer: it would otherwise wait to answer a later warning sign."""


def start_runner(
    data: dict, runner: m.Runner | None = None, replan_from: dt.date | None = None
) -> tuple[m.Runner, dict]:
    """Assess an intake and store the runner, the assessment and (when clear) the plan.

    With an existing runner, the new assessment joins their history and its plan replaces
    the active one; earlier assessments and plans stay stored. With replan_from (a change of
    settings), the days before it keep the sessions and runs the runner already had.
    """
    from backstride.core.assessment import assess
    from backstride.core.intake import parse_intake

    intake = parse_intake(data)
    if runner is not None:
        refuse_if_emergency_pause(runner)
    result = assess(intake)
    with transaction.atomic():
        if runner is None:
            runner = m.Runner.objects.create(
                name=intake.runner.name, age=intake.runner.age, sex=intake.runner.sex, units=intake.runner.units
            )
        elif runner.age is None:
            # stored from the safety questions alone: the first full intake says who they are
            runner.name, runner.age, runner.sex = intake.runner.name, intake.runner.age, intake.runner.sex
            runner.units = intake.runner.units
            runner.save(update_fields=["name", "age", "sex", "units"])
        else:
            runner.age, runner.units = intake.runner.age, intake.runner.units
            runner.save(update_fields=["age", "units"])
        assessment = m.Assessment.objects.create(
            runner=runner,
            intake=intake.model_dump(mode="json"),
            screening_status=result["screening"]["status"],
            result={k: v for k, v in result.items() if k != "plan"},
        )
        if result["plan"] is not None:
            previous = runner.current_plan if replan_from is not None else None
            if previous is not None:
                result["plan"] = _keep_the_past(previous.data, result["plan"], replan_from)
            store_plan(runner, assessment, result["plan"])
            recompute(runner, max(intake.start_date, runner.state_as_of or intake.start_date))
        else:
            _retire_plan(runner)
    return runner, result


def _keep_the_past(old: dict, new: dict, day: dt.date) -> dict:
    """The new plan from this day on; before it, the sessions and runs of the old one, as they were."""
    if old["start_date"] != new["start_date"]:
        return new
    cut = day.isoformat()
    for before, after in zip(old["weeks"], new["weeks"], strict=True):
        after["sessions"] = [x for x in before["sessions"] if x["date"] < cut] + [
            x for x in after["sessions"] if x["date"] >= cut
        ]
        runs = after["running"]["runs"]
        after["running"]["runs"] = [r for r in before["running"]["runs"] if r["date"] < cut] + [
            r for r in runs if r["date"] >= cut
        ]
    return new


def _retire_plan(runner: m.Runner) -> None:
    """A positive screening stops the program: no active plan, no state."""
    runner.plans.filter(active=True).update(active=False)
    runner.forget_plan()
    runner.state, runner.state_as_of = None, None
    runner.save(update_fields=["state", "state_as_of"])


def record_positive_screening(
    runner: m.Runner | None, name: str, flags: dict, consent: dict | None = None
) -> tuple[m.Runner, dict]:
    """Store a positive answer to the safety questions before the rest of the intake is known.

    The runner (created with only a name when new) gets an assessment whose intake holds the
    answers, marked partial, and whose result holds the screening; there is no plan. A clinician
    linked later sees it, and a full intake later adds a new assessment beside it.
    """
    from backstride.core.intake import FORMAT, RedFlags
    from backstride.core.screening import RedFlagAnswers, screen
    from backstride.core.validation import validate

    if runner is not None:
        refuse_if_emergency_pause(runner)
    answers = validate(RedFlags, flags, "red_flags").model_dump()
    screening = screen(RedFlagAnswers(flags=answers)).as_dict()
    if screening["status"] == "clear":
        raise InputError("red_flags", "no warning sign in these answers: there is nothing to refer")
    intake = {"format": FORMAT, "partial": True, "red_flags": answers} | ({"consent": consent} if consent else {})
    with transaction.atomic():
        if runner is None:
            runner = m.Runner.objects.create(name=name, age=None, sex="")
        m.Assessment.objects.create(
            runner=runner,
            intake=intake,
            screening_status=screening["status"],
            result={"format": "backstride.assessment/1", "partial": True, "screening": screening},
        )
        _retire_plan(runner)
    return runner, screening


def store_plan(runner: m.Runner, assessment: m.Assessment, plan: dict) -> m.Plan:
    runner.plans.filter(active=True).update(active=False)
    runner.forget_plan()
    stored = m.Plan.objects.create(
        runner=runner, assessment=assessment, start_date=plan["start_date"], end_date=plan["end_date"], data=plan
    )
    sessions, exercises = [], []
    for week in plan["weeks"]:
        for s in week["sessions"]:
            session = m.PlannedSession(
                plan=stored,
                date=s["date"],
                week=week["number"],
                phase=week["phase"],
                kind=s["kind"],
                minutes=s["minutes"],
                hard=s["hard"],
            )
            sessions.append(session)
            exercises.append(
                [
                    m.PrescribedExercise(
                        order=i,
                        slot=e["slot"],
                        slug=e["slug"],
                        sets=e["sets"],
                        reps=e.get("reps"),
                        hold_seconds=e.get("hold_seconds"),
                        minutes=e.get("minutes"),
                        metres=e.get("metres"),
                        per_side=e["per_side"],
                        dosage_step=e["dosage_step"],
                    )
                    for i, e in enumerate(s["exercises"])
                ]
            )
    m.PlannedSession.objects.bulk_create(sessions)
    for session, items in zip(sessions, exercises, strict=True):
        for item in items:
            item.session = session
    m.PrescribedExercise.objects.bulk_create([e for items in exercises for e in items])
    return stored


def active_plan(runner: m.Runner) -> m.Plan:
    plan = runner.current_plan
    if plan is None:
        status = runner.assessments.values_list("screening_status", flat=True).first()
        raise NoPlan("runner", f"{runner.name} has no plan (screening: {status}); a clinician must clear it first")
    return plan


@dataclass(frozen=True)
class _Replay:
    """A replay worked out for a write, and the runner's state it stores."""

    plan: m.Plan
    resumed: Resumed
    stored: dict


def _replay(
    runner: m.Runner,
    day: dt.date,
    history: History | None = None,
    digests: dict[dt.date, str] | None = None,
    checkpoint: Checkpoint | None = None,
) -> _Replay:
    from backstride.core.tracking.attention import attention

    from .reports import outcomes_due

    plan = active_plan(runner)
    program, history, resumed = replayed(runner, plan, day, history=history, digests=digests, checkpoint=checkpoint)
    state = resumed.state
    risk = plan.assessment.result.get("startback", {}).get("risk")
    flags = attention(program, history, state, day, outcomes_due(runner, plan, day, state), risk)
    return _Replay(plan, resumed, state.as_dict(last_decisions=STORED_DECISIONS) | {"attention": flags})


STORED_DECISIONS_FROM = "SELECT date, target, kind, digest FROM runners_decision WHERE runner_id = %s AND date >= %s"


def _digest(reason: str) -> str:
    return hashlib.sha256(reason.encode()).hexdigest()[:16]


def _store(runner: m.Runner, replay: _Replay, changed_from: dt.date | None = None) -> None:
    """Store the replay's new decisions, episodes and nudges, in the write's transaction.

    `changed_from`: the first day that is new to this write: its own rows' first day (a session
    log's day), or the day after the last one replayed and stored, if earlier. What the replay made
    before it, the writes before stored (they read the same reports); of what it made from then on,
    only what is not stored yet is sent.
    """
    state, since = replay.resumed.state, replay.resumed.resumed_from
    keep_checkpoint(replay.plan, replay.resumed)
    # What a checkpoint holds was stored by the write that kept it: store only what came after.
    decisions = state.decisions[since.decisions if since else 0 :]
    episodes = [e for e in state.episodes if since is None or e not in since.episodes]
    nudges = state.nudges[since.nudges if since else 0 :]
    if changed_from is not None:
        stored, fresh = set(plain_rows(STORED_DECISIONS_FROM, runner.pk, changed_from)), []
        for d in decisions:
            key = (d.date, d.target, d.kind, _digest(d.reason))
            if d.date >= changed_from and key not in stored:  # a day's second session may repeat one
                stored.add(key)
                fresh.append(d)
        decisions = fresh
        episodes = [e for e in episodes if e.end is None or e.end >= changed_from]
        nudges = [n for n in nudges if n.date >= changed_from]
    m.Decision.objects.bulk_create(
        [
            m.Decision(
                runner=runner,
                date=d.date,
                target=d.target,
                kind=d.kind,
                reason=d.reason,
                details=d.details,
                digest=_digest(d.reason),
            )
            for d in decisions
        ],
        ignore_conflicts=True,
    )
    for e in episodes:
        m.Episode.objects.update_or_create(
            runner=runner,
            kind=e.kind,
            start=e.start,
            defaults={"end": e.end, "reason": e.reason, "details": e.details},
        )
    m.Nudge.objects.bulk_create(
        [m.Nudge(runner=runner, date=n.date, kind=n.kind, message=n.message) for n in nudges],
        ignore_conflicts=True,
    )


def recompute(runner: m.Runner, day: dt.date) -> ProgramState:
    """Replay the history, then store new decisions, episodes and nudges and the latest state.

    Called inside the write's transaction, after its rows. The runner's row is locked first, so two
    writes for one runner replay one after the other and the later one reads the earlier one's rows
    (SQLite's write lock already does this; PostgreSQL needs the row lock).
    """
    with transaction.atomic(savepoint=False):  # the caller's transaction, or one of its own
        lock_runner(runner)
        plan = active_plan(runner)
        # read under the lock: the history this write stores. The fingerprint the last write stored is
        # of no use here: this write's own rows (a check-in, an edit, a deletion) may reach back before
        # its day, or change what every fingerprint counts (the stiffness baseline, a clearance).
        (history, last_session), digests = read_history(runner, plan), {}
        replay = _replay(runner, day, history, digests)
        _store(runner, replay)
        runner.state = replay.stored
        runner.state_as_of = day
        runner.version = F("version") + 1  # counted in the database, so concurrent writers never share a version
        runner.save(update_fields=["state", "state_as_of", "version"])
        runner.refresh_from_db(fields=["version"])
        runner.fingerprint = fingerprint_of(runner.version, replay.resumed)
        runner.rewritten = runner.version  # not a quick session log: a kept history cannot be carried past it
        m.Runner.objects.filter(pk=runner.pk).update(fingerprint=runner.fingerprint, rewritten=runner.rewritten)
        keep_history(runner, plan, runner.version, history, digests, last_session)
    return replay.resumed.state


def lock_runner(runner: m.Runner) -> None:
    """Hold the runner's row until the transaction ends, so writes for one runner take turns.

    PostgreSQL needs it; on SQLite a write transaction already holds the database's one write lock.
    A write that checks before it stores (one check-in a morning) takes it before checking.
    """
    m.Runner.objects.select_for_update().filter(pk=runner.pk).values_list("pk").first()


def _as_of(runner: m.Runner, day: dt.date) -> dt.date:
    return max(day, runner.state_as_of or day)


class _Moved(Exception):
    """Another write changed the runner while a replay was being worked out."""


def _session_rows(runner: m.Runner, log: SessionLogInput) -> tuple[m.SessionLog, list[m.ExerciseLog]]:
    entry = m.SessionLog(
        runner=runner,
        date=log.date,
        pain_before=log.pain_before,
        pain_during=log.pain_during,
        pain_after=log.pain_after,
        effort=log.effort,
        as_planned=log.as_planned or not log.exercises,
        note=log.note,
    )
    done = [
        m.ExerciseLog(
            slug=e.slug,
            completed=e.completed,
            sets=e.sets,
            reps=e.reps,
            hold_seconds=e.hold_seconds,
            pain=e.pain,
        )
        for e in log.exercises
    ]
    return entry, done


# The quick write's own statements, in plain SQL like the reads (see program.plain_rows): an ORM
# update or insert costs more to build than to run.
MOVE_ON_SQL = (
    "UPDATE runners_runner SET state = %s, state_as_of = %s, version = %s, fingerprint = %s "
    "WHERE id = %s AND version = %s"
)
INSERT_SESSION_SQL = (
    "INSERT INTO runners_sessionlog (runner_id, date, pain_before, pain_during, pain_after, effort, as_planned, "
    "note, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id"
)


def _move_on(runner_id: int, seen: int, stored: dict, day: dt.date, fingerprint: str) -> bool:
    """Store the runner's new state at the next version, if it is still at the version seen."""
    ops = connection.ops
    params = [ops.adapt_json_value(stored, None), ops.adapt_datefield_value(day), seen + 1, fingerprint]
    with connection.cursor() as cursor:
        cursor.execute(MOVE_ON_SQL, [*params, runner_id, seen])
        return cursor.rowcount == 1


def _insert_session(entry: m.SessionLog, done: list[m.ExerciseLog]) -> None:
    ops, entry.created_at = connection.ops, timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            INSERT_SESSION_SQL,
            [
                entry.runner_id,
                ops.adapt_datefield_value(entry.date),
                entry.pain_before,
                entry.pain_during,
                entry.pain_after,
                entry.effort,
                entry.as_planned,
                entry.note,
                ops.adapt_datetimefield_value(entry.created_at),
            ],
        )
        entry.pk = cursor.fetchone()[0]
    entry._state.adding = False
    for row in done:
        row.session_log = entry
    if done:
        m.ExerciseLog.objects.bulk_create(done)


def _log_session_ahead(runner: m.Runner, log: SessionLogInput) -> ProgramState | None:
    """Work out the replay with the new session before taking the write lock; store both only if
    the runner is still at the version that was read (None otherwise: nothing is stored).

    The replay is most of a write's time; outside the lock, writes for different runners work it
    out side by side instead of queueing for the database's one writer.
    """
    if not isinstance(runner.version, int):
        return None
    seen, day = runner.version, _as_of(runner, log.date)
    last = runner.state_as_of  # the last day replayed and stored: the days after it are new to this write too
    new_from = min(log.date, last + dt.timedelta(days=1)) if last is not None else None
    entry, done = _session_rows(runner, log)
    plan = active_plan(runner)
    kept = kept_history(runner, plan)
    carried = _kept_to_carry_on(plan, log, day, kept) if kept is not None else None
    stored, digests, checkpoint, since = carried or _history_to_carry_on(runner, plan, log, day)
    # a session changes no fingerprint of the days before it; it counts from its own day on
    history, digests = stored.with_session(log.report()), {d: v for d, v in digests.items() if d < log.date}
    replay = _replay(runner, day, history, digests, checkpoint)
    if checkpoint is not None and replay.resumed.resumed_from is not checkpoint:
        return None  # a history read from a day on serves only a replay from that checkpoint: read it all
    try:
        with transaction.atomic():
            fingerprint = fingerprint_of(seen + 1, replay.resumed)
            if not _move_on(runner.pk, seen, replay.stored, day, fingerprint):
                raise _Moved
            _insert_session(entry, done)
            _store(runner, replay, changed_from=new_from)
            cut = (checkpoint, since) if checkpoint is not None else None
            keep_history(runner, plan, seen + 1, history, digests, entry.pk, cut)
    except _Moved:
        return None
    runner.state, runner.state_as_of, runner.version, runner.fingerprint = replay.stored, day, seen + 1, fingerprint
    return replay.resumed.state


Carried = tuple[History, dict[dt.date, str], Checkpoint | None, dt.date | None]


def _carries_on(plan: m.Plan, log: SessionLogInput, checkpoint: Checkpoint | None, digests: dict) -> bool:
    """The session comes after the plan's last checkpoint, which the fingerprints vouch for."""
    return (
        checkpoint is not None
        and checkpoint.day < log.date
        and last_checkpoint(plan) is checkpoint
        and digests.get(checkpoint.day) == checkpoint.digest
    )


def _kept_to_carry_on(plan: m.Plan, log: SessionLogInput, day: dt.date, kept: tuple) -> Carried | None:
    """The history this process kept, whole, or cut for the plan's last checkpoint when it still
    holds what a replay from that checkpoint up to `day` reads (None: read it from the database)."""
    history, digests, _last, cut = kept
    if cut is None:
        return history, digests, None, None
    checkpoint, since = cut
    if _carries_on(plan, log, checkpoint, digests):
        needed = reads_from(plan.start_date, checkpoint, day)
        if needed is not None and needed >= since and holds_enough(history, checkpoint):
            return history, digests, checkpoint, since
    return None


def _history_to_carry_on(runner: m.Runner, plan: m.Plan, log: SessionLogInput, day: dt.date) -> Carried:
    """A write whose history this process did not keep reads it from the database: from the day a
    replay carrying on from the plan's last checkpoint needs, when the fingerprint stored with the
    runner at this version vouches for that checkpoint and the session comes after it (that
    checkpoint and that day then go with it); else all of it. The fingerprints known either way go
    with it."""
    digests = stored_fingerprint(runner.version, runner.fingerprint)
    checkpoint = last_checkpoint(plan)
    if _carries_on(plan, log, checkpoint, digests):
        since = reads_from(plan.start_date, checkpoint, day)
        if since is not None:
            recent = history_for(runner, plan, since)
            if holds_enough(recent, checkpoint):
                return recent, digests, checkpoint, since
    return history_for(runner, plan), digests, None, None


def log_session(runner: m.Runner, log: SessionLogInput) -> ProgramState:
    refuse_future(log.date)
    active_plan(runner)
    state = _log_session_ahead(runner, log)
    if state is not None:
        return state
    with transaction.atomic():  # another write came first: replay again under the write lock
        _insert_session(*_session_rows(runner, log))
        return recompute(runner, _as_of(runner, log.date))


DECISION_KEYS = "SELECT date, target, kind FROM runners_decision WHERE runner_id = %s AND date >= %s"


def decision_keys_since(runner: m.Runner, day: dt.date) -> set[tuple[dt.date, str, str]]:
    """The (date, target, kind) of the decisions stored from this day on: what a new log's answer
    compares against to say what the log changed (read on every write: plain SQL)."""
    return set(plain_rows(DECISION_KEYS, runner.pk, day))


def red_flags_due(runner: m.Runner, day: dt.date) -> bool:
    """True when a week has passed since the questions were last answered (or since the start)."""
    plan = active_plan(runner)
    last = (
        m.CheckIn.objects.filter(runner=runner, date__lte=day)
        .exclude(red_flags=None)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    since = last or plan.start_date
    return (day - since).days >= RED_FLAG_INTERVAL_DAYS


def checkin(runner: m.Runner, data: CheckInInput) -> ProgramState:
    from backstride.core.screening import RedFlagAnswers, screen

    refuse_future(data.date)
    active_plan(runner)
    if red_flags_due(runner, data.date) and data.red_flags is None:
        raise InputError("red_flags", "the weekly red-flag questions are due: answer them with this check-in")
    status = ""
    if data.red_flags is not None:
        status = screen(RedFlagAnswers(flags=data.red_flags.model_dump(), age=runner.age)).status
    with transaction.atomic():
        lock_runner(runner)  # a second check-in sent at the same moment waits here, then is refused below
        if m.CheckIn.objects.filter(runner=runner, date=data.date).exists():
            raise InputError("date", f"there is already a check-in for {data.date.isoformat()}")
        m.CheckIn.objects.create(
            runner=runner,
            date=data.date,
            pain=data.pain,
            stiffness=data.stiffness,
            leg_symptoms=data.leg_symptoms or data.leg_weakness,
            leg_weakness=data.leg_weakness,
            red_flags=data.red_flags.model_dump() if data.red_flags else None,
            red_flag_status=status,
        )
        return recompute(runner, _as_of(runner, data.date))


def log_run(runner: m.Runner, data: RunInput) -> ProgramState:
    refuse_future(data.date)
    active_plan(runner)
    with transaction.atomic():
        from .recorded import unrated_recording

        recorded = unrated_recording(runner, data.date, data.km, data.walk)
        if recorded is not None:  # the same run a watch already sent: the runner's answers complete it
            recorded.pain_during, recorded.pain_after = data.pain_during, data.pain_after
            recorded.effort = data.effort
            recorded.save(update_fields=["pain_during", "pain_after", "effort"])
        else:
            m.RunLog.objects.create(
                runner=runner,
                date=data.date,
                km=data.km,
                minutes=data.minutes,
                pain_during=data.pain_during,
                pain_after=data.pain_after,
                effort=data.effort,
                walk=data.walk,
            )
        return recompute(runner, _as_of(runner, data.date))


def record_outcome(runner: m.Runner, kind: str, day: dt.date, value: float | None, data: dict) -> m.OutcomeMeasure:
    refuse_future(day)
    with transaction.atomic():
        measure = m.OutcomeMeasure.objects.create(runner=runner, kind=kind, date=day, value=value, data=data)
        if runner.current_plan is not None:
            recompute(runner, _as_of(runner, day))
        return measure


def referral_to_clear(runner: m.Runner, day: dt.date) -> dict | None:
    """The pause a clearance dated `day` would end, or None when the program is not paused then.

    It counts as an emergency when an emergency sign was reported at any check-in since the pause
    began, whatever tier it began at: a milder pause must not hide a later emergency sign.
    """
    plan = active_plan(runner)
    if runner.state_as_of is not None and day >= runner.state_as_of:
        paused = (runner.state or {}).get("paused")  # nothing is logged after the stored state
    else:
        _program, _history, state = state_for(runner, plan, day)
        paused = state.paused.as_dict() if state.paused else None
    if paused is None:
        return None
    later = m.CheckIn.objects.filter(
        runner=runner, date__gte=paused["date"], date__lte=day, red_flag_status=REFER_EMERGENCY
    )
    return paused | {"status": REFER_EMERGENCY} if later.exists() else paused


def emergency_pause(runner: m.Runner) -> dict | None:
    """The open emergency pause of the runner's program, if there is one."""
    if runner.current_plan is None or runner.state_as_of is None:
        return None
    paused = referral_to_clear(runner, runner.state_as_of)
    return paused if paused is not None and paused["status"] == REFER_EMERGENCY else None


def refuse_if_emergency_pause(runner: m.Runner) -> None:
    """A new assessment replaces the plan, and with it the pause: never for an emergency one."""
    if emergency_pause(runner) is not None:
        raise InputError(
            "runner",
            "the program is paused for an emergency referral: only a clinician can clear it, "
            "and a new assessment cannot replace it",
        )


def clear_referral(runner: m.Runner, day: dt.date, note: str, cleared_by: str | None = None) -> ProgramState:
    """Record a clearance so the paused program resumes.

    An emergency referral stops the program and the runner cannot override it (CLINICAL.md s1):
    only a clinician clears it, so `cleared_by` (the clinician's name) is required for one.
    """
    note, cleared_by = note.strip(), (cleared_by or "").strip()
    if not note:
        raise InputError("note", "say who cleared the referral and when")
    from backstride.core.inputs import check_text  # pydantic: only on this path, not at every command's start

    check_text("note", note)
    check_text("cleared_by", cleared_by)
    with transaction.atomic():
        paused = referral_to_clear(runner, day)
        if paused is None:
            raise NotPaused("runner", f"the program is not paused on {day.isoformat()}: there is no referral to clear")
        if paused["status"] == REFER_EMERGENCY and not cleared_by:
            raise InputError(
                "cleared_by",
                "an emergency referral can only be cleared by a clinician: give the name of the clinician "
                "who examined the runner",
            )
        m.Clearance.objects.create(runner=runner, date=day, note=note, cleared_by=cleared_by or None)
        return recompute(runner, _as_of(runner, day))


__all__ = [
    "checkin",
    "clear_referral",
    "emergency_pause",
    "log_run",
    "log_session",
    "record_outcome",
    "record_positive_screening",
    "referral_to_clear",
    "refuse_future",
    "start_runner",
    "today",
]
