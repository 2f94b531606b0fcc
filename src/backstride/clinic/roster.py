"""The roster: a clinician's runners, most urgent first, read from the snapshot stored at each log.

Nothing here replays a runner's history, and nothing reads every runner into Python: the database
counts the flags, filters, searches and sorts (roster_query.py), and only the page shown is read
and turned into rows. A page costs the same few queries for 5 runners or 500.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Subquery
from django.db.models.fields.json import KeyTransform
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from backstride.core import labels
from backstride.runners.models import Assessment, Plan, Runner

from . import roster_query as query
from .roster_query import NO_LOG_DAYS

PAGE_SIZE = 50

FLAG_LABELS = {
    "red_flag": gettext_lazy("Red flag"),
    "flare_up": gettext_lazy("Flare-up"),
    "pain_rising": gettext_lazy("Pain rising"),
    "load_jump": gettext_lazy("Running up over 30 % in two weeks"),
    "sessions_missed": gettext_lazy("Sessions missed"),
    "maintenance_lapsed": gettext_lazy("Maintenance lapsed"),
    "outcome_due": gettext_lazy("Outcome due"),
    "startback_risk": gettext_lazy("STarT Back risk"),
    "no_log": gettext_lazy("No recent log"),
}
# What the roster can be narrowed to: anyone with a flag, or one flag.
FILTERS = {"attention": gettext_lazy("Needs attention"), **FLAG_LABELS}
CAUSES = {  # why the program is paused, when it was not a warning-sign answer
    "leg_symptoms": gettext_lazy("New leg symptoms"),
    "pain_not_settling": gettext_lazy("Pain not settling"),
}


def outcome_names(kinds) -> str:
    """The outcome measures due, as every page names them (core.labels)."""
    return ", ".join(labels.label("outcome", kind) for kind in kinds)


SORTS = {
    "urgency": gettext_lazy("Most urgent first"),
    "name": gettext_lazy("Name"),
    "last_log": gettext_lazy("Longest without a log"),
}


@dataclass(frozen=True)
class Badge:
    kind: str
    css: str  # badge-red / badge-amber / badge-blue / badge-grey; the text carries the meaning
    text: str
    severity: int = 0


@dataclass
class RosterRow:
    id: int
    name: str
    week: int | None
    last_log: dt.date | None
    days_since_log: int | None
    mean_pain: float | None
    as_of: dt.date | None
    badges: list[Badge] = field(default_factory=list)

    after_plan: bool = False  # in maintenance, past the plan's last day
    url: str = ""

    @property
    def week_label(self) -> str:
        if self.week is None:
            return _("No plan")
        if self.week < 1:
            return _("Not started")
        if self.after_plan:
            return _("Maintenance")
        return _("Week %(n)d") % {"n": self.week}

    @property
    def last_log_label(self) -> str:
        return _short(self.last_log) if self.last_log else _("Nothing yet")

    @property
    def pain_label(self) -> str:
        return f"{self.mean_pain:g}/10" if self.mean_pain is not None else _("No check-ins")


@dataclass
class Roster:
    """One page of the roster, and how many runners have each flag (over all of the clinician's runners)."""

    page: Page
    rows: list[RosterRow]
    total: int
    counts: dict[str, int]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _short(day: dt.date) -> str:
    return date_format(day, "j M")


def badges_for(attention: dict | None, screening: str | None, plan_start: dt.date | None, today: dt.date) -> tuple:
    """The runner's flags as readable badges, most urgent first, and the days since the last log.

    The database works out the same flags (roster_query.flag_sql) to sort and filter; a test holds the two together.
    """
    attention = attention or {}
    badges: list[Badge] = []
    referral = attention.get("red_flag") or (screening if screening and screening != "clear" else None)
    if referral:
        cause = CAUSES.get(attention.get("paused_because") or "", _("Red flag"))
        text = (
            _("%(cause)s: emergency referral") if referral == "refer_emergency" else _("%(cause)s: urgent referral")
        ) % {"cause": cause}
        badges.append(Badge("red_flag", "badge-red", text, int(referral == "refer_emergency")))
    flare = _date(attention.get("flare_up"))
    if flare:
        badges.append(Badge("flare_up", "badge-amber", _("Flare-up since %(date)s") % {"date": _short(flare)}))
    if attention.get("pain_rising"):
        badges.append(Badge("pain_rising", "badge-amber", _("Morning pain rising")))
    if attention.get("load_jump"):
        badges.append(Badge("load_jump", "badge-amber", jump_words(attention.get("two_week_change"))))
    missed = attention.get("sessions_missed") or 0
    if missed:
        text = ngettext("%(n)d session missed this week", "%(n)d sessions missed this week", missed) % {"n": missed}
        badges.append(Badge("sessions_missed", "badge-blue", text))
    lapsed = attention.get("maintenance_lapsed") or 0
    if lapsed:
        text = ngettext(
            "No core session for %(n)d maintenance week", "No core session for %(n)d maintenance weeks", lapsed
        ) % {"n": lapsed}
        badges.append(Badge("maintenance_lapsed", "badge-amber", text))
    due = attention.get("outcome_due") or []
    if due:
        names = outcome_names(due)
        badges.append(Badge("outcome_due", "badge-blue", _("Due: %(names)s") % {"names": names}))
    risk = attention.get("startback_risk")
    if risk in ("medium", "high"):
        text = _("STarT Back: high risk") if risk == "high" else _("STarT Back: medium risk")
        badges.append(Badge("startback_risk", "badge-amber" if risk == "high" else "badge-blue", text))
    last = _date(attention.get("last_log"))
    since = last or (plan_start if plan_start and plan_start <= today else None)
    days = (today - since).days if since else None
    if days is not None and days >= NO_LOG_DAYS:
        text = (
            ngettext("No log for %(n)d day", "No log for %(n)d days", days) % {"n": days}
            if last
            else _("Nothing logged since the start")
        )
        badges.append(Badge("no_log", "badge-grey", text))
    return badges, days


def jump_words(jump: dict | None) -> str:
    """A two-week rise in running as the badge says it: by the larger of distance and time."""
    jump = jump or {}
    changes = [c for c in (jump.get("change_km"), jump.get("change_minutes")) if c is not None]
    if not changes:
        return _("Running up more than 30 % over two weeks")
    percent = round(100 * max(changes))
    return _("Running up %(percent)d %% over two weeks (week %(week)d)") % {"percent": percent, "week": jump["week"]}


class _Ordered(Sequence):
    """The runners a page may show, in the roster's order, read from the database one page at a time."""

    def __init__(self, count: int, read_page):
        self.count_shown = count
        self.read_page = read_page

    def __len__(self) -> int:
        return self.count_shown

    def __getitem__(self, page: slice) -> list[RosterRow]:
        return self.read_page(page.start, page.stop - page.start)


def rows_for(ids: list[int], today: dt.date) -> list[RosterRow]:
    """The rows of these runners, in this order: what the table shows of each."""
    plans = Plan.objects.filter(runner=OuterRef("pk"), active=True).order_by("-created_at", "-id")
    screenings = Assessment.objects.filter(runner=OuterRef("pk")).order_by("-created_at", "-id")
    values = Runner.objects.filter(pk__in=ids).values_list(
        "id",
        "name",
        "state_as_of",
        KeyTransform("attention", "state"),
        "maintenance_lapse__missed_weeks",
        Subquery(plans.values("start_date")[:1]),
        Subquery(plans.values("end_date")[:1]),
        Subquery(screenings.values("screening_status")[:1]),
    )
    link = reverse("clinic:runner", args=[0]).removesuffix("0/")
    by_id = {v[0]: _row(v, today, link) for v in values}
    return [by_id[pk] for pk in ids if pk in by_id]


def _row(values: tuple, today: dt.date, link: str) -> RosterRow:
    pk, name, as_of, attention, lapsed_weeks, plan_start, plan_end, screening = values
    attention = (attention or {}) | {"maintenance_lapsed": lapsed_weeks}
    badges, days = badges_for(attention, screening, plan_start, today)
    return RosterRow(
        id=pk,
        name=name,
        week=(today - plan_start).days // 7 + 1 if plan_start else None,
        last_log=_date(attention.get("last_log")),
        days_since_log=days,
        mean_pain=attention.get("mean_morning_pain"),
        as_of=as_of,
        badges=badges,
        after_plan=bool(plan_end and today > plan_end),
        url=f"{link}{pk}/",
    )


def roster(
    clinician, today: dt.date, *, flag: str = "", sort: str = "urgency", name: str = "", page: str | int | None = 1
) -> Roster:
    """One page of the clinician's runners (most urgent first unless asked otherwise), and the flag counts.

    Three queries whatever the number of runners: the counts, the ids on the page, and their rows.
    """
    total, flagged, shown = query.counts(clinician, today, flag, name)

    def read_page(offset: int, limit: int) -> list[RosterRow]:
        return rows_for(query.page_ids(clinician, today, flag, sort, name, offset, limit), today)

    current = Paginator(_Ordered(shown, read_page), PAGE_SIZE).get_page(page)
    return Roster(current, list(current.object_list), total, flagged)
