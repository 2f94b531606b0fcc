"""The job queue: Huey on Redis when REDIS_URL is set, else on an SQLite file (settings.HUEY)."""

from __future__ import annotations

import functools
from importlib import import_module
from pathlib import Path

from huey import Huey


def huey_from(config: dict) -> Huey:
    """A Huey for these settings: {"huey_class": "huey.SqliteHuey", "name": ..., and the storage's own options}."""
    options = dict(config)
    module, _dot, name = options.pop("huey_class", "huey.SqliteHuey").rpartition(".")
    if options.get("filename"):
        Path(options["filename"]).parent.mkdir(parents=True, exist_ok=True)
    # results are not kept: each task records what it did in the database
    options.setdefault("results", False)
    return getattr(import_module(module), name)(options.pop("name", "backstride"), **options)


@functools.cache
def _configured():
    from django.conf import settings

    from .tasks import register

    queue = huey_from(settings.HUEY)
    return queue, register(queue)


def huey() -> Huey:
    """The queue of this process, with the reminder jobs on it."""
    return _configured()[0]


def jobs():
    """The reminder jobs on this process's queue: `.plan` (periodic) and `.send`."""
    return _configured()[1]
