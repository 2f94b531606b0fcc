"""Short lessons: why the program works the way it does, in plain words (one YAML file each)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from backstride.accounts.roles import runner_required
from backstride.core.education import lesson_by_slug, lessons_unlocked, load_lessons, unlock_week

from .util import day_from


@runner_required
@require_GET
def lessons(request):
    """Every lesson; for a runner with a plan, the ones already unlocked come first."""
    everything = load_lessons()
    plan = request.runner.current_plan if request.runner.has_plan else None
    if plan is None:
        items = [{"lesson": x, "unlocked": None, "week": None} for x in everything]
    else:
        risk = plan.assessment.result["startback"]["risk"]
        unlocked = lessons_unlocked(plan.start_date, day_from(request), risk)
        later = [x for x in everything if x not in unlocked]
        items = [{"lesson": x, "unlocked": True, "week": None} for x in unlocked] + [
            {"lesson": x, "unlocked": False, "week": unlock_week(x, risk)} for x in later
        ]
    return render(request, "pages/lessons.html", {"items": items, "nav": "lessons"})


@runner_required
@require_GET
def lesson(request, slug: str):
    found = lesson_by_slug(slug)
    if found is None:
        raise Http404("No such lesson.")
    return render(request, "pages/lesson.html", {"lesson": found, "nav": "lessons"})
