"""A runner's data as one document they can keep: `backstride.export/1`, JSON plus CSV files in a zip.

Only reads. restore.py reads the same document back; the field lists below are shared by both, so what is
written is exactly what can be restored. The format is described in the README ("Your data, exported").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

from django.db import models
from django.utils import timezone

from backstride import __version__

from . import models as m

FORMAT = "backstride.export/1"
JSON_NAME = "backstride-export.json"
SESSIONS_CSV, RUNS_CSV = "session-logs.csv", "runs.csv"

RUNNER_FIELDS = ("name", "age", "sex", "units", "time_zone", "created_at", "state", "state_as_of")
ASSESSMENT_FIELDS = ("created_at", "intake", "screening_status", "result")
PLAN_FIELDS = ("created_at", "start_date", "end_date", "active", "data")
EXERCISE_LOG_FIELDS = ("slug", "completed", "sets", "reps", "hold_seconds", "pain")
SESSION_FIELDS = ("date", "pain_before", "pain_during", "pain_after", "effort", "as_planned", "note")
RECORDED_RUN_FIELDS = (
    "started_at",
    "elapsed_minutes",
    "ascent_m",
    "avg_hr",
    "sport",
    "source_name",
    "source_format",
    "source_sha256",
)
RUN_FIELDS = ("date", "km", "minutes", "pain_during", "pain_after", "effort", "walk", *RECORDED_RUN_FIELDS)
# Fields that files exported before they existed do not have: reading such a file gives them their defaults.
ADDED_LATER = frozenset({"time_zone", "effort", *RECORDED_RUN_FIELDS})
# The runner's own rows, each list in the order it was written: (key in the document, model, fields).
TABLES = (
    ("session_logs", m.SessionLog, (*SESSION_FIELDS, "created_at")),
    (
        "checkins",
        m.CheckIn,
        ("date", "pain", "stiffness", "leg_symptoms", "leg_weakness", "red_flags", "red_flag_status", "created_at"),
    ),
    ("runs", m.RunLog, (*RUN_FIELDS, "created_at")),
    ("outcomes", m.OutcomeMeasure, ("date", "kind", "value", "data", "created_at")),
    ("clearances", m.Clearance, ("date", "note", "cleared_by", "created_at")),
    ("decisions", m.Decision, ("date", "target", "kind", "reason", "details", "digest", "created_at")),
    ("episodes", m.Episode, ("kind", "start", "end", "reason", "details")),
    ("nudges", m.Nudge, ("date", "kind", "message", "dismissed")),
    ("adjustments", m.Adjustment, ("date", "kind", "slot", "slug", "dosage_step", "note", "created_at")),
)


def _value(obj: models.Model, name: str):
    value = getattr(obj, name)
    return value.isoformat() if isinstance(value, dt.date) else value


def row(obj: models.Model, fields) -> dict:
    return {name: _value(obj, name) for name in fields}


def document(runner: m.Runner) -> dict:
    """Everything stored about the runner, in plain JSON values."""
    assessments = list(runner.assessments.order_by("created_at", "id"))
    index = {a.pk: i for i, a in enumerate(assessments)}
    user = runner.user
    doc = {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(),
        "app_version": __version__,
        "runner": row(runner, RUNNER_FIELDS),
        # shown for the runner's own records; an import never creates an account from it
        "account": {"username": user.username, "email": user.email} if user else None,
        "assessments": [row(a, ASSESSMENT_FIELDS) for a in assessments],
        # a plan names its assessment by its place in "assessments"
        "plans": [
            row(p, PLAN_FIELDS) | {"assessment": index[p.assessment_id]}
            for p in runner.plans.order_by("created_at", "id")
        ],
    }
    for key, model, fields in TABLES:
        rows = model.objects.filter(runner=runner).order_by("pk")
        doc[key] = [row(obj, fields) for obj in rows]
    logs = runner.session_logs.order_by("pk").prefetch_related("exercises")
    for item, log in zip(doc["session_logs"], logs, strict=True):
        item["exercises"] = [row(e, EXERCISE_LOG_FIELDS) for e in log.exercises.order_by("pk")]
    authors = runner.adjustments.order_by("pk").select_related("author")
    for item, adjustment in zip(doc["adjustments"], authors, strict=True):
        author = adjustment.author
        item["author"] = (author.get_full_name() or author.username) if author else None
    return doc


def _csv(rows: list[dict], fields) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def export_zip(runner: m.Runner) -> bytes:
    """The zip a runner downloads: the JSON document, and their session logs and runs as CSV."""
    doc = document(runner)
    sessions = [s | {"exercises_done": sum(e["completed"] for e in s["exercises"])} for s in doc["session_logs"]]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, json.dumps(doc, indent=2, ensure_ascii=False))
        archive.writestr(SESSIONS_CSV, _csv(sessions, (*SESSION_FIELDS, "exercises_done")))
        archive.writestr(RUNS_CSV, _csv(doc["runs"], RUN_FIELDS))
    return buffer.getvalue()


def file_name(day: dt.date) -> str:
    return f"backstride-export-{day.isoformat()}.zip"
