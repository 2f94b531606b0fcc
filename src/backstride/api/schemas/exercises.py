"""The exercise library, as backstride.cli.serialize writes it."""

from __future__ import annotations

from backstride.core.library.vocabulary import Category, DosageType, Equipment, Position, SpineLoading

from .common import Number, Out


class ExerciseSummaryOut(Out):
    slug: str
    name: str
    category: Category
    level: int
    position: Position
    equipment: list[Equipment]
    spine_loading: list[SpineLoading]
    progression: str | None
    regression: str | None


class DosageOut(Out):
    type: DosageType
    per_side: bool
    rest_seconds: int
    steps: list[dict[str, Number]]


class ExerciseDetailOut(ExerciseSummaryOut):
    purpose: str
    setup: str
    steps: list[str]
    cues: list[str]
    common_mistakes: list[str]
    should_feel: str
    stop_if: list[str]
    dosage: DosageOut
    short_holds: bool
    author: str
    licence: str
