"""The app shell the service worker keeps (styles, scripts, icons) and the version that names its caches."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from functools import cache

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django_htmx.jinja import htmx_script

ICON_192 = "backstride/icons/icon-192.png"
ICON_512 = "backstride/icons/icon-512.png"
ICON_MASKABLE = "backstride/icons/icon-maskable-512.png"
SKIPPED = ("backstride/print/",)  # the printed program's styles: never needed on a phone without a connection


@cache
def _shell_files() -> tuple[str, ...]:
    """Every static file of the app's own, and the htmx the pages load, as static paths."""
    own = {
        path
        for finder in finders.get_finders()
        for path, _storage in finder.list([])
        if path.startswith("backstride/") and not path.startswith(SKIPPED)
    }
    # the same script tags base.html writes with {% htmx_script %}, so the kept copy is the one pages ask for
    prefix = static("")
    htmx = {src.removeprefix(prefix) for src in re.findall(r'src="([^"]+)"', str(htmx_script()))}
    return tuple(sorted(own | htmx))


def shell_urls() -> list[str]:
    return [static(path) for path in _shell_files()]


@cache
def cache_version() -> str:
    """A digest of the shell's files and the release: a deploy that changes either replaces every cached copy.

    Static files have no hash in their names here, so the worker's caches carry this one instead.
    """
    digest = hashlib.sha256(importlib.metadata.version("backstride").encode())
    for path in _shell_files():
        found = finders.find(path)
        digest.update(path.encode())
        if found:
            with open(found, "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()[:12]
