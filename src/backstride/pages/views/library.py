"""The exercise library with search and filters (htmx swaps the results in place)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from backstride.accounts.roles import runner_required
from backstride.core import labels
from backstride.core.library import load_library
from backstride.core.library.vocabulary import Category, Equipment


def matching(params) -> list:
    q = params.get("q", "").strip().lower()
    category = params.get("category", "")
    equipment = params.get("equipment", "")
    level = params.get("level", "")
    found = []
    for e in load_library():
        if category and e.category.value != category:
            continue
        if equipment == "none" and e.needs:
            continue
        if equipment and equipment != "none" and equipment not in e.needs:
            continue
        if level.isdigit() and e.level != int(level):
            continue
        words = f"{e.name} {e.purpose} {e.category.value} {labels.label('category', e.category)}"
        if q and q not in words.lower():
            continue
        found.append(e)
    return found


def by_category(exercises: list) -> list[dict]:
    """The exercises under their category, categories in the library's order, easiest first within each."""
    groups = [
        {"category": c, "label": labels.label("category", c), "exercises": [e for e in exercises if e.category == c]}
        for c in Category
    ]
    for group in groups:
        group["exercises"].sort(key=lambda e: (e.level, e.name))
    return [g for g in groups if g["exercises"]]


@runner_required
@require_GET
def library(request):
    exercises = matching(request.GET)
    context = {
        "exercises": exercises,
        "groups": by_category(exercises),
        # (value, words) pairs: the filters read as words, the address keeps the identifier
        "categories": [(c.value, labels.label("category", c)) for c in Category],
        "equipment": [(e.value, labels.label("equipment", e)) for e in Equipment],
        "params": request.GET,
        "nav": "library",
    }
    template = "pages/_library_results.html" if request.htmx else "pages/library.html"
    return render(request, template, context)


@runner_required
@require_GET
def exercise(request, slug: str):
    library = load_library()
    if slug not in library:
        raise Http404("No such exercise.")
    e = library[slug]
    related = [library[s] for s in library.chain(slug)]
    return render(request, "pages/exercise.html", {"e": e, "chain": related, "nav": "library"})
