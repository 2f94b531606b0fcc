"""A runner's own history: every record they logged, newest first, with edit and delete.

Each change is one transaction: the record is changed, the program is replayed from the changed
day, what the new replay no longer produces from that day on is withdrawn, and the change itself
is kept in the plan's history (a Decision of kind HISTORY_EDIT) and in the audit trail.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backstride.core.errors import InputError

from . import models as m
from . import services

HISTORY_EDIT, HISTORY_TARGET = "history_edit", "history"
AUDIT_ACTION = "history_changed"  # written by the runner: the clinician's audit page lists it with the rest
KINDS = ("session", "checkin", "run", "outcome")
# The answers only a clinician may clear: changing them would lift a pause (CLINICAL.md s1).
LOCKED_CHECKIN_FIELDS = ("red_flags", "leg_symptoms", "leg_weakness")


def safety_locked(checkin: m.CheckIn) -> bool:
    """A check-in that reported a warning sign or leg symptoms: its answers stand until a clinician clears them."""
    return checkin.red_flag_status not in ("", "clear") or checkin.leg_symptoms


def records(runner: m.Runner) -> list[dict]:
    """Every session, check-in, run and outcome measure of the runner, newest day first."""
    found = []
    for log in runner.session_logs.prefetch_related("exercises"):
        found.append(
            {
                "kind": "session",
                "id": log.id,
                "date": log.date,
                "pain_before": log.pain_before,
                "pain_during": log.pain_during,
                "pain_after": log.pain_after,
                "effort": log.effort,
                "as_planned": log.as_planned,
                "note": log.note,
                "exercises": [
                    {f: getattr(e, f) for f in ("slug", "completed", "sets", "reps", "hold_seconds", "pain")}
                    for e in sorted(log.exercises.all(), key=lambda e: e.id)
                ],
            }
        )
    for c in runner.checkins.all():
        found.append(
            {
                "kind": "checkin",
                "id": c.id,
                "date": c.date,
                "pain": c.pain,
                "stiffness": c.stiffness,
                "leg_symptoms": c.leg_symptoms,
                "leg_weakness": c.leg_weakness,
                "red_flags_answered": c.red_flags is not None,
                "red_flag_status": c.red_flag_status,
                "locked": safety_locked(c),
            }
        )
    for r in runner.run_logs.all():
        found.append(
            {
                "kind": "run",
                "id": r.id,
                "date": r.date,
                "km": r.km,
                "minutes": r.minutes,
                "pain_during": r.pain_during,
                "pain_after": r.pain_after,
                "effort": r.effort,
                "walk": r.walk,
                "recorded": bool(r.source_format),
                "source_name": r.source_name,
            }
        )
    for o in runner.outcomes.all():
        found.append(
            {"kind": "outcome", "id": o.id, "date": o.date, "measure": o.kind, "value": o.value, "data": o.data}
        )
    order = {"checkin": 0, "session": 1, "run": 2, "outcome": 3}  # within a day, as a morning goes
    found.sort(key=lambda r: (-r["date"].toordinal(), order[r["kind"]], -r["id"]))
    return found


def record_of(runner: m.Runner, kind: str, record_id: int):
    """The runner's own record, or InputError: another runner's record is as unknown as a missing one."""
    model = {"session": m.SessionLog, "checkin": m.CheckIn, "run": m.RunLog, "outcome": m.OutcomeMeasure}.get(kind)
    if model is None:
        raise InputError("kind", _("must be one of: %(kinds)s") % {"kinds": ", ".join(KINDS)})
    row = model.objects.filter(runner=runner, id=record_id).first()
    if row is None:
        raise InputError("id", _("you have no %(kind)s numbered %(id)s") % {"kind": kind, "id": record_id})
    return row


def delete(runner: m.Runner, kind: str, record_id: int, actor=None) -> None:
    """Delete one record and work the program out again from its day."""
    with transaction.atomic():
        services.lock_runner(runner)  # an edit of the same record at the same moment waits for this one
        row = record_of(runner, kind, record_id)
        if kind == "checkin" and safety_locked(row):
            raise InputError(
                "red_flags",
                _(
                    "this check-in reported a warning sign or leg symptoms: it cannot be deleted, "
                    "only a clinician can clear what it started"
                ),
            )
        day, name, usual = row.date, record_name(kind, row), _usual_stiffness(runner, kind)
        row.delete()
        _replayed_from(runner, _from(runner, kind, day, usual), "deleted", name, kind, record_id, actor, day)


def edit(runner: m.Runner, kind: str, record_id: int, changes: dict, actor=None) -> None:
    """Change some fields of one record (its day stays), validated as the log paths validate a new one."""
    editors = {"session": _edit_session, "checkin": _edit_checkin, "run": _edit_run, "outcome": _edit_outcome}
    if kind not in editors:
        raise InputError("kind", _("must be one of: %(kinds)s") % {"kinds": ", ".join(KINDS)})
    with transaction.atomic():
        services.lock_runner(runner)  # so a delete at the same moment cannot be undone by this edit's save
        row = record_of(runner, kind, record_id)
        services.refuse_future(row.date)
        usual = _usual_stiffness(runner, kind)
        editors[kind](runner, row, changes)
        since = _from(runner, kind, row.date, usual)
        _replayed_from(runner, since, "changed", record_name(kind, row), kind, record_id, actor, row.date)


def _usual_stiffness(runner: m.Runner, kind: str) -> int | None:
    """The stiffness every morning is compared with, set by the first check-ins (None when unknown or unused)."""
    plan = runner.current_plan
    if kind != "checkin" or plan is None:
        return None
    from .program import history_for

    return history_for(runner, plan).baseline_stiffness


def _from(runner: m.Runner, kind: str, day: dt.date, usual: int | None) -> dt.date:
    """The first day the change can alter: its own, or the plan's first when it moved the usual stiffness."""
    if kind == "checkin" and runner.current_plan is not None and _usual_stiffness(runner, kind) != usual:
        return min(day, runner.current_plan.start_date)
    return day


