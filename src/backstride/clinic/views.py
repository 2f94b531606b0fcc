"""The clinician's pages: the roster, invites, a runner's record, plan changes and the audit trail."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from backstride.accounts.roles import clinician_required, linked_runner
from backstride.core.errors import InputError

from . import planning, services
from . import roster as rosters
from .detail import SECTIONS, record_header
from .forms import ADJUST_FORMS, ClearForm
from .models import AuditEvent, Invite

AUDIT_PAGE_SIZE = 50
INVITES_SHOWN = 20


@clinician_required
@require_GET
def roster(request):
    query = request.GET.get("q", "").strip()[:120]
    flag = request.GET.get("flag", "")
    flag = flag if flag in rosters.FILTERS else ""
    sort = request.GET.get("sort", "urgency")
    sort = sort if sort in rosters.SORTS else "urgency"
    found = rosters.roster(
        request.clinician, services.today(), flag=flag, sort=sort, name=query, page=request.GET.get("page")
    )
    # the roster shows runners' data too: record whose, and which page of which search
    shown = [r.id for r in found.rows]
    page = found.page.number
    services.audit(request.user, None, services.ROSTER_VIEWED, runners=shown, page=page, q=query, flag=flag, sort=sort)
    context = {
        "rows": found.rows,
        "page": found.page,
        "summary": [(k, rosters.FLAG_LABELS[k], n) for k, n in found.counts.items() if n],
        "total": found.total,
        "flags": rosters.FILTERS,
        "sorts": rosters.SORTS,
        "q": query,
        "flag": flag,
        "sort": sort,
        "page_link": _page_link(query, flag, sort),
        "nav": "roster",
    }
    # the filter form and the page links ask (through htmx) for the table alone
    template = "clinic/_roster_table.html" if request.htmx and request.htmx.target == "roster" else "clinic/roster.html"
    return render(request, template, context)


def _page_link(query: str, flag: str, sort: str) -> str:
    """The start of a link to another page of the roster, keeping the search and the order."""
    kept = urlencode({k: v for k, v in (("q", query), ("flag", flag), ("sort", sort)) if v and v != "urgency"})
    return f"?{kept}&page=" if kept else "?page="


@clinician_required
@require_http_methods(["GET", "POST"])
def invite(request):
    if request.method == "POST":
        created = services.create_invite(request.clinician)
        messages.success(request, _("Invite created. Give the runner the code or the sign-up link."))
        return redirect(f"{reverse('clinic:invite')}?new={created.pk}")
    invites = list(Invite.objects.filter(clinician=request.clinician).select_related("used_by")[:INVITES_SHOWN])
    signup = reverse("signup")
    for item in invites:
        item.link = request.build_absolute_uri(f"{signup}?invite={item.code}")
    new = request.GET.get("new", "")
    return render(
        request,
        "clinic/invite.html",
        {
            "invites": invites,
            "new": next((i for i in invites if str(i.pk) == new and i.used_at is None), None),
            "nav": "invite",
        },
    )


@clinician_required
@require_GET
def audit(request):
    events = (
        AuditEvent.objects.filter(
            Q(runner__care_links__clinician=request.clinician) | Q(runner__isnull=True, actor=request.user)
        )
        .select_related("actor", "runner")
        .order_by("-at", "-id")
    )
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    for event in page:
        event.label = AUDIT_LABELS.get(event.action, event.action)
        event.summary = audit_summary(event)
    return render(request, "clinic/audit.html", {"page": page, "nav": "audit"})


# The sections of a runner's record, in the order of its navigation; each is a page of its own.
RECORD_SECTIONS = {
    "summary": gettext_lazy("Summary"),
    "logs": gettext_lazy("Logs"),
    "plan": gettext_lazy("Plan"),
    "changes": gettext_lazy("Changes"),
    "audit": gettext_lazy("Audit"),
}


@clinician_required
@require_GET
def runner(request, runner_id: int, section: str = "summary"):
    if section not in RECORD_SECTIONS:
        raise Http404
    person = linked_runner(request.clinician, runner_id)
    day = services.today()
    header = record_header(person, day)
    # the summary is recorded as the record itself (as before the sections), every other section by its name
    services.audit(request.user, person, services.VIEWED, **({} if section == "summary" else {"page": section}))
    record = _runner_audit(request, person) if section == "audit" else SECTIONS[section](person, day, header)
    if section == "summary":
        from .messages import thread

        record["thread"] = thread(person, reader_is_clinician=True)
    tabs = [(key, label, _section_url(person.pk, key)) for key, label in RECORD_SECTIONS.items()]
    context = header | record | {"runner": person, "nav": "roster", "section": section, "sections": tabs}
    template = "clinic/runner.html" if section == "summary" else f"clinic/runner_{section}.html"
    return render(request, template, context)


def _section_url(runner_id: int, section: str) -> str:
    if section == "summary":
        return reverse("clinic:runner", args=[runner_id])
    return reverse("clinic:runner_section", args=[runner_id, section])


def _runner_audit(request, person) -> dict:
    """This runner's rows of the audit trail, newest first, a page at a time."""
    events = AuditEvent.objects.filter(runner=person).select_related("actor").order_by("-at", "-id")
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    for event in page:
        event.label = AUDIT_LABELS.get(event.action, event.action)
        event.summary = audit_summary(event)
    return {"page": page}


@clinician_required
@require_POST
def message(request, runner_id: int):
    """A note to the runner, shown on their messages page and kept with the record."""
    from .messages import send

    person = linked_runner(request.clinician, runner_id)
    try:
        send(person, request.user, request.POST.get("text", ""), from_clinician=True)
    except InputError as exc:
        messages.error(request, f"{exc.field}: {exc.message}")
    else:
        messages.success(request, _("Message sent to %(name)s.") % {"name": person.name})
    return redirect(reverse("clinic:runner", args=[person.pk]) + "#messages")


