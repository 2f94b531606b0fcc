"""Activity files sent through the web page or the API: checked for size, then read like files on disk."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.utils.translation import gettext as _

from backstride.core.imports import Activity, Problem, read_archive, read_bytes

from . import models as m
from .recorded import ImportSummary, import_activities, reading_now


def upload_limit() -> int:
    """The largest file one upload may hold, in bytes (BACKSTRIDE_UPLOAD_MAX_MB)."""
    return settings.UPLOAD_MAX_MB * 1024 * 1024


def _read_upload(upload, now) -> Iterator[Activity | Problem]:
    name = upload.name or "upload"
    if upload.size > upload_limit():
        yield Problem(name, _("larger than the %(mb)d MB an upload may be") % {"mb": settings.UPLOAD_MAX_MB})
        return
    upload.seek(0)
    if zipfile.is_zipfile(upload):
        upload.seek(0)
        yield from read_archive(name, upload, now=now)
    else:
        upload.seek(0)
        yield from read_bytes(name, upload.read(), now=now)


def import_uploads(runner: m.Runner, uploads: Iterable) -> ImportSummary:
    def items():
        now = reading_now()
        for upload in uploads:
            yield from _read_upload(upload, now)

    return import_activities(runner, items())