def _unknown(changes: dict, allowed: tuple[str, ...]) -> None:
    extra = sorted(set(changes) - set(allowed))
    if extra:
        raise InputError(extra[0], _("cannot be changed here (these can: %(fields)s)") % {"fields": ", ".join(allowed)})


def _edit_session(runner: m.Runner, row: m.SessionLog, changes: dict) -> None:
    from backstride.core.inputs import check_session_log
    from backstride.core.tracking.logs import parse_session_log

    fields = ("pain_before", "pain_during", "pain_after", "effort", "note", "as_planned", "exercises")
    _unknown(changes, fields)
    current = {f: getattr(row, f) for f in fields[:-1]} | {
        "exercises": [
            {
                k: v
                for k, v in (
                    ("slug", e.slug),
                    ("completed", e.completed),
                    ("sets", e.sets),
                    ("reps", e.reps),
                    ("hold_seconds", e.hold_seconds),
                    ("pain", e.pain),
                )
                if v is not None
            }
            for e in row.exercises.order_by("id")
        ]
    }
    log = check_session_log(parse_session_log(current | changes | {"date": row.date.isoformat()}))
    for f in fields[:-1]:
        setattr(row, f, getattr(log, f))
    row.as_planned = log.as_planned or not log.exercises
    row.save()
    if "exercises" in changes:
        row.exercises.all().delete()
        m.ExerciseLog.objects.bulk_create(
            [
                m.ExerciseLog(
                    session_log=row,
                    **e.model_dump(include={"slug", "completed", "sets", "reps", "hold_seconds", "pain"}),
                )
                for e in log.exercises
            ]
        )


def _edit_checkin(runner: m.Runner, row: m.CheckIn, changes: dict) -> None:
    from backstride.core.screening import RedFlagAnswers, screen
    from backstride.core.tracking.logs import parse_checkin

    fields = ("pain", "stiffness", *LOCKED_CHECKIN_FIELDS)
    _unknown(changes, fields)
    was_locked = safety_locked(row)
    if was_locked:
        for f in LOCKED_CHECKIN_FIELDS:
            if f in changes and changes[f] != getattr(row, f):
                raise InputError(
                    f,
                    _(
                        "this check-in reported a warning sign or leg symptoms: those answers stand until "
                        "a clinician clears them (pain and stiffness may be changed)"
                    ),
                )
    current = {f: getattr(row, f) for f in fields}
    data = parse_checkin(current | changes | {"date": row.date.isoformat()})
    row.pain, row.stiffness = data.pain, data.stiffness
    row.leg_symptoms, row.leg_weakness = data.leg_symptoms or data.leg_weakness, data.leg_weakness
    if not safety_locked(row) and "red_flags" in changes:
        row.red_flags = data.red_flags.model_dump() if data.red_flags else None
        row.red_flag_status = (
            screen(RedFlagAnswers(flags=row.red_flags, age=runner.age)).status if row.red_flags else ""
        )
    if safety_locked(row) and not was_locked:
        # a warning sign reported today for an earlier morning: no clinician has seen it, so no clearance
        # recorded before now may answer it (program.clearances_for compares this time)
        row.created_at = timezone.now()
    row.save()


