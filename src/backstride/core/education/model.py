"""A lesson as the rest of the program sees it: plain, frozen data (validated by schema.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    summary: str
    body: tuple[str, ...]
    key_points: tuple[str, ...]
    sources: tuple[str, ...]
    week: int | None  # the week a low-risk runner first meets it; None: medium and high risk only
    week_for_higher_risk: int
    maintenance: bool
    author: str
    licence: str

    @classmethod
    def from_data(cls, data: dict) -> Lesson:
        lists = ("body", "key_points", "sources")
        return cls(**{k: tuple(v) if k in lists else v for k, v in data.items()})

    @property
    def words(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.body)

    def as_summary(self) -> dict:
        """What a list of lessons shows: enough to choose one."""
        return {
            "slug": self.slug,
            "title": self.title,
            "summary": self.summary,
            "week": self.week,
            "week_for_higher_risk": self.week_for_higher_risk,
            "maintenance": self.maintenance,
        }

    def as_detail(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}