@clinician_required
@require_http_methods(["GET", "POST"])
def adjust(request, runner_id: int):
    person = linked_runner(request.clinician, runner_id)
    day = services.today()
    if request.method == "GET" and "steps" in request.GET:
        return _ladder(request)
    if request.method == "GET":
        services.audit(request.user, person, services.VIEWED, page="adjust")
    if person.current_plan is None:
        return _no_plan(request, person, "clinic/adjust.html")
    slots, position = planning.current(person, day)

    def make(kind, data=None):
        extra = {"slots": slots} if kind in ("swap", "dosage") else {"position": position}
        return ADJUST_FORMS[kind](data, prefix=kind, **extra)

    forms = {kind: make(kind) for kind in ADJUST_FORMS}
    # with htmx, choosing an exercise shows its dosage ladder next to the step field
    ladder = {"hx-get": f"{reverse('clinic:adjust', args=[person.pk])}?steps=1", "hx-target": "#swap-ladder"}
    status = 200
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        if kind not in ADJUST_FORMS:
            return HttpResponseBadRequest(_("Choose one of the changes offered."))
        form = forms[kind] = make(kind, request.POST)
        if form.is_valid():
            try:
                services.adjust(person, request.user, kind, day=day, **form.adjustment())
            except InputError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _("Plan changed. %(name)s sees the change and your note.")
                    % {
                        "name": person.name,
                    },
                )
                # the record's changes, where the clinician sees the change and their note, newest first
                return redirect("clinic:runner_section", runner_id=person.pk, section="changes")
        status = 400
    forms["swap"].fields["exercise"].widget.attrs.update(ladder)
    return render(
        request,
        "clinic/adjust.html",
        {
            "runner": person,
            "forms": forms,
            "slots": slots,
            "position": position,
            "nav": "roster",
        },
        status=status,
    )


def _ladder(request):
    """The dosage ladder of one exercise, for the swap form (an htmx partial)."""
    slug = request.GET.get("swap-exercise") or request.GET.get("steps", "")
    try:
        doses = planning.doses(slug)
    except KeyError:
        doses = ()
    return render(request, "clinic/_ladder.html", {"doses": doses})


def _no_plan(request, person, template):
    status = 400 if request.method == "POST" else 200
    return render(request, template, {"runner": person, "no_plan": True, "nav": "roster"}, status=status)


@clinician_required
@require_http_methods(["GET", "POST"])
def clear(request, runner_id: int):
    person = linked_runner(request.clinician, runner_id)
    if request.method == "GET":
        services.audit(request.user, person, services.VIEWED, page="clear")
    if person.current_plan is None:
        return _no_plan(request, person, "clinic/clear.html")
    paused = (person.state or {}).get("paused")
    form = ClearForm(request.POST or None, prefix="clear")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.clear(person, request.user, form.cleaned_data["note"], services.today())
            except InputError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Referral cleared: %(name)s's program resumes.") % {"name": person.name})
                return redirect("clinic:runner", runner_id=person.pk)
        status = 400
    return render(
        request,
        "clinic/clear.html",
        {
            "runner": person,
            "form": form,
            "paused": paused,
            "emergency": bool(paused) and paused.get("status") == "refer_emergency",
            "clinician_name": services.clinician_name(request.user),
            "nav": "roster",
        },
        status=status,
    )


AUDIT_LABELS = {
    services.VIEWED: gettext_lazy("Viewed the runner's record"),
    services.ADJUSTED: gettext_lazy("Changed the plan"),
    services.CLEARED: gettext_lazy("Cleared a referral"),
    services.INVITED: gettext_lazy("Created an invite"),
    services.JOINED: gettext_lazy("Joined with an invite"),
    services.ROSTER_VIEWED: gettext_lazy("Viewed the list of runners"),
    services.RUNNERS_LISTED: gettext_lazy("Listed the runners through the API"),
    services.ADMIN_VIEWED: gettext_lazy("Read the runner's data in the staff admin"),
    services.ACCESS_ENDED: gettext_lazy("The runner ended a clinician's access"),
    services.OUTCOMES_EXPORTED: gettext_lazy("Downloaded the runners' outcome measures"),
    "message_sent": gettext_lazy("Wrote a message on the record"),
    "history_changed": gettext_lazy("The runner changed or deleted a log"),
}
PAGE_LABELS = {
    "adjust": gettext_lazy("the page for changing the plan"),
    "clear": gettext_lazy("the page for clearing a referral"),
    "logs": gettext_lazy("the record's logs"),
    "plan": gettext_lazy("the record's plan"),
    "changes": gettext_lazy("the record's changes"),
    "audit": gettext_lazy("the record's audit trail"),
}


def audit_summary(event: AuditEvent) -> str:
    d = event.detail or {}
    if event.action == services.ADJUSTED:
        kind = {
            "swap": _("swap"),
            "dosage": _("dosage"),
            "hold_phase": _("hold phase"),
            "advance_phase": _("advance phase"),
        }.get(d.get("kind"), d.get("kind", ""))
        where = f" · {planning.slot_label(d['slot'])}" if d.get("slot") else ""
        return f"{kind}{where}: {d.get('note', '')}"
    if event.action == services.VIEWED and d.get("page"):
        return str(PAGE_LABELS.get(d["page"], d["page"]))
    if event.action == services.ACCESS_ENDED:
        return d.get("clinician_name", "")
    if event.action == services.CLEARED:
        by = d.get("cleared_by")
        return _("cleared by %(name)s: %(note)s") % {"name": by, "note": d.get("note", "")} if by else d.get("note", "")
    return ""