def _edit_run(runner: m.Runner, row: m.RunLog, changes: dict) -> None:
    from backstride.core.tracking.logs import parse_run

    rated = ("pain_during", "pain_after", "effort")
    fields = rated if row.source_format else (*rated, "km", "minutes", "walk")
    if row.source_format and set(changes) & {"km", "minutes", "walk"}:
        field = sorted(set(changes) & {"km", "minutes", "walk"})[0]
        raise InputError(field, _("comes from the recording and cannot be changed (pain and effort can)"))
    _unknown(changes, fields)
    current = {f: getattr(row, f) for f in (*rated, "km", "minutes", "walk")}
    data = parse_run(current | changes | {"date": row.date.isoformat()})
    for f in fields:
        setattr(row, f, getattr(data, f))
    row.save()


def _edit_outcome(runner: m.Runner, row: m.OutcomeMeasure, changes: dict) -> None:
    if row.kind == m.OutcomeMeasure.ENDURANCE:
        from backstride.core.intake import EnduranceTest
        from backstride.core.validation import validate

        test = validate(EnduranceTest, row.data | changes, "endurance")
        row.data = test.model_dump()
    elif row.kind == m.OutcomeMeasure.PSFS:
        from backstride.core.questionnaires import psfs

        _unknown(changes, tuple(row.data))  # the activities rated that day; a new one is a new rating
        result = psfs.score(row.data | changes)
        row.data, row.value = result.ratings, result.mean
    else:
        raise InputError("odi", _("the Oswestry questionnaire is not changed answer by answer: take it again"))
    row.save()


def record_name(kind: str, row) -> str:
    if kind == "session":
        return _("session log")
    if kind == "checkin":
        return _("morning check-in")
    if kind == "run":
        return _("walk") if row.walk else _("run")
    return {
        m.OutcomeMeasure.ODI: _("Oswestry questionnaire"),
        m.OutcomeMeasure.PSFS: _("activity ratings"),
        m.OutcomeMeasure.ENDURANCE: _("endurance self-tests"),
    }[row.kind]


def _replayed_from(
    runner: m.Runner, since: dt.date, change: str, name: str, kind: str, record_id: int, actor, day: dt.date
) -> None:
    """Replay, withdraw what no longer follows from `since` on, and keep the change of the record of `day`
    in the plan's and the audit's history."""
    if runner.current_plan is not None and runner.state_as_of is not None:
        state = services.recompute(runner, max(day, runner.state_as_of))
        _withdraw(runner, since, state)
    reasons = {
        "deleted": _("You deleted your %(record)s of %(day)s; the program was worked out again from that day."),
        "changed": _("You changed your %(record)s of %(day)s; the program was worked out again from that day."),
    }
    reason = reasons[change] % {"record": name, "day": date_format(day, "j F Y")}
    at = timezone.now()
    m.Decision.objects.create(
        runner=runner,
        date=day,
        target=HISTORY_TARGET,
        kind=HISTORY_EDIT,
        reason=reason,
        details={"record": kind, "id": record_id},
        # each change is kept, even the same change made twice
        digest=hashlib.sha256(f"{reason}{at.isoformat()}".encode()).hexdigest()[:16],
    )
    from backstride.clinic.services import audit

    audit(actor, runner, AUDIT_ACTION, record=kind, id=record_id, date=day.isoformat(), change=change, by="runner")


def _withdraw(runner: m.Runner, day: dt.date, state) -> None:
    """Delete the decisions, episodes and nudges from `day` on that the new replay no longer makes.

    Those it still makes stay as stored (a dismissed nudge stays dismissed); edits are never withdrawn.
    """
    made = {(d.date, d.target, d.kind, hashlib.sha256(d.reason.encode()).hexdigest()[:16]) for d in state.decisions}
    stale = [
        pk
        for pk, *key in m.Decision.objects.filter(runner=runner, date__gte=day)
        .exclude(kind=HISTORY_EDIT)
        .values_list("id", "date", "target", "kind", "digest")
        if tuple(key) not in made
    ]
    m.Decision.objects.filter(id__in=stale).delete()
    episodes = {(e.kind, e.start): e for e in state.episodes}
    for pk, kind, start in m.Episode.objects.filter(runner=runner).values_list("id", "kind", "start"):
        if (kind, start) not in episodes and start >= day:
            m.Episode.objects.filter(id=pk).delete()
    # an episode open across the changed day may now end elsewhere, or not yet: stored as the replay has it
    for e in episodes.values():
        if e.start >= day or e.end is None or e.end >= day:
            m.Episode.objects.update_or_create(
                runner=runner,
                kind=e.kind,
                start=e.start,
                defaults={"end": e.end, "reason": e.reason, "details": e.details},
            )
    nudges = {(n.date, n.kind): n.message for n in state.nudges}
    for pk, date, kind, message in m.Nudge.objects.filter(runner=runner, date__gte=day).values_list(
        "id", "date", "kind", "message"
    ):
        if (date, kind) not in nudges:
            m.Nudge.objects.filter(id=pk).delete()
        elif nudges[(date, kind)] != message:
            m.Nudge.objects.filter(id=pk).update(message=nudges[(date, kind)])
