"""Plain-data views of library objects, shared by the CLI and (later) the API."""

from __future__ import annotations

from backstride.core.library import Exercise


def exercise_summary(e: Exercise) -> dict:
    return {
        "slug": e.slug,
        "name": e.name,
        "category": e.category.value,
        "level": e.level,
        "position": e.position.value,
        "equipment": [x.value for x in e.equipment],
        "spine_loading": [x.value for x in e.spine_loading],
        "progression": e.progression,
        "regression": e.regression,
    }


def exercise_detail(e: Exercise) -> dict:
    return exercise_summary(e) | {
        "purpose": e.purpose,
        "setup": e.setup,
        "steps": list(e.steps),
        "cues": list(e.cues),
        "common_mistakes": list(e.common_mistakes),
        "should_feel": e.should_feel,
        "stop_if": list(e.stop_if),
        "dosage": {
            "type": e.dosage.type.value,
            "per_side": e.dosage.per_side,
            "rest_seconds": e.dosage.rest_seconds,
            "steps": [s.values() for s in e.dosage.steps],
        },
        "short_holds": e.short_holds,
        "author": e.author,
        "licence": e.licence,
    }
