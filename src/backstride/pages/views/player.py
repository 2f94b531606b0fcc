"""The guided session player: one exercise at a time, with timers that follow the dose.

The page is the same session as today's, posted to the same log. Every number the timers use comes
from here as a data attribute, so player.js only counts and never decides what a dose is.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from backstride.accounts.roles import runner_required
from backstride.runners import services
from backstride.runners.reports import today_view

from ..figures import figure_url
from .today import exercise_cards
from .util import day_from

GET_READY_SECONDS = 5  # from pressing start to the first hold: time to get into position
RELAX_SECONDS = 3  # between the repetitions of a hold: let go and breathe (e.g. abdominal-brace.yaml, step 4)
SWITCH_SECONDS = 10  # to turn round for the second side, as the hold timer on today's page (app.js)
KEY_CUES = 2  # each exercise file lists its cues most important first; the player shows the first ones
SKIP_REASONS = (
    gettext_lazy("Pain"),
    gettext_lazy("No equipment"),
    gettext_lazy("No time"),
    gettext_lazy("Too hard"),
    gettext_lazy("Other"),
)


def player_steps(session: dict) -> list[dict]:
    """Today's exercise cards with what the player adds: the figures for each side and the key cues."""
    steps = []
    for card in exercise_cards(session):
        slug = card["slug"]
        steps.append(
            card
            | {
                "number": card["index"] + 1,
                "figure": figure_url(slug),
                "figure_other": figure_url(slug, mirrored=True) if card["per_side"] else None,
                "key_cues": card["cues"][:KEY_CUES],
                # a hold without repetitions is one hold a set; a timed or measured dose has none
                "reps_per_set": card.get("reps") or (1 if card["timed"] else ""),
            }
        )
    return steps


@runner_required
@require_GET
def player(request):
    runner = request.runner
    if not runner.has_plan:
        return redirect("today")  # which explains why there is no plan yet
    day = day_from(request)
    view = today_view(runner, day)
    if not view["session"]:
        messages.info(request, _("There is no exercise session to play on %(day)s.") % {"day": day.isoformat()})
        return redirect(f"{reverse('today')}?date={day.isoformat()}")
    context = {
        "view": view,
        "steps": player_steps(view["session"]),
        "ahead": day > services.latest_log_day(),  # as on today's page: a log may not be dated after today
        "skip_reasons": SKIP_REASONS,
        "get_ready_seconds": GET_READY_SECONDS,
        "relax_seconds": RELAX_SECONDS,
        "switch_seconds": SWITCH_SECONDS,
        "nav": "today",
    }
    return render(request, "pages/player.html", context)
