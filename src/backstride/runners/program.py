"""Loading a runner's plan and history from the database into the pure core."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import statistics

from django.core.cache import cache
from django.db import connection, transaction
from django.utils.translation import get_language

from backstride.core.errors import InputError
from backstride.core.kept import Kept
from backstride.core.library import load_library
from backstride.core.screening.red_flags import EMERGENCY_MESSAGE, URGENT_MESSAGE
from backstride.core.tracking.adapt import REPLAY_HORIZON_DAYS, Checkpoint, Resumed, replay_resuming
from backstride.core.tracking.events import (
    CheckInReport,
    ExerciseResult,
    History,
    PlanAdjustment,
    RunReport,
    SessionReport,
)
from backstride.core.tracking.events import (
    Clearance as ClearanceEvent,
)
from backstride.core.tracking.ladder import build_ladders
from backstride.core.tracking.resolve import Program
from backstride.core.tracking.state import ProgramState

from .models import Plan, Runner

BASELINE_STIFFNESS_CHECKINS = 3


# A stored plan never changes, so its ladders are built once per process and kept by plan id and
# creation time (a new database, as in tests, hands out the same ids again for other plans).
_LADDERS = Kept(512)


def _ladders(plan: Plan) -> dict:
    key = (plan.id, plan.created_at.timestamp())
    ladders = _LADDERS.get(key)
    if ladders is None:
        profile = plan.assessment.result["profile"]
        ladders = build_ladders(
            plan.data,
            load_library(),
            frozenset(profile["equipment"]),
            profile["directional_preference"],
            profile.get("rotation_sensitive", False),  # assessments stored before it was asked lack it
        )
        _LADDERS[key] = ladders
    return ladders


ADJUSTMENTS_SQL = (
    "SELECT a.date, a.kind, a.note, a.slot, a.slug, a.dosage_step, u.first_name, u.last_name, u.username "
    "FROM runners_adjustment a LEFT JOIN auth_user u ON u.id = a.author_id "
    "WHERE a.runner_id = %s ORDER BY a.date, a.id"
)


def adjustments_for(plan: Plan) -> tuple[PlanAdjustment, ...]:
    """A clinician's changes to this runner's plan, as the core reads them (read on every write: plain SQL)."""
    return tuple(
        PlanAdjustment(
            day,
            kind,
            note,
            slot,
            slug,
            step or 0,
            # the author's full name as Django words it, else the user name; an account since deleted: no name
            f"{first} {last}".strip() or username if username is not None else "your clinician",
        )
        for day, kind, note, slot, slug, step, first, last, username in plain_rows(ADJUSTMENTS_SQL, plan.runner_id)
    )


# A runner's program is their stored plan and their clinician's changes to it, both read-only once
# built: each process builds it once per plan, set of changes, library and language (the doses it
# works out carry the exercise names), and every reader of that runner shares it.
_PROGRAMS = Kept(512)


def program_for(plan: Plan) -> Program:
    adjustments = adjustments_for(plan)
    library = load_library()
    key = (plan.id, plan.created_at.timestamp(), adjustments, id(library), get_language())
    program = _PROGRAMS.get(key)
    if program is None:
        program = _PROGRAMS[key] = Program(plan.data, _ladders(plan), library, adjustments)
    return program


def _warning_signs(status: str, answers: dict | None) -> tuple[str, ...]:
    """The warning signs behind a positive weekly screen, in the runner's words (none when clear)."""
    if not answers or status in ("", "clear"):
        return ()
    from backstride.core.screening import RedFlagAnswers, screen

    return tuple(screen(RedFlagAnswers(flags=answers)).reasons)


