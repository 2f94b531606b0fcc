"""Oswestry Disability Index, version 2.1a: ten sections scored 0-5.

Scoring from Fairbank & Pynsent, Spine 2000; meaningful change from Ostelo et al.,
Spine 2008. The questions themselves are worded by this project.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

SECTIONS = (
    "pain_intensity",
    "personal_care",
    "lifting",
    "walking",
    "sitting",
    "standing",
    "sleeping",
    "sex_life",
    "social_life",
    "travelling",
)
MAX_SECTION_SCORE = 5
MAX_MISSING_SECTIONS = 2  # soft, project decision: more missing gives no score

# Bands on the percent rounded half up to a whole number (0-20, 21-40, ...).
BANDS = ((20, "minimal"), (40, "moderate"), (60, "severe"), (80, "crippling"), (100, "bed_bound"))

MEANINGFUL_CHANGE_POINTS = 10  # Ostelo 2008
MEANINGFUL_CHANGE_FRACTION = 0.30  # Ostelo 2008


@dataclass(frozen=True)
class OswestryScore:
    percent: int | None
    band: str | None
    answered_sections: int

    def as_dict(self) -> dict:
        return {"percent": self.percent, "band": self.band, "answered_sections": self.answered_sections}


def _round_half_up(value: float) -> int:
    return int(value + 0.5)


def band_for(percent: int) -> str:
    for upper, name in BANDS:
        if percent <= upper:
            return name
    raise InputError("odi", f"percent must be 0-100, got {percent}")


def score(answers: dict) -> OswestryScore:
    """Percent disability; a missing section (None or absent) lowers the denominator by 5."""
    unknown = set(answers) - set(SECTIONS)
    if unknown:
        raise InputError(f"odi.{sorted(unknown)[0]}", f"unknown section; sections are: {', '.join(SECTIONS)}")
    answered = []
    for section in SECTIONS:
        value = answers.get(section)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SECTION_SCORE:
            raise InputError(f"odi.{section}", f"must be a whole number from 0 to 5 or null, got {value!r}")
        answered.append(value)
    if len(SECTIONS) - len(answered) > MAX_MISSING_SECTIONS:
        return OswestryScore(None, None, len(answered))
    percent = _round_half_up(sum(answered) / (MAX_SECTION_SCORE * len(answered)) * 100)
    return OswestryScore(percent, band_for(percent), len(answered))


def meaningful_improvement(before: int, after: int) -> bool:
    """True when the score fell by 10 points or by 30 % of the starting score."""
    drop = before - after
    if drop <= 0:
        return False
    return drop >= MEANINGFUL_CHANGE_POINTS or drop >= MEANINGFUL_CHANGE_FRACTION * before


def meaningful_worsening(before: int, after: int) -> bool:
    rise = after - before
    return rise >= MEANINGFUL_CHANGE_POINTS
