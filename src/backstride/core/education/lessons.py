"""Loading the lesson files: one YAML file per lesson, validated by the schema.

As with the exercise library, the validated data is cached (keyed by the files' names, sizes
and times), so `backstride today` neither parses YAML nor imports the validator.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .model import Lesson

CACHE_FORMAT = 1


class LessonError(ValueError):
    """A lesson file is not valid; the message names the file and the field."""


def default_lesson_dir() -> Path:
    return Path(str(resources.files("backstride") / "data" / "lessons"))


def validated_data(path: Path) -> dict:
    """Parse and validate one lesson file; the first problem names the file and the field."""
    import yaml
    from pydantic import ValidationError

    from .schema import LessonSchema

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        raise LessonError(f"{path.name}: not valid YAML ({exc})") from exc
    try:
        validated = LessonSchema.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise LessonError(f"{path.name}: {where}: {first['msg']}") from exc
    if validated.slug != path.stem:
        raise LessonError(f"{path.name}: slug '{validated.slug}' must match the file name")
    return validated.model_dump(mode="json")


def parse_lesson_file(path: Path) -> Lesson:
    return Lesson.from_data(validated_data(path))


def _cache_file(files: list[Path]) -> Path:
    from platformdirs import user_cache_dir

    digest = hashlib.sha256(f"{CACHE_FORMAT}".encode())
    for f in files:
        st = f.stat()
        digest.update(f"{f.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    base = os.environ.get("BACKSTRIDE_CACHE_DIR") or user_cache_dir("backstride", appauthor=False)
    return Path(base) / f"lessons-{digest.hexdigest()[:20]}.json"


def _validated_records(files: list[Path]) -> list[dict]:
    cache_path = _cache_file(files)
    try:
        return json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    records = [validated_data(path) for path in files]
    try:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(records), encoding="utf-8")
        tmp.replace(cache_path)
    except OSError:
        pass  # a read-only home is fine: the next run validates again
    return records


@lru_cache(maxsize=4)
def load_lessons(directory: Path | None = None) -> tuple[Lesson, ...]:
    """Every lesson, in the order a low-risk runner meets them (the higher-risk-only ones last)."""
    folder = directory or default_lesson_dir()
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise LessonError(f"no lesson files in {folder}")
    lessons = [Lesson.from_data(r) for r in _validated_records(files)]
    return tuple(sorted(lessons, key=lambda x: (x.week is None, x.week or 0, x.week_for_higher_risk, x.slug)))


def lesson_by_slug(slug: str, directory: Path | None = None) -> Lesson | None:
    return next((lesson for lesson in load_lessons(directory) if lesson.slug == slug), None)
