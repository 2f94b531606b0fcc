"""Today's page: the session as exercise cards with timers, and its log."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from backstride.accounts.roles import runner_required
from backstride.core.errors import InputError
from backstride.core.library import load_library
from backstride.offline.once import already_stored, store_once
from backstride.runners import services
from backstride.runners.reports import changes_by_day, code_mark, today_view

from .util import WHOLE_NUMBER, day_from, has_nul, out_of_range, safe_next

PAIN_FIELDS = ("pain_before", "pain_during", "pain_after", "effort")
REQUIRED_PAIN = ("pain_during", "pain_after")  # what the adaptation judges a session by (core/tracking/adapt.py)
CACHE_SECONDS = 6 * 3600
CSRF_MARK = "<!--csrf-->"
UNREAD_MARK = "<!--unread-->"  # where a note of new messages goes, written in after the cache


def exercise_cards(session: dict | None) -> list[dict]:
    if not session:
        return []
    library = load_library()
    cards = []
    for i, e in enumerate(session["exercises"]):
        ex = library[e["slug"]]
        cards.append(
            e
            | {
                "index": i,
                "purpose": ex.purpose,
                "setup": ex.setup,
                "steps": ex.steps,
                "cues": ex.cues,
                "should_feel": ex.should_feel,
                "stop_if": ex.stop_if,
                "mistakes": ex.common_mistakes,
                "set_numbers": range(1, e["sets"] + 1),
                "timed": "hold_seconds" in e,
                "position": ex.position.value.replace("_", " "),
            }
        )
    return cards


def no_plan(request):
    assessment = request.runner.assessments.first()
    return render(
        request,
        "pages/no_plan.html",
        {
            "screening": assessment.result["screening"] if assessment else None,
            # stored from the safety questions alone: the runner may answer them again
            "partial": bool(assessment and assessment.intake.get("partial")),
        },
    )


def _cached_page(request, runner, day) -> str:
    """The whole page, rendered once per runner, program version, day and language.

    Every write bumps the runner's version, so a cached page is never stale. The CSRF token
    belongs to the visitor's session, so it is written in after the cache.
    """
    # today's date is part of the key too: a day shown as still ahead becomes one that can be logged
    today = services.latest_log_day().isoformat()
    key = f"today:{code_mark()}:{runner.id}:{runner.version}:{day.isoformat()}:{today}:{get_language()}"
    page = cache.get(key)
    if page is None:
        context = {"body": _body(request, runner, day), "nav": "today", "csrf_token": CSRF_MARK}
        page = render_to_string("pages/today.html", context, request=request)
        cache.set(key, page, CACHE_SECONDS)
    return page


def _body(request, runner, day) -> str:
    view = today_view(runner, day)
    context = {
        "view": view,
        "cards": exercise_cards(view["session"]),
        "changes": changes_by_day(view["recent_changes"]),
        "ahead": day > services.latest_log_day(),  # a log may not be dated after today: no save button yet
    }
    body = render_to_string("pages/_today_body.html", context, request=request)
    return mark_safe(body)


@runner_required
@require_GET
def today(request):
    runner = request.runner
    if not runner.has_plan:
        return no_plan(request)
    day = day_from(request)  # first: a day out of range adds a message, shown below
    storage = messages.get_messages(request)
    pending = list(storage)
    storage.used = False  # only looked at: the page below shows them
    token = escape(get_token(request))
    if pending:  # just after a save: render afresh to show the messages
        body = mark_safe(_with_token(_body(request, runner, day), token))
        page = render_to_string("pages/today.html", {"body": body, "nav": "today"}, request=request)
    else:
        page = _with_token(_cached_page(request, runner, day), token)
    return HttpResponse(_with_unread(page, runner))


def _with_token(html: str, token: str) -> str:
    # templates write the mark escaped where they print a token themselves (the log-out form, htmx's headers)
    html = html.replace(escape(CSRF_MARK), token).replace(f'"{CSRF_MARK}"', f'"{token}"')
    return html.replace(CSRF_MARK, f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">')


def _with_unread(html: str, runner) -> str:
    """Messages from a clinician are not part of the program's version: they are written in after the cache."""
    from backstride.clinic.messages import unread_for_runner

    count = unread_for_runner(runner)
    notice = ""
    if count:
        text = ngettext("A new message from your clinician", "%(n)d new messages from your clinicians", count) % {
            "n": count
        }
        notice = f'<p class="notice" role="status" data-unread><a href="{reverse("runner_messages")}">{text}</a></p>'
    return html.replace(UNREAD_MARK, notice, 1)


