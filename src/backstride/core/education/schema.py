"""The schema every lesson file is validated against when it is loaded."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from ..planner.templates import PROGRAM_WEEKS

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Week = Annotated[int, Field(ge=1, le=PROGRAM_WEEKS)]
MIN_KEY_POINTS, MAX_KEY_POINTS = 2, 4
SENTENCE_BREAK = re.compile(r"[.!?]\s")


class LessonSchema(BaseModel):
    """One lesson, as written in its YAML file.

    `week` is the program week a low-risk runner first sees it (none: only medium and high risk get it);
    `week_for_higher_risk` is the week for medium and high STarT Back risk, never later.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: Slug
    title: Text
    summary: Text
    body: Annotated[list[Text], Field(min_length=1)]
    key_points: Annotated[list[Text], Field(min_length=MIN_KEY_POINTS, max_length=MAX_KEY_POINTS)]
    sources: Annotated[list[Text], Field(min_length=1)]
    week: Week | None
    week_for_higher_risk: Week
    maintenance: bool
    author: Text
    licence: Text

    @field_validator("summary")
    @classmethod
    def _one_sentence(cls, summary: str) -> str:
        if not summary.endswith(".") or SENTENCE_BREAK.search(summary):
            raise ValueError("must be one sentence ending with a full stop")
        return summary

    @model_validator(mode="after")
    def _higher_risk_never_later(self) -> LessonSchema:
        if self.week is not None and self.week_for_higher_risk > self.week:
            raise ValueError(f"week_for_higher_risk ({self.week_for_higher_risk}) must not be after week ({self.week})")
        return self
