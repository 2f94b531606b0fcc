"""Serving the exercise figures: each file named by a hash of its content, so a browser may keep it for good."""

from __future__ import annotations

import base64
import hashlib
from functools import cache

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

FOREVER = "public, max-age=31536000, immutable"  # the name changes whenever the drawing does


@cache
def _animated(slug: str, mirrored: bool) -> tuple[str, bytes]:
    from backstride.core.figures import figure_svg

    body = figure_svg(slug, mirrored=mirrored).encode()
    return hashlib.sha256(body).hexdigest()[:12], body


@cache
def _slugs() -> frozenset[str]:
    from backstride.core.figures import figure_slugs

    return frozenset(figure_slugs())


def figure_url(slug: str, mirrored: bool = False) -> str | None:
    """The address of the exercise's moving figure, or None for an exercise without one."""
    if slug not in _slugs():
        return None
    digest, _body = _animated(slug, mirrored)
    side = "-other" if mirrored else ""
    return reverse("figure", args=[f"{slug}{side}.{digest}.svg"])


def still_data_uri(slug: str, position: int = -1) -> str | None:
    """A keyframe as a data: URI, for the printed program (the held position by default, the last keyframe)."""
    from backstride.core.figures import keyframe_names, still_svg

    if slug not in _slugs():
        return None
    name = keyframe_names(slug)[position]
    return "data:image/svg+xml;base64," + base64.b64encode(still_svg(slug, name).encode()).decode()


@require_safe
def figure(request, name: str):
    stem, _dot, rest = name.partition(".")
    digest = rest.removesuffix(".svg")
    mirrored = stem.endswith("-other")
    slug = stem.removesuffix("-other")
    if slug not in _slugs():
        raise Http404("no such figure")
    current, body = _animated(slug, mirrored)
    if digest != current:
        raise Http404("that drawing has been replaced")  # pages always link the current name
    response = HttpResponse(body, content_type="image/svg+xml")
    response["Cache-Control"] = FOREVER
    return response
