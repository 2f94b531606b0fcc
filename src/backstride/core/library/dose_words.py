"""A dosage step in words, as a clinician or runner reads it: "2 × 8 reps, 8 s holds", "1 set of 10 reps, each side"."""

from __future__ import annotations

from ..i18n import _
from .model import DosageStep


def dose_words(step: DosageStep | dict, per_side: bool = False) -> str:
    """One rung of an exercise's dosage ladder in words; `per_side` adds "each side"."""
    values = step.values() if isinstance(step, DosageStep) else step
    words = _sets_words(values.get("sets", 1), values)
    return _("{dose}, each side").format(dose=words) if per_side else words


def _sets_words(sets: int, values: dict) -> str:
    reps, hold = values.get("reps"), values.get("hold_seconds")
    # one set reads as "1 set of ...": "1 × 10 reps" looks like a typo for a single set
    if reps and hold:
        if sets == 1:
            return _("1 set of {reps} reps, {hold} s holds").format(reps=reps, hold=hold)
        return _("{sets} × {reps} reps, {hold} s holds").format(sets=sets, reps=reps, hold=hold)
    if reps:
        if sets == 1:
            return _("1 set of {reps} reps").format(reps=reps)
        return _("{sets} × {reps} reps").format(sets=sets, reps=reps)
    if hold:
        if sets == 1:
            return _("1 hold of {hold} s").format(hold=hold)
        return _("{sets} × {hold} s holds").format(sets=sets, hold=hold)
    if values.get("minutes") is not None:
        if sets == 1:
            return _("{minutes:g} min").format(minutes=values["minutes"])
        return _("{sets} × {minutes:g} min").format(sets=sets, minutes=values["minutes"])
    if sets == 1:
        return _("{metres} m").format(metres=values.get("metres", 0))
    return _("{sets} × {metres} m").format(sets=sets, metres=values.get("metres", 0))
