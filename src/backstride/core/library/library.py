"""Loading the exercise files and walking their progression chains."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

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
    import yaml
    from pydantic import ValidationError

    from .schema import ExerciseSchema

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is several times faster
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        raise LibraryError(f"{path.name}: not valid YAML ({exc})") from exc
    try:
        validated = ExerciseSchema.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise LibraryError(f"{path.name}: {where}: {first['msg']}") from exc
    if validated.slug != path.stem:
        raise LibraryError(f"{path.name}: slug '{validated.slug}' must match the file name")
    return validated.model_dump(mode="json")


def parse_exercise_file(path: Path) -> Exercise:
    return Exercise.from_data(validated_data(path))


def default_exercise_dir() -> Path:
    return Path(str(resources.files("backstride") / "data" / "exercises"))


def _fingerprint(files: list[Path]) -> str:
    digest = hashlib.sha256(f"{CACHE_FORMAT}".encode())
    for f in files:
        st = f.stat()
        digest.update(f"{f.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def _cache_file(fingerprint: str) -> Path:
    from platformdirs import user_cache_dir

    base = os.environ.get("BACKSTRIDE_CACHE_DIR") or user_cache_dir("backstride", appauthor=False)
    return Path(base) / f"library-{fingerprint}.json"


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
    cache_path = _cache_file(_fingerprint(files))
    try:
        records = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        records = [validated_data(path) for path in files]
        try:
            cache_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(records), encoding="utf-8")
            tmp.replace(cache_path)
        except OSError:
            pass  # a read-only home is fine: the next run validates again
    return Library({r["slug"]: Exercise.from_data(r) for r in records})
