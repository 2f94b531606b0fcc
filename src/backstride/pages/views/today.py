"""Today's page: the session as exercise cards with timers, and its log."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from backstride.accounts.roles import runner_required
from backstride.core.errors import InputError
from backstride.core.library import load_library
from backstride.runners.reports import today_view

from .util import day_from

PAIN_FIELDS = ("pain_before", "pain_during", "pain_after", "effort")


def exercise_cards(session: dict | None) -> list[dict]:
    if not session:
        return []
    library = load_library()
    cards = []
    for i, e in enumerate(session["exercises"]):
        ex = library[e["slug"]]
        cards.append(
            e
            | {
                "index": i,
                "purpose": ex.purpose,
                "setup": ex.setup,
                "steps": ex.steps,
                "cues": ex.cues,
                "should_feel": ex.should_feel,
                "stop_if": ex.stop_if,
                "mistakes": ex.common_mistakes,
                "set_numbers": range(1, e["sets"] + 1),
                "timed": "hold_seconds" in e,
                "position": ex.position.value.replace("_", " "),
            }
        )
    return cards


def no_plan(request):
    assessment = request.runner.assessments.first()
    return render(request, "pages/no_plan.html", {"screening": assessment.result["screening"] if assessment else None})


@runner_required
@require_GET
def today(request):
    if request.runner.current_plan is None:
        return no_plan(request)
    view = today_view(request.runner, day_from(request))
    return render(
        request,
        "pages/today.html",
        {
            "view": view,
            "cards": exercise_cards(view["session"]),
            "nav": "today",
            "pain_scale": range(0, 11),
        },
    )


def _int(value: str | None) -> int | None:
    return int(value) if value not in (None, "") and value.lstrip("-").isdigit() else None


@runner_required
@require_POST
def log_session(request):
    """Store the session just done; the form works without JavaScript, the timers only fill it in."""
    from backstride.core.tracking.logs import parse_session_log
    from backstride.runners.services import log_session as store

    post = request.POST
    data = {key: _int(post.get(key)) for key in PAIN_FIELDS}
    data |= {"date": post.get("date", ""), "note": post.get("note", "")[:2000]}
    exercises = []
    for i in range(int(post.get("count", "0") or 0)):
        slug = post.get(f"slug_{i}")
        if not slug:
            continue
        sets_done = len(post.getlist(f"set_{i}"))
        prescribed = _int(post.get(f"sets_{i}")) or 0
        entry = {"slug": slug, "sets": sets_done, "completed": sets_done >= prescribed}
        held = _int(post.get(f"held_{i}"))
        if held:
            entry["hold_seconds"] = held
        pain = _int(post.get(f"pain_{i}"))
        if pain is not None:
            entry["pain"] = pain
        exercises.append(entry)
    data["exercises"] = exercises
    try:
        state = store(request.runner, parse_session_log(data))
    except InputError as exc:
        messages.error(request, _("Not saved: %(field)s %(message)s") % {"field": exc.field, "message": exc.message})
        return redirect(request.POST.get("next") or "today")
    changes = [d for d in state.decisions if d.date >= state.as_of]
    messages.success(request, _("Session saved. Well done."))
    for change in changes[-5:]:
        messages.info(request, change.reason)
    return redirect("progress" if post.get("then") == "progress" else "today")