# A write reads its runner's history (the whole of it, or from a day on): plain SQL, as an ORM query
# costs about fifteen times as much to build as to run here (rows are few, the queries are the cost).
# Columns come back typed on SQLite and PostgreSQL alike (dates, booleans); JSON comes back as text on
# both.
SESSIONS_SQL = (
    "SELECT s.id, s.date, s.pain_before, s.pain_during, s.pain_after, s.effort, s.as_planned, s.note, "
    "e.slug, e.completed, e.pain, e.sets, e.reps, e.hold_seconds "
    "FROM runners_sessionlog s LEFT JOIN runners_exerciselog e ON e.session_log_id = s.id "
    "WHERE s.runner_id = %s AND s.date >= %s ORDER BY s.date, s.id, e.id"
)
# the answers are read only where they found a warning sign: the reasons are worded from them
CHECKINS_SQL = (
    "SELECT date, pain, stiffness, red_flag_status, leg_symptoms, leg_weakness, "
    "CASE WHEN red_flag_status IN ('', 'clear') THEN NULL ELSE red_flags END "
    "FROM runners_checkin WHERE runner_id = %s AND date >= %s ORDER BY date"
)
# the stiffness baseline is the runner's first mornings', whatever day the history is read from
FIRST_STIFFNESS_SQL = "SELECT stiffness FROM runners_checkin WHERE runner_id = %s ORDER BY date LIMIT %s"
RUNS_SQL = (
    "SELECT date, km, minutes, pain_during, pain_after, walk, effort "
    "FROM runners_runlog WHERE runner_id = %s AND date >= %s ORDER BY date, id"
)
CLEARANCES_SQL = (
    "SELECT date, note, cleared_by, created_at FROM runners_clearance WHERE runner_id = %s ORDER BY date, id"
)
SIGNS_SQL = (
    "SELECT date, created_at FROM runners_checkin "
    "WHERE runner_id = %s AND (red_flag_status NOT IN ('', 'clear') OR leg_symptoms)"
)


def plain_rows(sql: str, *params) -> list[tuple]:
    """The rows of a plain query (for the reads every write makes; see above)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


# the sessions logged after the last one a kept history holds, in the order they were logged
SESSIONS_AFTER_SQL = (
    "SELECT s.id, s.date, s.pain_before, s.pain_during, s.pain_after, s.effort, s.as_planned, s.note, "
    "e.slug, e.completed, e.pain, e.sets, e.reps, e.hold_seconds "
    "FROM runners_sessionlog s LEFT JOIN runners_exerciselog e ON e.session_log_id = s.id "
    "WHERE s.runner_id = %s AND s.id > %s ORDER BY s.id, e.id"
)


def _sessions(sql: str, runner_id: int, after) -> tuple[tuple[SessionReport, ...], int]:
    """The sessions the query finds, in its order, and the id of the last one logged (0 without any)."""
    logged: dict[int, tuple[tuple, list[ExerciseResult]]] = {}  # in the query's order
    for pk, *session, slug, completed, pain, sets, reps, hold in plain_rows(sql, runner_id, after):
        entry = logged.get(pk)
        if entry is None:
            entry = logged[pk] = (session, [])
        if slug is not None:
            entry[1].append(ExerciseResult(slug, completed, pain, sets, reps, hold))
    reports = tuple(
        SessionReport(d, before, during, after, effort, as_planned, tuple(done), note)
        for (d, before, during, after, effort, as_planned, note), done in logged.values()
    )
    return reports, max(logged, default=0)


def history_for(runner: Runner, plan: Plan, since: dt.date | None = None) -> History:
    """The runner's history, whole or (`since`) its reports from that day on (see adapt.reads_from)."""
    return read_history(runner, plan, since)[0]


def read_history(runner: Runner, plan: Plan, since: dt.date | None = None) -> tuple[History, int]:
    """history_for, and the id of the last session logged of those it read (0 without any)."""
    first = since or dt.date.min
    intake = plan.assessment.intake
    messages = {"refer_emergency": EMERGENCY_MESSAGE, "refer_urgent": URGENT_MESSAGE}
    checkins = tuple(
        CheckInReport(
            d,
            pain,
            stiff,
            status or None,
            messages.get(status, ""),
            legs,
            weak,
            _warning_signs(status, json.loads(answers) if answers else None),
        )
        for d, pain, stiff, status, legs, weak, answers in plain_rows(CHECKINS_SQL, runner.pk, first)
    )
    runs = tuple(RunReport(*row) for row in plain_rows(RUNS_SQL, runner.pk, first))
    if since is None:
        earliest = [c.stiffness for c in checkins[:BASELINE_STIFFNESS_CHECKINS]]
    else:
        earliest = [v for (v,) in plain_rows(FIRST_STIFFNESS_SQL, runner.pk, BASELINE_STIFFNESS_CHECKINS)]
    stiffness = [v for v in earliest if v is not None]
    walking = intake["running"].get("walk_30_min_comfortable")
    if walking is None:  # not asked: as the assessment inferred it, from whether walking aggravates the pain
        walking = "walking" not in intake.get("aggravated_by", [])
    sessions, last_session = _sessions(SESSIONS_SQL, runner.pk, first)
    history = History(
        sessions=sessions,
        checkins=checkins,
        runs=runs,
        clearances=clearances_for(runner),
        baseline_pain=intake["pain"]["now"],
        baseline_stiffness=round(statistics.median(stiffness))
        if len(stiffness) >= BASELINE_STIFFNESS_CHECKINS
        else None,
        walk_30_min_comfortable=bool(walking),
    )
    return history, last_session


