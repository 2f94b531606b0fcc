"""A dose in words, the one wording every page, printout, reason and the command line use.

"2 × 8 reps, 8 s holds", "1 set of 10 reps, each side", "3 × 30 s holds", "1 hold of 45 s".
"""

from __future__ import annotations

from ..i18n import _, ngettext
from .model import DosageStep


def dose_words(step: DosageStep | dict, per_side: bool = False) -> str:
    """One rung of an exercise's dosage ladder (or a prescription's stored values) in words.

    `per_side`, or a `per_side` key among the values, adds "each side"."""
    values = step.values() if isinstance(step, DosageStep) else step
    words = _sets_words(values.get("sets") or 1, values)
    each_side = per_side or (not isinstance(step, DosageStep) and bool(values.get("per_side")))
    return _("{dose}, each side").format(dose=words) if each_side else words


def _reps(n: int) -> str:
    return ngettext("{n} rep", "{n} reps", n).format(n=n)


def _sets_words(sets: int, values: dict) -> str:
    reps, hold = values.get("reps"), values.get("hold_seconds")
    # one set reads as "1 set of ...": "1 × 10 reps" looks like a typo for a single set
    if reps and hold:
        if sets == 1:
            return _("1 set of {reps}, {hold} s holds").format(reps=_reps(reps), hold=hold)
        return _("{sets} × {reps}, {hold} s holds").format(sets=sets, reps=_reps(reps), hold=hold)
    if reps:
        if sets == 1:
            return _("1 set of {reps}").format(reps=_reps(reps))
        return _("{sets} × {reps}").format(sets=sets, reps=_reps(reps))
    if hold:
        if sets == 1:
            return _("1 hold of {hold} s").format(hold=hold)
        return _("{sets} × {hold} s holds").format(sets=sets, hold=hold)
    if values.get("minutes") is not None:
        if sets == 1:
            return _("{minutes:g} min").format(minutes=values["minutes"])
        return _("{sets} × {minutes:g} min").format(sets=sets, minutes=values["minutes"])
    if sets == 1:
        return _("{metres:g} m").format(metres=values.get("metres") or 0)
    return _("{sets} × {metres:g} m").format(sets=sets, metres=values.get("metres") or 0)