MAX_EXERCISES = 40  # as many as a session log holds
NOTE_MAX = 2000  # as long as a session log's note may be
FIELD_LABELS = {
    "pain_before": gettext_lazy("Pain before"),
    "pain_during": gettext_lazy("Worst pain during"),
    "pain_after": gettext_lazy("Pain after"),
    "effort": gettext_lazy("Effort"),
}


def _int(value: str | None, label, problems: list[str]) -> int | None:
    """The whole number typed, None when left empty; anything else adds a problem."""
    value = (value or "").strip()
    if not value:
        return None
    if not WHOLE_NUMBER.fullmatch(value):
        problems.append(_("%(field)s must be a whole number (got %(value)s).") % {"field": label, "value": value[:20]})
        return None
    return int(value)


def _read_session(post, runner) -> tuple[dict, list[str]]:
    """The session log as the core reads it, from the form on today's page, and what is wrong with it."""
    problems: list[str] = []
    if has_nul(post):
        return {}, [_("The form must not contain the NUL character.")]
    data = {key: _int(post.get(key), FIELD_LABELS[key], problems) for key in PAIN_FIELDS}
    for key in REQUIRED_PAIN:
        if not (post.get(key) or "").strip():
            problems.append(_("%(field)s: choose a number from 0 to 10.") % {"field": FIELD_LABELS[key]})
    if data["pain_before"] is None:
        data["pain_before"] = data["pain_during"]  # as on the command line: left empty, the same as during
    day_text = post.get("date", "")
    try:
        day = dt.date.fromisoformat(day_text)
    except ValueError:
        problems.append(_("The date must be written YYYY-MM-DD."))
    else:
        problem = out_of_range(runner, day)
        if problem:
            problems.append(problem)
    note = post.get("note", "")
    if len(note) > NOTE_MAX:
        # refused rather than cut, so nothing the runner wrote is lost without their knowing
        problems.append(
            _("The note is %(length)s characters long: keep it to %(max)s.") % {"length": len(note), "max": NOTE_MAX}
        )
    data |= {"date": day_text, "note": note}
    count = post.get("count", "0").strip() or "0"
    if not WHOLE_NUMBER.fullmatch(count) or not 0 <= int(count) <= MAX_EXERCISES:
        problems.append(_("The list of exercises did not come through: reload the page and log the session again."))
        count = "0"
    exercises = []
    for i in range(int(count)):
        slug = post.get(f"slug_{i}")
        if not slug:
            continue
        name = _("Exercise %(number)s") % {"number": i + 1}
        sets_done = len(post.getlist(f"set_{i}"))
        prescribed = _int(post.get(f"sets_{i}"), _("%(exercise)s: sets") % {"exercise": name}, problems) or 0
        entry = {"slug": slug, "sets": sets_done, "completed": sets_done >= prescribed}
        held = _int(post.get(f"held_{i}"), _("%(exercise)s: seconds held") % {"exercise": name}, problems)
        if held:
            entry["hold_seconds"] = held
        pain = _int(post.get(f"pain_{i}"), _("%(exercise)s: pain") % {"exercise": name}, problems)
        if pain is not None:
            entry["pain"] = pain
        exercises.append(entry)
    data["exercises"] = exercises
    return data, problems


@runner_required
@require_POST
def log_session(request):
    """Store the session just done; the form works without JavaScript, the timers only fill it in."""
    from backstride.core.inputs import check_session_log
    from backstride.core.tracking.logs import parse_session_log
    from backstride.runners.services import log_session as store

    if already_stored(request):  # sent again (offline queue, double tap): answer as the first time did
        messages.success(request, _("Session saved. Well done."))
        return redirect("progress" if request.POST.get("then") == "progress" else "today")
    data, problems = _read_session(request.POST, request.runner)
    if problems:
        for problem in problems:
            messages.error(request, _("Not saved: %(problem)s") % {"problem": problem})
        return redirect(safe_next(request, "today"))
    try:
        log = check_session_log(parse_session_log(data))
        state = store_once(request, "session", lambda: store(request.runner, log))
    except InputError as exc:
        messages.error(request, _("Not saved: %(field)s %(message)s") % {"field": exc.field, "message": exc.message})
        return redirect(safe_next(request, "today"))
    changes = [d for d in state.decisions if d.date >= state.as_of] if state is not None else []
    messages.success(request, _("Session saved. Well done."))
    for change in changes[-5:]:
        messages.info(request, change.reason)
    return redirect("progress" if request.POST.get("then") == "progress" else "today")