def clearances_for(runner: Runner) -> tuple[ClearanceEvent, ...]:
    """The clearances, each with the clinician's name in the note the runner sees.

    The replay lets a clearance answer any warning sign up to its day. A warning sign reported
    after a clearance was recorded, for that day or earlier, is one no clinician has seen, so that
    clearance is left out and the pause stands until a clinician clears it again.
    """
    cleared = plain_rows(CLEARANCES_SQL, runner.pk)
    if not cleared:  # most runners: no need to look for warning signs
        return ()
    signs = plain_rows(SIGNS_SQL, runner.pk)  # times compared with times read the same way
    return tuple(
        ClearanceEvent(day, note, by or "")
        for day, note, by, created in cleared
        if not any(sign_day <= day and reported > created for sign_day, reported in signs)
    )


def replay_horizon(plan: Plan) -> dt.date:
    """The last day the program can be worked out for: the replay walks every day from the start."""
    return plan.start_date + dt.timedelta(days=REPLAY_HORIZON_DAYS)


def state_for(runner: Runner, plan: Plan, day: dt.date) -> tuple[Program, History, ProgramState]:
    """The program, the history and the adaptation's state on `day`, carried on from the last checkpoint."""
    program, history, resumed = replayed(runner, plan, day)
    return program, history, resumed.state


# A runner's next write needs the history their last write stored: each process keeps the last
# one it read or stored for each recent runner, with the fingerprints worked out for it, under the
# runner's version. Every change to a history goes through a write that bumps the version, so a
# kept history is used only while it is still the stored one, or when every write since added a
# session log the quick way (the runner's `rewritten` version says so): the sessions logged since
# are then read and added. Any other change (another write, an edit) leaves it behind and the
# history is read again. A history read from a day on (see adapt.reads_from) is kept with the
# checkpoint it was cut for and that day: it serves only a replay carrying on from that checkpoint.
_HISTORIES = Kept(128)  # runner id: (key, history, fingerprints by day, id of the last session held, cut)
Cut = tuple[Checkpoint, dt.date] | None  # a history read from a day on: its checkpoint and that day


def _history_key(runner: Runner, plan: Plan, version: int) -> tuple:
    # the times tell a runner and a plan from those a new database (as in tests) gives the same ids
    return (version, runner.created_at.timestamp(), plan.pk, plan.created_at.timestamp())


def kept_history(runner: Runner, plan: Plan) -> tuple[History, dict[dt.date, str], int, Cut] | None:
    """The runner's stored history at their current version (whole, or cut), the fingerprints known
    for it and the id of its last session, if this process kept it, or kept it at a version since
    which only session logs were added the quick way (None otherwise)."""
    kept = _HISTORIES.get(runner.pk)
    if kept is None:
        return None
    key, history, digests, last, cut = kept
    if key == _history_key(runner, plan, runner.version):
        return history, dict(digests), last, cut
    version = key[0]
    rewritten = getattr(runner, "rewritten", None)
    if key[1:] != _history_key(runner, plan, version)[1:] or rewritten is None or not rewritten <= version:
        return None
    added, newest = _sessions(SESSIONS_AFTER_SQL, runner.pk, last)
    if not added:
        return None  # the version moved with no session added: not a quick write's doing
    for report in added:  # in the order logged: each after the sessions of its day before it
        history = history.with_session(report)
    first = min(report.date for report in added)
    return history, {d: v for d, v in digests.items() if d < first}, newest, cut


