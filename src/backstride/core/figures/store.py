"""Reading the figure files: one YAML file per exercise in data/figures, named by the exercise's slug."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from .figure import Figure, figure_from_data


def figure_dir() -> Path:
    return Path(str(resources.files("backstride") / "data" / "figures"))


def figure_slugs(directory: Path | None = None) -> list[str]:
    return sorted(p.stem for p in (directory or figure_dir()).glob("*.yaml"))


@cache
def load_figure(slug: str, directory: Path | None = None) -> Figure:
    """One exercise's figure, settled and ready to draw; FileNotFoundError when it has none."""
    import yaml  # a project dependency already used for the exercise files

    path = (directory or figure_dir()) / f"{slug}.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    return figure_from_data(slug, data)
