"""When a runner meets each lesson: the week it unlocks, the lesson of the day, maintenance.

- A lesson unlocks on the first day of its program week and stays readable from then on.
- Stratified care (STarT Back: Hill et al. 2008 for the tool, Hill et al. 2011 for the trial of
  care matched to risk; CLINICAL.md sections 2 and 6): runners at medium or high risk get more
  support, sooner. They meet each lesson at its `week_for_higher_risk`, never later than `week`,
  and also the lessons written only for them (`week: null`).
- Lesson of the day, weeks 1-8: the newest unlocked lesson whose week is not yet past. Lessons
  unlocking in the same week share it in order, each for an equal part of the week; a week that
  unlocks nothing has no lesson of the day.
- Maintenance (week 9 on): the lessons flagged `maintenance` come back in turn, one every
  MAINTENANCE_EVERY_WEEKS weeks, for the whole of that week, starting in week 9.
- During a flare-up the lesson of the day is the flare-up plan (CLINICAL.md section 4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..planner.templates import PROGRAM_WEEKS
from .lessons import load_lessons
from .model import Lesson

RISKS = ("low", "medium", "high")  # STarT Back risk groups (Hill et al. 2008; CLINICAL.md section 2)
HIGHER_RISKS = frozenset({"medium", "high"})  # stratified care: more and earlier support (Hill et al. 2011)
MAINTENANCE_FROM_WEEK = PROGRAM_WEEKS + 1  # weekly core work for good (Steffens et al. 2016)
MAINTENANCE_EVERY_WEEKS = 4  # soft: often enough to keep the reasons fresh, rare enough not to nag
FLARE_UP_LESSON = "pacing-and-flare-ups"  # what a flare-up is and what happens then (CLINICAL.md section 4)
DAYS_PER_WEEK = 7


def program_week(start: dt.date, day: dt.date) -> int:
    """1-based week of the program (0 or less before it starts, past 8 in maintenance)."""
    return (day - start).days // DAYS_PER_WEEK + 1


def unlock_week(lesson: Lesson, risk: str) -> int | None:
    """The week this runner first meets the lesson, or None when it is not scheduled for them."""
    if risk not in RISKS:
        raise ValueError(f"risk must be one of: {', '.join(RISKS)} (got {risk!r})")
    return lesson.week_for_higher_risk if risk in HIGHER_RISKS else lesson.week


def lessons_unlocked(start: dt.date, day: dt.date, risk: str, lessons: Sequence[Lesson] | None = None) -> list[Lesson]:
    """The lessons this runner has reached by this day, in the order they unlocked."""
    week = program_week(start, day)
    reached = [
        (unlocked, n, lesson)
        for n, lesson in enumerate(load_lessons() if lessons is None else lessons)
        if (unlocked := unlock_week(lesson, risk)) is not None and unlocked <= week
    ]
    return [lesson for _, _, lesson in sorted(reached, key=lambda t: t[:2])]


def lesson_of_the_day(
    start: dt.date,
    day: dt.date,
    risk: str,
    *,
    flare_up: bool = False,
    lessons: Sequence[Lesson] | None = None,
) -> Lesson | None:
    """The one lesson to offer on this day, or None."""
    lessons = load_lessons() if lessons is None else lessons
    week = program_week(start, day)
    if week < 1:
        return None
    if flare_up:
        flare = next((x for x in lessons if x.slug == FLARE_UP_LESSON), None)
        if flare is not None:
            return flare
    if week >= MAINTENANCE_FROM_WEEK:
        return _maintenance_lesson(week, risk, lessons)
    fresh = [x for x in lessons_unlocked(start, day, risk, lessons) if unlock_week(x, risk) == week]
    if not fresh:
        return None
    day_of_week = (day - start).days % DAYS_PER_WEEK
    return fresh[day_of_week * len(fresh) // DAYS_PER_WEEK]


def _maintenance_lesson(week: int, risk: str, lessons: Sequence[Lesson]) -> Lesson | None:
    weeks_in = week - MAINTENANCE_FROM_WEEK
    if weeks_in % MAINTENANCE_EVERY_WEEKS:
        return None
    recurring = [x for x in lessons if x.maintenance and unlock_week(x, risk) is not None]
    if not recurring:
        return None
    return recurring[(weeks_in // MAINTENANCE_EVERY_WEEKS) % len(recurring)]
