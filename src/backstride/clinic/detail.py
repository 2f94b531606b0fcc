"""Everything on a runner's record page, gathered from the read-only reports."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy

from backstride.core import labels
from backstride.core.library.dose_words import dose_words
from backstride.runners.models import CheckIn, OutcomeMeasure, RunLog, Runner, SessionLog
from backstride.runners.reports import changes_by_day, plan_view, progress_view, today_view

from .planning import slot_label
from .roster import badges_for, outcome_names

RECENT_SESSIONS = 10
RECENT_CHECKINS = 14
RECENT_RUNS = 10
RECENT_OUTCOMES = 10
LATEST_OUTCOMES = 3  # on the summary; the logs list more
UPCOMING_DAYS = 7

TARGETS = {"program": gettext_lazy("Whole program"), "running": gettext_lazy("Running")}
PAUSE_CAUSES = {
    "red_flag": gettext_lazy("a yes to a warning-sign question at a check-in"),
    "leg_symptoms": gettext_lazy("new or worsening leg symptoms"),
    "pain_not_settling": gettext_lazy("pain that has not settled"),
}
SCREENING = {
    "clear": gettext_lazy("Clear"),
    "refer_urgent": gettext_lazy("Urgent referral: see a doctor within days"),
    "refer_emergency": gettext_lazy("Emergency referral"),
}


def change_rows(changes: list[dict]) -> list[dict]:
    """The history of changes (newest first) by day, each with what it applied to in words."""
    return changes_by_day([c | {"what": str(TARGETS.get(c["target"]) or slot_label(c["target"]))} for c in changes])


def verdict(change: dict | None) -> dict | None:
    return change | {"words": labels.label("verdict", change["verdict"])} if change else None


def charts_for(progress: dict) -> dict[str, str]:
    # imported here: the charts (matplotlib) are only needed on this page
    from backstride.pages.charts import progress_charts

    return progress_charts(progress)


def exercise_rows(session: dict | None) -> list[dict]:
    """A session's exercises with their dose in words, and what the plan had when it differs."""
    rows = []
    for e in (session or {}).get("exercises", []):
        planned = e.get("planned")
        rows.append(
            {
                "slot": slot_label(e.get("slot", "")),
                "name": e["name"],
                "dose": dose_words(e, bool(e.get("per_side"))),
                "step": e.get("dosage_step"),
                "steps": e.get("dosage_steps"),
                "planned": _planned_words(planned) if planned else "",
            }
        )
    return rows


def _planned_words(planned: dict) -> str:
    return f"{planned['name']}, {dose_words(planned, bool(planned.get('per_side')))}"


def upcoming(plan: dict, day: dt.date) -> list[dict]:
    """The sessions of the seven days after today as they stand now (adapted where the program changed them)."""
    out = []
    end = day + dt.timedelta(days=UPCOMING_DAYS + 1)
    for week in plan["weeks"]:
        for s in week["sessions"]:
            session = s["adapted"] or s["planned"]
            if day < dt.date.fromisoformat(s["planned"]["date"]) < end:
                out.append(_upcoming_row(session, week["number"], s["adapted"] is not None))
    # after the 8 weeks: the weekly core session, as the runner's today and plan pages show it
    for session in plan.get("maintenance_sessions", []):
        if day < dt.date.fromisoformat(session["date"]) < end:
            out.append(_upcoming_row(session, session["week"], False))
    return out


def _upcoming_row(session: dict, week: int, changed: bool) -> dict:
    return {
        "date": dt.date.fromisoformat(session["date"]),
        "week": week,
        "kind": labels.label("session_kind", session["kind"]),
        "minutes": session["minutes"],
        "changed": changed,
        "exercises": exercise_rows(session),
    }


def recent_logs(runner: Runner) -> dict:
    return {
        "sessions": list(SessionLog.objects.filter(runner=runner).order_by("-date", "-id")[:RECENT_SESSIONS]),
        "checkins": list(CheckIn.objects.filter(runner=runner).order_by("-date")[:RECENT_CHECKINS]),
        "runs": list(RunLog.objects.filter(runner=runner).order_by("-date", "-id")[:RECENT_RUNS]),
        "outcomes": list(OutcomeMeasure.objects.filter(runner=runner).order_by("-date", "-id")[:RECENT_OUTCOMES]),
    }


