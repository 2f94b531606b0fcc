"""Loading the exercise files and walking their progression chains."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from ..datafiles import cached_records, validated_yaml
from .model import Exercise
from .vocabulary import Category

CACHE_FORMAT = 2  # raised whenever the schema's rules change, so an old cache is never trusted


class LibraryError(ValueError):
    """An exercise file, or the links between files, are not valid."""


@dataclass(frozen=True)
class Library:
    exercises: dict[str, Exercise]
    _chains: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        problems = link_problems(self.exercises.values())
        if problems:
            raise LibraryError("; ".join(problems))
        for slug in self.exercises:
            self._chains[slug] = tuple(self._walk_chain(slug))

    def __getitem__(self, slug: str) -> Exercise:
        return self.exercises[slug]

    def __contains__(self, slug: object) -> bool:
        return slug in self.exercises

    def __iter__(self) -> Iterator[Exercise]:
        return iter(sorted(self.exercises.values(), key=lambda e: (e.category, e.level, e.slug)))

    def __len__(self) -> int:
        return len(self.exercises)

    def in_category(self, category: Category | str) -> list[Exercise]:
        return [e for e in self if e.category == category]

    def chain(self, slug: str) -> tuple[str, ...]:
        """The whole progression chain an exercise belongs to, easiest first."""
        return self._chains[slug]

    def _walk_chain(self, slug: str) -> list[str]:
        root = slug
        while self.exercises[root].regression:
            root = self.exercises[root].regression
        chain = [root]
        while self.exercises[chain[-1]].progression:
            chain.append(self.exercises[chain[-1]].progression)
        return chain


def link_problems(exercises: Iterable[Exercise]) -> list[str]:
    """Every broken link, one-way link, cycle or falling level between exercises."""
    by_slug = {e.slug: e for e in exercises}
    problems: list[str] = []
    for e in by_slug.values():
        for kind in ("progression", "regression"):
            target = getattr(e, kind)
            if target is None:
                continue
            if target not in by_slug:
                problems.append(f"{e.slug}: {kind} '{target}' is not in the library")
                continue
            back = "regression" if kind == "progression" else "progression"
            if getattr(by_slug[target], back) != e.slug:
                problems.append(f"{e.slug}: {kind} '{target}' does not link back as its {back}")
        nxt = by_slug.get(e.progression or "")
        if nxt is not None and nxt.level <= e.level:
            problems.append(f"{e.slug}: progression '{nxt.slug}' is not at a higher level")
    for start in by_slug:
        seen = {start}
        cur = by_slug[start].progression
        while cur in by_slug:
            if cur in seen:
                problems.append(f"{start}: progression chain loops back to '{cur}'")
                break
            seen.add(cur)
            cur = by_slug[cur].progression
    return problems


def validated_data(path: Path) -> dict:
    """Parse and validate one exercise file; the first problem names the file and the field."""
    from .schema import ExerciseSchema

    return validated_yaml(path, ExerciseSchema, LibraryError)


def parse_exercise_file(path: Path) -> Exercise:
    return Exercise.from_data(validated_data(path))


def default_exercise_dir() -> Path:
    return Path(str(resources.files("backstride") / "data" / "exercises"))


@cache
def load_library(directory: Path | None = None) -> Library:
    """Load every exercise file, validated by the schema.

    The validated data is cached (keyed by the files' names, sizes and times), so a
    command that only reads the library skips YAML parsing and validation.
    """
    folder = directory or default_exercise_dir()
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise LibraryError(f"no exercise files in {folder}")
    records = cached_records("library", CACHE_FORMAT, files, validated_data)
    return Library({r["slug"]: Exercise.from_data(r) for r in records})
