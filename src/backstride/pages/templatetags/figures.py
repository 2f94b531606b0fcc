"""{% figure slug name %}: the exercise's moving figure as an <img>, or the old placeholder when it has none."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..figures import figure_url, still_data_uri

register = template.Library()


@register.simple_tag
def figure(slug: str, name: str, css: str = "picture") -> str:
    url = figure_url(slug)
    if url is None:
        return format_html('<div class="{}" aria-hidden="true"></div>', css)
    alt = _("How %(name)s moves, drawn as a figure") % {"name": name}
    return format_html(
        '<img class="{} figure" src="{}" alt="{}" width="320" height="200" loading="lazy">', css, url, alt
    )


@register.simple_tag
def figure_stills(slug: str, name: str) -> str:
    """The first and the held position side by side, for paper (WeasyPrint draws the SVG itself)."""
    first, held = still_data_uri(slug, 0), still_data_uri(slug, -1)
    if first is None:
        return ""
    alt = _("%(name)s: where it starts and where it goes") % {"name": name}
    return format_html(
        '<div class="figure" role="img" aria-label="{}"><img src="{}" alt=""><img src="{}" alt=""></div>',
        alt,
        first,
        held,
    )
