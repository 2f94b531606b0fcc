"""{% load labels %}: identifiers as words, dates in one format per kind, percentages and doses.

`{{ e.category|category }}`, `{{ e.equipment|equipment }}` (one or several), `{{ view.phase|phase }}`,
`{{ session.kind|session_kind }}`, `{{ day|full_date }}`, `{{ day|short_date }}`, `{{ day|weekday_date }}`,
`{{ day|record_date }}`, `{{ change|percent }}`, `{{ e|dose }}`, `{{ n|sets }}`. The words come from
backstride.core.labels, which the command line uses too.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import formats
from django.utils.translation import pgettext

from backstride.core import labels
from backstride.core.library import load_library

register = template.Library()


def _table_filter(table: str):
    def show(value) -> str:
        return labels.label(table, value)

    show.__name__ = table
    return show


# One filter per table: {{ value|category }}, {{ value|phase }}, ...
for _table in labels.TABLES:
    if _table != "equipment":
        register.filter(_table, _table_filter(_table))


@register.filter
def equipment(value) -> str:
    """One item ("long resistance band"), or a list of them ("no equipment" for none)."""
    if isinstance(value, list | tuple | set | frozenset):
        return labels.labels("equipment", value, empty=labels.no_equipment())
    return labels.label("equipment", value)


@register.inclusion_tag("pages/_exercise_facts.html")
def exercise_facts(slug: str) -> dict:
    """{% exercise_facts slug %}: the exercise's category, equipment and level, for any card that has its slug."""
    return {"e": load_library()[slug]}


@register.filter
def dose(e) -> str:
    if not isinstance(e, dict):  # a library exercise: its first step
        step = e.dosage.steps[0]
        e = step.values() | {"per_side": e.dosage.per_side}
    return labels.dose(e)


@register.filter
def sets(n) -> str:
    return labels.sets(int(n))


@register.filter
def percent(value) -> str:
    return labels.percent(value)


def _day(value) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value


def _formatted(value, fmt: str) -> str:
    day = _day(value)
    return formats.date_format(day, fmt) if day else ""


# The format strings are translated, so each language writes its dates its own way; the names of
# days and months come from Django's localisation.
@register.filter
def full_date(value) -> str:
    """7 December 2026."""
    return _formatted(value, pgettext("date format: day month year", "j F Y"))


@register.filter
def short_date(value) -> str:
    """7 Dec: calendars and tables, where the year is plain from around it."""
    return _formatted(value, pgettext("date format: short day month", "j M"))


@register.filter
def weekday_date(value) -> str:
    """Monday 7 December: a day of the program, where the weekday matters."""
    return _formatted(value, pgettext("date format: weekday day month", "l j F"))


@register.filter
def record_date(value) -> str:
    """Monday 7 December 2026: a day in a record that runs over years (what changed and why, the history)."""
    return _formatted(value, pgettext("date format: weekday day month year", "l j F Y"))
