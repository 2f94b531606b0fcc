"""Short lessons in plain words: why the program works the way it does (CLINICAL.md section 6:
education and self-management come first, Foster et al. 2018). One YAML file per lesson."""

from .lessons import LessonError, lesson_by_slug, load_lessons
from .model import Lesson
from .schedule import (
    MAINTENANCE_EVERY_WEEKS,
    RISKS,
    lesson_of_the_day,
    lessons_unlocked,
    program_week,
    unlock_week,
)

__all__ = [
    "MAINTENANCE_EVERY_WEEKS",
    "RISKS",
    "Lesson",
    "LessonError",
    "lesson_by_slug",
    "lesson_of_the_day",
    "lessons_unlocked",
    "load_lessons",
    "program_week",
    "unlock_week",
]
