"""Reading a `backstride.export/1` document back into the database as a new runner.

Every value is checked against the field it goes into before anything is stored, and the whole
restore is one transaction: a damaged or foreign file is refused with the place of the first
mistake (such as `checkins[3].pain`), and leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import zipfile

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from backstride.core.errors import InputError

from . import models as m
from .export import (
    ADDED_LATER,
    ASSESSMENT_FIELDS,
    EXERCISE_LOG_FIELDS,
    FORMAT,
    JSON_NAME,
    PLAN_FIELDS,
    RUNNER_FIELDS,
    TABLES,
)
from .program import replay_horizon, state_for
from .services import store_plan

FILE = "export file"
MAX_BYTES = 50 * 1024 * 1024  # a year of daily logs is well under 1 MB; more is not an export
OBJECTS = frozenset({"intake", "result", "data", "details"})  # JSON fields that hold an object


def read_document(raw: bytes) -> dict:
    """The JSON document of an export, from the zip or from the JSON file on its own."""
    if zipfile.is_zipfile(io.BytesIO(raw)):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                info = archive.getinfo(JSON_NAME)
                if info.file_size > MAX_BYTES:
                    raise InputError(FILE, f"{JSON_NAME} is too large to be an export")
                raw = archive.read(info)
        except KeyError:
            raise InputError(FILE, f"the zip holds no {JSON_NAME}: it is not a backstride export") from None
        except (zipfile.BadZipFile, OSError, EOFError):
            raise InputError(FILE, "the zip is damaged and cannot be read") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InputError(FILE, "is neither a backstride export zip nor its JSON document") from None
    if not isinstance(doc, dict):
        raise InputError(FILE, "must hold a JSON object")
    if doc.get("format") != FORMAT:
        raise InputError("format", f"must be {FORMAT!r} (got {doc.get('format')!r})")
    return doc


def _typed(value, field: models.Field, where: str):
    """The value as the field stores it, or an InputError saying what the field needs."""
    kind = field.get_internal_type()
    if value is None:
        if field.null:
            return None
        raise InputError(where, "must have a value")
    try:
        if kind == "DateTimeField":
            moment = dt.datetime.fromisoformat(value)
            return moment if timezone.is_aware(moment) else timezone.make_aware(moment, dt.UTC)
        if kind == "DateField":
            return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        written = "YYYY-MM-DDTHH:MM:SS" if kind == "DateTimeField" else "YYYY-MM-DD"
        raise InputError(where, f"must be a date written {written} (got {value!r:.40})") from None
    if kind.endswith("IntegerField") and (isinstance(value, bool) or not isinstance(value, int)):
        raise InputError(where, f"must be a whole number (got {value!r:.40})")
    if kind == "FloatField" and (
        isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)
    ):
        raise InputError(where, f"must be a number (got {value!r:.40})")
    if kind == "BooleanField" and not isinstance(value, bool):
        raise InputError(where, f"must be true or false (got {value!r:.40})")
    if kind in ("CharField", "TextField", "SlugField") and not isinstance(value, str):
        raise InputError(where, f"must be text (got {value!r:.40})")
    if kind == "JSONField" and field.name in OBJECTS and not isinstance(value, dict):
        raise InputError(where, "must be a JSON object")
    return value


def _build(model: type[models.Model], item, fields, where: str, **links) -> models.Model:
    """An unsaved row from one item of the document, each value checked as the model would check it."""
    if not isinstance(item, dict):
        raise InputError(where, "must be a JSON object")
    values = {}
    for name in fields:
        if name not in item and name in ADDED_LATER:
            continue
        if name not in item:
            raise InputError(f"{where}.{name}", "is missing")
        values[name] = _typed(item[name], model._meta.get_field(name), f"{where}.{name}")
    obj = model(**values, **links)
    for name, value in values.items():
        field = model._meta.get_field(name)
        # empty values are as stored (an empty note, details of {}); the rest meets the field's own checks
        if value in field.empty_values:
            continue
        try:
            field.validate(value, obj)
            field.run_validators(value)
        except ValidationError as exc:
            raise InputError(f"{where}.{name}", " ".join(exc.messages)) from None
    return obj


def _items(doc: dict, key: str) -> list:
    items = doc.get(key)
    if not isinstance(items, list):
        raise InputError(key, "is missing" if items is None else "must be a list")
    return items


def _save(objs: list[models.Model], fields) -> None:
    """Store rows keeping the moment each was first written (auto_now_add would set it to now)."""
    if not objs:
        return
    model = type(objs[0])
    kept = [obj.created_at for obj in objs] if "created_at" in fields else None
    model.objects.bulk_create(objs)
    if kept:
        for obj, moment in zip(objs, kept, strict=True):
            obj.created_at = moment
        model.objects.bulk_update(objs, ["created_at"])


def _clinicians_by_name() -> dict[str, object]:
    users = get_user_model().objects.filter(clinician__isnull=False)
    return {(u.get_full_name() or u.username): u for u in users}


def restore(doc: dict) -> m.Runner:
    """Store the document as a new runner; nothing is stored when any part of it is refused."""
    if not isinstance(doc.get("runner"), dict):
        raise InputError("runner", "is missing" if doc.get("runner") is None else "must be a JSON object")
    try:
        with transaction.atomic():
            return _restore(doc)
    except IntegrityError as exc:
        raise InputError(FILE, f"two rows share what must be unique ({str(exc).splitlines()[0]:.80})") from None


def _restore(doc: dict) -> m.Runner:
    runner = _build(m.Runner, doc["runner"], RUNNER_FIELDS, "runner")
    born = runner.created_at
    runner.save()
    assessments = [
        _build(m.Assessment, a, ASSESSMENT_FIELDS, f"assessments[{i}]", runner=runner)
        for i, a in enumerate(_items(doc, "assessments"))
    ]
    _save(assessments, ASSESSMENT_FIELDS)
    plans = []
    for i, item in enumerate(_items(doc, "plans")):
        where = f"plans[{i}]"
        checked = _build(m.Plan, item, PLAN_FIELDS, where, runner=runner)
        ref = item.get("assessment")
        if isinstance(ref, bool) or not isinstance(ref, int) or not 0 <= ref < len(assessments):
            raise InputError(f"{where}.assessment", "must be the number of an assessment in the file, from 0")
        try:
            stored = store_plan(runner, assessments[ref], checked.data)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, ValidationError):
            raise InputError(f"{where}.data", "is not a plan this version of backstride can read") from None
        plans.append((stored, checked))
    for stored, checked in plans:
        m.Plan.objects.filter(pk=stored.pk).update(
            **{name: getattr(checked, name) for name in ("created_at", "start_date", "end_date", "active")}
        )
    authors = _clinicians_by_name() if doc.get("adjustments") else {}
    for key, model, fields in TABLES:
        rows = []
        for i, item in enumerate(_items(doc, key)):
            row = _build(model, item, fields, f"{key}[{i}]", runner=runner)
            if model is m.Adjustment:
                row.author = authors.get(item.get("author"))  # the same clinician, when their account is here
            rows.append(row)
        _save(rows, fields)
        if model is m.SessionLog:
            _restore_exercises(doc, rows)
    m.Runner.objects.filter(pk=runner.pk).update(created_at=born)
    runner = m.Runner.objects.get(pk=runner.pk)
    _check_replay(runner)
    return runner


def _restore_exercises(doc: dict, logs: list[m.SessionLog]) -> None:
    exercises = []
    for i, (item, log) in enumerate(zip(doc["session_logs"], logs, strict=True)):
        done = item.get("exercises", [])
        if not isinstance(done, list):
            raise InputError(f"session_logs[{i}].exercises", "must be a list")
        for j, e in enumerate(done):
            where = f"session_logs[{i}].exercises[{j}]"
            exercises.append(_build(m.ExerciseLog, e, EXERCISE_LOG_FIELDS, where, session_log=log))
    m.ExerciseLog.objects.bulk_create(exercises)


def _check_replay(runner: m.Runner) -> None:
    """The restored program must work out as the stored one did: replay it up to its last stored day."""
    plan = runner.current_plan
    if plan is None or runner.state_as_of is None:
        return
    try:
        state_for(runner, plan, min(runner.state_as_of, replay_horizon(plan)))
    except InputError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise InputError(FILE, f"the plan and logs cannot be worked through ({type(exc).__name__})") from None