def positive_screening(runner: Runner) -> dict | None:
    """The latest screening that found a warning sign, kept even after a later clear assessment."""
    found = runner.assessments.exclude(screening_status="clear").first()
    if found is None:
        return None
    screening = found.result.get("screening") or {}
    return {
        "status": found.screening_status,
        "label": SCREENING.get(found.screening_status, found.screening_status),
        "reasons": screening.get("reasons", []),
        "message": screening.get("message", ""),
        "date": found.created_at,
        "partial": bool(found.intake.get("partial")),  # answered at the safety questions alone
    }


def record_header(runner: Runner, day: dt.date) -> dict:
    """What every section shows above its navigation: the flags come from the stored snapshot, so this is cheap."""
    from backstride.reminders.helpers import reminders_on
    from backstride.reminders.models import MaintenanceLapse

    assessment = runner.assessments.first()
    plan = runner.current_plan
    lapsed = MaintenanceLapse.objects.filter(runner=runner).values_list("missed_weeks", flat=True).first()
    attention = ((runner.state or {}).get("attention") or {}) | {"maintenance_lapsed": lapsed}
    badges, _days = badges_for(
        attention, assessment.screening_status if assessment else None, plan.start_date if plan else None, day
    )
    return {
        "day": day,
        "badges": badges,
        "reminders_on": reminders_on(runner),  # whether reminders reach them, never what they say
        "assessment": assessment,
        "no_plan": plan is None,
    }


def summary_section(runner: Runner, day: dt.date, header: dict) -> dict:
    """Who, whether the program is paused and why, today, the next days, the latest outcomes."""
    assessment = header["assessment"]
    record = {
        "screening": assessment.result.get("screening") if assessment else None,
        "screening_label": SCREENING.get(assessment.screening_status, "") if assessment else "",
        "positive_screening": positive_screening(runner),
        "outcomes": list(OutcomeMeasure.objects.filter(runner=runner).order_by("-date", "-id")[:LATEST_OUTCOMES]),
    }
    if header["no_plan"]:
        return record
    today = today_view(runner, day)
    planned = plan_view(runner, day)
    return record | {
        "today": today,
        "phase": labels.label("phase", today["phase"]),
        "session": exercise_rows(today["session"]),
        "outcomes_due": outcome_names(o["kind"] for o in today["outcomes_due"]),
        "session_kind": labels.label("session_kind", today["session"]["kind"]) if today["session"] else "",
        "upcoming": [] if today["paused"] else upcoming(planned, day),  # no sessions while paused
        "pause_cause": PAUSE_CAUSES.get(today["paused"]["cause"], "") if today["paused"] else "",
    }


def logs_section(runner: Runner, day: dt.date, header: dict) -> dict:
    """The recent logs, and the progress drawn from them (the charts are only drawn here)."""
    record = {"logs": recent_logs(runner)}
    if header["no_plan"]:
        return record
    progress = progress_view(runner, day)
    return record | {
        "progress": progress,
        "pain_change": verdict(progress["pain_change"]),
        "odi_change": verdict(progress["odi_change"]),
        "charts": charts_for(progress),
    }


def plan_section(runner: Runner, day: dt.date, header: dict) -> dict:
    """The weeks of the plan, the one that holds today marked."""
    if header["no_plan"]:
        return {}
    planned = plan_view(runner, day)
    weeks = []
    for w in planned["weeks"]:
        core = sum(1 for s in w["sessions"] if s["planned"]["kind"] == "trunk_strength")
        now = w["start_date"] <= day.isoformat() <= w["end_date"]
        weeks.append(w | {"core_sessions": core, "now": now})
    return {"plan": planned, "weeks": weeks}


def changes_section(runner: Runner, day: dt.date, header: dict) -> dict:
    """What changed and why, newest first, by day."""
    if header["no_plan"]:
        return {}
    return {"changes": change_rows(plan_view(runner, day)["changes"])}


# Each section of the record builds only what it shows; the audit section is read in the view.
SECTIONS = {
    "summary": summary_section,
    "logs": logs_section,
    "plan": plan_section,
    "changes": changes_section,
}
