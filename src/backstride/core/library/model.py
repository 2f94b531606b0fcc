"""The library's exercises as plain, immutable values (validated by schema.py on the way in)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .vocabulary import Category, DosageType, Equipment, Position, SpineLoading

DOSE_KEYS = ("sets", "reps", "hold_seconds", "minutes", "metres")


@dataclass(frozen=True)
class DosageStep:
    sets: int
    reps: int | None = None
    hold_seconds: int | None = None
    minutes: float | None = None
    metres: int | None = None

    def values(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in DOSE_KEYS if getattr(self, k) is not None}


@dataclass(frozen=True)
class Dosage:
    type: DosageType
    per_side: bool
    rest_seconds: int
    steps: tuple[DosageStep, ...]


@dataclass(frozen=True)
class Exercise:
    slug: str
    name: str
    category: Category
    level: int
    position: Position
    equipment: tuple[Equipment, ...]
    spine_loading: tuple[SpineLoading, ...]
    purpose: str
    setup: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    common_mistakes: tuple[str, ...]
    should_feel: str
    stop_if: tuple[str, ...]
    dosage: Dosage
    short_holds: bool
    progression: str | None
    regression: str | None
    author: str
    licence: str
    needs: frozenset[str] = field(init=False, repr=False, compare=False)
    loads: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needs", frozenset(e.value for e in self.equipment))
        object.__setattr__(self, "loads", frozenset(s.value for s in self.spine_loading))

    @classmethod
    def from_data(cls, d: dict) -> Exercise:
        """Build from already-validated data (a validated file, or the validated cache)."""
        dosage = d["dosage"]
        return cls(
            slug=d["slug"],
            name=d["name"],
            category=Category(d["category"]),
            level=d["level"],
            position=Position(d["position"]),
            equipment=tuple(Equipment(e) for e in d["equipment"]),
            spine_loading=tuple(SpineLoading(s) for s in d["spine_loading"]),
            purpose=d["purpose"],
            setup=d["setup"],
            steps=tuple(d["steps"]),
            cues=tuple(d["cues"]),
            common_mistakes=tuple(d["common_mistakes"]),
            should_feel=d["should_feel"],
            stop_if=tuple(d["stop_if"]),
            dosage=Dosage(
                DosageType(dosage["type"]),
                dosage["per_side"],
                dosage["rest_seconds"],
                tuple(DosageStep(**s) for s in dosage["steps"]),
            ),
            short_holds=d.get("short_holds", False),
            progression=d.get("progression"),
            regression=d.get("regression"),
            author=d["author"],
            licence=d["licence"],
        )
