"""The runner's program on paper: a PDF (WeasyPrint) rendered from a Django template.

The PDF is not an HTML response, so its stylesheet goes to WeasyPrint directly and the web
pages' content security policy has nothing to say about it.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from django.template import Context, Engine
from django.utils.translation import gettext as _

from backstride.core.library import load_library
from backstride.runners import models as m
from backstride.runners.reports import plan_view

from .views.plan_summary import RUNNING_NOW, _direction

# Page sizes WeasyPrint knows by name, keyed by the option a runner picks.
PAGE_SIZES = {"a4": "A4", "letter": "letter"}
STYLESHEET = Path(__file__).resolve().parent / "static" / "backstride" / "print" / "program.css"
# An engine of its own over this app's templates: the command line runs without the pages app installed.
TEMPLATES = Engine(
    dirs=[str(Path(__file__).resolve().parent / "templates")],
    libraries={
        "i18n": "django.templatetags.i18n",
        "figures": "backstride.pages.templatetags.figures",
        "labels": "backstride.pages.templatetags.labels",
    },
)
CUES_SHOWN = 3  # the key cues; the exercise page on the web has them all


def _risk_words(risk: str) -> str:
    words = {
        "low": _("low risk: pain that is likely to settle with the right exercise and staying active"),
        "medium": _("medium risk: movement and exercise matter most, and a physiotherapist can help"),
        "high": _("high risk: worries about the pain count as much as the pain; a clinician can help with both"),
    }
    return words.get(risk, risk)


def _screening_words(screening: dict) -> str:
    if screening["status"] == "clear":
        return _("Your answers showed no warning signs, so the program can start at home.")
    return screening["message"]


def summary(plan: m.Plan) -> dict:
    """The assessment in plain words, for the first page."""
    result = plan.assessment.result
    running_now = RUNNING_NOW.get(result["profile"].get("running_status"))
    return {
        "screening": _screening_words(result["screening"]),
        "see_someone": result["screening"].get("routine_message"),
        "startback": _risk_words(result["startback"]["risk"]),
        "oswestry": result["odi"]["percent"],
        "direction": _direction(result["profile"]),
        "running": running_now() if running_now else "",
    }


def _shown(session: dict) -> dict:
    """The session as it stands now where the coming week was adapted, else as planned."""
    return session["adapted"] or session["planned"]


def _dose(exercise: dict) -> dict:
    """What pages/_dose.html shows of a planned exercise."""
    return {k: exercise.get(k) for k in ("sets", "reps", "hold_seconds", "minutes", "metres", "per_side")}


def _runs_of_weeks(weeks: list[tuple[int, list]]) -> list[dict]:
    """Consecutive weeks with the same doses as one row: "Weeks 3-5"."""
    rows: list[dict] = []
    for week, doses in weeks:
        if rows and rows[-1]["doses"] == doses and rows[-1]["last"] == week - 1:
            rows[-1]["last"] = week
        else:
            rows.append({"first": week, "last": week, "doses": doses})
    return rows


def _cards(weeks: list[dict], maintenance: dict) -> list[dict]:
    """One card per exercise in the order it first comes, with its doses week by week."""
    library = load_library()
    doses: dict[str, dict] = {}
    for week in weeks:
        exercises = [e for s in week["sessions"] for e in s["exercises"]] + week["daily"]
        for e in exercises:
            label = week["number"]
            by_week = doses.setdefault(e["slug"], {})
            seen = by_week.setdefault(label, [])
            dose = _dose(e)
            if dose not in seen:
                seen.append(dose)
    for e in maintenance["exercises"]:
        doses.setdefault(e["slug"], {})["maintenance"] = [_dose(e)]
    cards = []
    for slug, by_week in doses.items():
        exercise = library[slug]  # plans are built from the library, so every slug is in it
        rows = _runs_of_weeks([(w, d) for w, d in by_week.items() if w != "maintenance"])
        cards.append(
            {
                "exercise": exercise,
                "cues": exercise.cues[:CUES_SHOWN],
                "weeks": rows,
                "maintenance": by_week.get("maintenance"),
            }
        )
    return cards


def program_context(runner: m.Runner, day: dt.date) -> dict:
    """Everything the printed program shows, as the plan stands on the day."""
    plan = runner.current_plan
    view = plan_view(runner, day)
    weeks = []
    for week, built in zip(view["weeks"], plan.data["weeks"], strict=True):
        sessions = [
            {
                "date": dt.date.fromisoformat(s["planned"]["date"]),
                "kind": _shown(s)["kind"],
                "minutes": _shown(s)["minutes"],
                "exercises": _shown(s)["exercises"],
            }
            for s in week["sessions"]
        ]
        daily = built.get("daily_mobility") or {}
        runs = [r | {"date": dt.date.fromisoformat(r["date"])} for r in week["running"]["runs"]]
        weeks.append(
            {
                "number": week["number"],
                "phase_title": week["phase_title"],
                "start": dt.date.fromisoformat(week["start_date"]),
                "end": dt.date.fromisoformat(week["end_date"]),
                "sessions": sessions,
                "daily": daily.get("exercises", []),
                "daily_minutes": daily.get("minutes"),
                "running": week["running"],
                "runs": runs,
            }
        )
    maintenance = view["maintenance"]
    return {
        "runner": runner,
        "printed_on": day,
        "start": dt.date.fromisoformat(view["start_date"]),
        "end": dt.date.fromisoformat(view["end_date"]),
        "summary": summary(plan),
        "paused": view["paused"],
        "weeks": weeks,
        "cards": _cards(weeks, maintenance),
        "maintenance": maintenance | {"start": dt.date.fromisoformat(maintenance["start_date"])},
        "pain_rule": weeks[0]["running"].get("pain_rule") if weeks else "",
    }


@functools.cache
def _stylesheet(source: str):
    """A parsed stylesheet, from a file path or CSS text: parsed once per process."""
    from weasyprint import CSS

    return CSS(filename=source) if source.endswith(".css") else CSS(string=source)


def program_pdf(runner: m.Runner, day: dt.date, size: str = "a4") -> bytes:
    """The whole program as PDF bytes, on A4 or US Letter paper."""
    from weasyprint import HTML

    if size not in PAGE_SIZES:
        raise ValueError(f"size must be one of {', '.join(PAGE_SIZES)}")
    html = TEMPLATES.get_template("pages/print/program.html").render(Context(program_context(runner, day)))
    sheets = [_stylesheet(str(STYLESHEET)), _stylesheet(f"@page {{ size: {PAGE_SIZES[size]}; }}")]
    return HTML(string=html, base_url=str(STYLESHEET.parent)).write_pdf(stylesheets=sheets)
