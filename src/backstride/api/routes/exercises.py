"""The exercise library: the same data `backstride exercises --json` prints."""

from __future__ import annotations

from ninja import Query, Router
from ninja.errors import HttpError

from backstride.cli.serialize import exercise_detail, exercise_summary
from backstride.core.library import load_library
from backstride.core.library.vocabulary import Category, Equipment

from ..errors import AUTHENTICATED, Message, Problems
from ..schemas.exercises import ExerciseDetailOut, ExerciseSummaryOut

router = Router(tags=["exercises"])

USES = Query(None, description="only exercises that use this equipment")
WORDS = Query(None, description="words to find in the name or purpose", max_length=100)


@router.get("/exercises", response={200: list[ExerciseSummaryOut], 422: Problems} | AUTHENTICATED)
def list_exercises(
    request,
    category: Category | None = None,
    equipment: Equipment | None = USES,
    q: str | None = WORDS,
):
    """The library, easiest first within each category."""
    words = (q or "").casefold().split()
    found = []
    for e in load_library():
        if category is not None and e.category != category:
            continue
        if equipment is not None and equipment not in e.equipment:
            continue
        text = f"{e.name} {e.purpose}".casefold()
        if all(w in text for w in words):
            found.append(exercise_summary(e))
    return found


@router.get("/exercises/{slug}", response={200: ExerciseDetailOut, 404: Message} | AUTHENTICATED)
def get_exercise(request, slug: str):
    """One exercise: how to do it, what it should feel like, when to stop, and its dosage ladder."""
    library = load_library()
    if slug not in library:
        raise HttpError(404, f"No exercise {slug!r} in the library.")
    return exercise_detail(library[slug])
