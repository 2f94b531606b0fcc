"""What a new runner's plan page says about their assessment before anything is logged."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from backstride.runners import models as m


def has_logs(runner: m.Runner) -> bool:
    """Whether the runner has logged anything yet: a session, a morning check-in or a run."""
    return (
        m.SessionLog.objects.filter(runner=runner).exists()
        or m.CheckIn.objects.filter(runner=runner).exists()
        or m.RunLog.objects.filter(runner=runner).exists()
    )


def _direction(profile: dict) -> str:
    direction = profile.get("directional_preference", "none")
    if direction == "flexion_sensitive":
        words = _(
            "Bending forward (sitting, bending, lifting) brings your pain on more than standing tall: "
            "the first weeks lean towards movements that ease it."
        )
    elif direction == "extension_sensitive":
        words = _(
            "Standing, walking or arching your back brings your pain on more than bending forward: "
            "the first weeks lean towards movements that ease it."
        )
    else:
        words = _("No one direction of movement stands out as the one that brings your pain on.")
    if profile.get("rotation_sensitive"):
        words += " " + _("Twisting bothers your back too, so twisting exercises wait until later.")
    return words


RUNNING_NOW = {
    "running_pain_free": lambda: _("You are running without pain."),
    "running_with_pain": lambda: _("You are running, but it hurts."),
    "stopped_due_to_pain": lambda: _("You have stopped running because of the pain."),
}


def assessment_summary(plan: m.Plan, view: dict, day: dt.date) -> dict:
    """The assessment in plain words, and the first session from this day on."""
    result = plan.assessment.result
    screening = result["screening"]
    clear = _("Your answers showed no warning signs, so the program can start at home.")
    running_now = RUNNING_NOW.get(result["profile"].get("running_status"))
    first = next(
        (
            s["planned"]
            for week in view["weeks"]
            for s in week["sessions"]
            if dt.date.fromisoformat(s["planned"]["date"]) >= day
        ),
        None,
    )
    return {
        "screening": clear if screening["status"] == "clear" else screening["message"],
        "see_someone": screening.get("routine_message"),
        "direction": _direction(result["profile"]),
        "running": running_now() if running_now else "",
        "running_plan": view["weeks"][0]["running"]["summary"],
        "first_session": first,
        "first_date": dt.date.fromisoformat(first["date"]) if first else None,
    }
