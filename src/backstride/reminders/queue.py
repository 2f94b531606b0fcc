"""The job queue: Huey on Redis when REDIS_URL is set, else on an SQLite file (settings.HUEY)."""

from __future__ import annotations

import fcntl
import functools
from importlib import import_module
from pathlib import Path

from huey import Huey


def huey_from(config: dict) -> Huey:
    """A Huey for these settings: {"huey_class": "huey.SqliteHuey", "name": ..., and the storage's own options}."""
    options = dict(config)
    module, _dot, name = options.pop("huey_class", "huey.SqliteHuey").rpartition(".")
    # results are not kept: each task records what it did in the database
    options.setdefault("results", False)
    make = functools.partial(getattr(import_module(module), name), options.pop("name", "backstride"), **options)
    if not options.get("filename"):
        return make()
    path = Path(options["filename"])
    path.parent.mkdir(parents=True, exist_ok=True)
    # Huey makes the file's tables and turns on WAL as it starts. Two workers starting at once on a new
    # file can meet there, and SQLite refuses the second ("database is locked") rather than waiting:
    # they take turns on a lock file beside it.
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return make()


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
