"""Loading the lesson files: one YAML file per lesson, validated by the schema.

As with the exercise library, the validated data is cached (keyed by the files' names, sizes
and times), so `backstride today` neither parses YAML nor imports the validator.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..datafiles import cached_records, validated_yaml
from .model import Lesson

CACHE_FORMAT = 1


class LessonError(ValueError):
    """A lesson file is not valid; the message names the file and the field."""


def default_lesson_dir() -> Path:
    return Path(str(resources.files("backstride") / "data" / "lessons"))


def validated_data(path: Path) -> dict:
    """Parse and validate one lesson file; the first problem names the file and the field."""
    from .schema import LessonSchema

    return validated_yaml(path, LessonSchema, LessonError)


def parse_lesson_file(path: Path) -> Lesson:
    return Lesson.from_data(validated_data(path))


@lru_cache(maxsize=4)
def load_lessons(directory: Path | None = None) -> tuple[Lesson, ...]:
    """Every lesson, in the order a low-risk runner meets them (the higher-risk-only ones last)."""
    folder = directory or default_lesson_dir()
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise LessonError(f"no lesson files in {folder}")
    lessons = [Lesson.from_data(r) for r in cached_records("lessons", CACHE_FORMAT, files, validated_data)]
    return tuple(sorted(lessons, key=lambda x: (x.week is None, x.week or 0, x.week_for_higher_risk, x.slug)))


def lesson_by_slug(slug: str, directory: Path | None = None) -> Lesson | None:
    return next((lesson for lesson in load_lessons(directory) if lesson.slug == slug), None)
