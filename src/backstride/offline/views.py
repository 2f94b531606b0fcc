"""What a phone needs to install the app and use it without a connection: the web app manifest, the
service worker at the site's root, and the list of pages and figures it keeps for the signed-in runner."""

from __future__ import annotations

import datetime as dt
import json

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from backstride.accounts.roles import runner_required
from backstride.core.library import load_library
from backstride.pages.figures import figure_url
from backstride.pages.views.util import allowed_days
from backstride.runners.reports import today_view
from backstride.runners.services import today

from .shell import ICON_192, ICON_512, ICON_MASKABLE, cache_version, shell_urls

# The colours of the page's top bar and background (app.css: --ink and --bg), for the splash screen and title bar.
THEME_COLOUR = "#1d2733"
BACKGROUND_COLOUR = "#f6f8fa"
DAYS_KEPT = 7  # today and the next six days work offline
SESSION_DAYS_SECONDS = 6 * 3600  # as today's page: the key holds the runner's version, so it is never stale
CACHE_FIRST = ("figures/",)  # besides the static files: named by a hash of their content, so never stale


@require_GET
def web_manifest(request):
    icon = {"type": "image/png"}
    data = {
        "id": reverse("today"),
        "name": "backstride",
        "short_name": "backstride",
        "description": _("An eight-week home exercise program for runners with low back pain."),
        "lang": get_language(),
        "start_url": reverse("today"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            icon | {"src": static(ICON_192), "sizes": "192x192", "purpose": "any"},
            icon | {"src": static(ICON_512), "sizes": "512x512", "purpose": "any"},
            icon | {"src": static(ICON_MASKABLE), "sizes": "512x512", "purpose": "maskable"},
        ],
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_GET
def service_worker(request):
    """The one worker: offline copies and push reminders. Served from the root so its scope is the whole site."""
    config = {
        "version": cache_version(),
        "shell": shell_urls(),
        "offline": reverse("offline_page"),
        "list": reverse("offline_list"),
        "icon": static(ICON_192),
        "cacheFirst": [static(""), *(f"/{prefix}" for prefix in CACHE_FIRST)],
        # navigations kept for offline use: the runner's day pages, the forms that work offline, the exercises
        "keepPages": [reverse(name) for name in ("today", "checkin", "log_run", "library")],
    }
    script = "text/javascript; charset=utf-8"
    response = render(request, "offline/sw.js", {"config": json.dumps(config)}, content_type=script)
    response["Service-Worker-Allowed"] = "/"
    # the browser checks for a new worker on each visit; a deploy changes the version inside, and so the caches
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


@runner_required
@require_GET
def offline_list(request):
    """What the worker keeps for this runner: pages that change as they log ("pages", fetched again whenever
    "version" changes), and pages and figures that change only with a deploy ("library", "files")."""
    runner = request.runner
    first, last = allowed_days(runner)
    now = today()
    days = [day for day in (now + dt.timedelta(days=n) for n in range(DAYS_KEPT)) if first <= day <= last]
    pages = [reverse("today")]
    pages += [f"{reverse('today')}?date={day.isoformat()}" for day in days if day != now]
    pages += [f"{reverse('player')}?date={day}" for day in _session_days(runner, days)]
    pages += [reverse("checkin"), reverse("log_run")]
    library = load_library()
    exercises = [reverse("exercise", args=[e.slug]) for e in library]
    # the guided session shows the mirrored drawing for the second side
    figures = [url for e in library for url in (figure_url(e.slug), figure_url(e.slug, mirrored=True)) if url]
    data = {
        "version": f"{runner.pk}:{runner.version}:{now.isoformat()}:{get_language()}",
        "pages": pages,
        "library": [reverse("library"), *exercises],
        "files": figures,
    }
    response = JsonResponse(data)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _session_days(runner, days: list[dt.date]) -> list[str]:
    """The days with a session to play: asking the player for a day without one would leave a message."""
    if not runner.has_plan:
        return []
    key = f"offline-days:{runner.pk}:{runner.version}:{days[0].isoformat() if days else ''}"
    found = cache.get(key)
    if found is None:
        found = [day.isoformat() for day in days if today_view(runner, day)["session"]]
        cache.set(key, found, SESSION_DAYS_SECONDS)
    return found


@require_GET
def offline_page(request):
    """Shown for a page that was never kept, when there is no connection."""
    return render(request, "offline/offline.html", {})