def keep_history(
    runner: Runner,
    plan: Plan,
    version: int,
    history: History,
    digests: dict[dt.date, str],
    last_session: int,
    cut: Cut = None,
) -> None:
    """Keep the history a write stored (at the version it stored), once its transaction commits."""

    def keep() -> None:
        _HISTORIES[runner.pk] = (_history_key(runner, plan, version), history, digests, last_session, cut)

    transaction.on_commit(keep)


def fingerprint_of(version: int, resumed: Resumed) -> str:
    """What a write stores beside the version it writes: its checkpoint's fingerprint of the history
    it stored (a checkpoint's digest is worked out from, or checked against, that very history)."""
    kept = resumed.checkpoint
    return f"{version}:{kept.day.isoformat()}:{kept.digest}" if kept is not None else ""


def stored_fingerprint(version: int, stored: str) -> dict[dt.date, str]:
    """The fingerprint stored with the runner's row, by day, if it was stored for this very version."""
    mark, _, rest = stored.partition(":")
    day, _, digest = rest.partition(":")
    if not digest or mark != str(version):
        return {}
    return {dt.date.fromisoformat(day): digest}


def replayed(
    runner: Runner,
    plan: Plan,
    day: dt.date,
    keep: bool = False,
    history: History | None = None,
    digests: dict[dt.date, str] | None = None,
    checkpoint: Checkpoint | None = None,
) -> tuple[Program, History, Resumed]:
    """Replay the history (the stored one unless given) up to `day`, from the last write's checkpoint
    when it still matches (`digests`: the fingerprints already known for this history, by day).

    Only a write keeps a checkpoint (`keep`), once its transaction has committed: the decisions up
    to a checkpoint's day are then always stored, so the write after it stores only the new ones.
    `checkpoint`: the one to carry on from (the last one kept for the plan unless given).
    """
    last = replay_horizon(plan)
    if day > last:
        raise InputError(
            "date", f"must be no later than {last.isoformat()}, {REPLAY_HORIZON_DAYS} days after the plan's start"
        )
    program = program_for(plan)
    if history is None:
        history = history_for(runner, plan)
    resumed = replay_resuming(program, history, day, checkpoint or _checkpoint(plan), digests=digests)
    if keep:
        keep_checkpoint(plan, resumed)
    return program, history, resumed


# The last checkpoint each process read or kept for a plan, so a write does not read it from the
# shared cache each time. One kept by another process since is newer, but this one is as sound: a
# checkpoint is used only when its fingerprint still matches the history, and only replays longer.
_CHECKPOINTS = Kept(256)


def _checkpoint(plan: Plan) -> Checkpoint | None:
    key = checkpoint_key(plan)
    found = _CHECKPOINTS.get(key)
    if found is None:
        found = cache.get(key)
        if found is not None:
            _CHECKPOINTS[key] = found
    return found


def last_checkpoint(plan: Plan) -> Checkpoint | None:
    """The last replay checkpoint kept for the plan, if any."""
    return _checkpoint(plan)


def keep_checkpoint(plan: Plan, resumed: Resumed) -> None:
    """Keep the replay's new checkpoint for the next one, once the write that stored it commits."""
    if resumed.checkpoint is not None and resumed.checkpoint is not resumed.resumed_from:
        key, kept = checkpoint_key(plan), resumed.checkpoint

        def keep() -> None:
            cache.set(key, kept, CHECKPOINT_SECONDS)
            _CHECKPOINTS[key] = kept

        transaction.on_commit(keep)


CHECKPOINT_SECONDS = 30 * 24 * 3600
_FINGERPRINTS: dict[int, str] = {}


def checkpoint_key(plan: Plan) -> str:
    """A stored plan never changes; the library and the language shape the reasons a replay writes."""
    library = load_library()
    fingerprint = _FINGERPRINTS.get(id(library))
    if fingerprint is None:
        text = repr(sorted((slug, ex) for slug, ex in library.exercises.items()))
        fingerprint = _FINGERPRINTS[id(library)] = hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
    return f"replay:{plan.id}:{plan.created_at.timestamp()}:{get_language()}:{fingerprint}"
