"""The roster's questions to the database: how many runners have each flag, and which runners a page shows.

Each runner's flags come from the attention snapshot stored on the runner at every log (the same
facts clinic.roster.badges_for turns into badges; a test holds the two together). The snapshot is
read in an inner query, each key once per runner; the flags, the filters and the order are plain
comparisons on its columns, written once here and the same on SQLite and PostgreSQL. So sorting
500 runners does not read each runner's stored state twenty times over.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Case, F, Func, IntegerField, OuterRef, Q, Subquery, TextField, Value, When
from django.db.models.functions import Cast, Coalesce

from backstride.core.tracking.attention import ORDER
from backstride.runners.models import Assessment, Plan, Runner

NO_LOG_DAYS = 7  # a week without a session, check-in or run is worth a call
SORTS = ("urgency", "name", "last_log")


class AttentionText(Func):
    """A key of the runner's stored attention snapshot as text: NULL when it is missing or null.

    Django's KT reads the document twice on SQLite and gives the text 'null' for a null there (NULL on
    PostgreSQL); this reads it once and is the same on both. An empty list is '[]' on both.
    """

    output_field = TextField()

    def __init__(self, key: str):
        super().__init__(F("state"))
        self.key = key

    def as_sql(self, compiler, connection, **extra):
        state, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "sqlite":
            return f"JSON_EXTRACT({state}, %s)", (*params, f"$.attention.{self.key}")
        return f"({state} -> 'attention' ->> %s)", (*params, self.key)


def _one_if(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _literal(day: dt.date) -> str:
    # a date's ISO form holds only digits and dashes, so it is safe written into the SQL
    return f"'{dt.date.isoformat(day)}'"


def snapshot(clinician, today: dt.date, name: str = "") -> tuple[str, list]:
    """The inner query: one row per linked runner with each snapshot key read once (SQL and its parameters)."""
    plans = Plan.objects.filter(runner=OuterRef("pk"), active=True).order_by("-created_at", "-id")
    screenings = Assessment.objects.filter(runner=OuterRef("pk")).order_by("-created_at", "-id")
    started = Subquery(plans.values("start_date")[:1])
    # the day counted from: the last log, else the plan's first day once it has come (ISO text sorts by date)
    since = Coalesce(
        AttentionText("last_log"),
        Case(When(Q(plan_start__lte=today), then=Cast("plan_start", TextField()))),
        output_field=TextField(),
    )
    runners = (
        Runner.objects.filter(care_links__clinician=clinician)
        .alias(plan_start=started)
        .values(
            "id",
            "name",
            screening=Subquery(screenings.values("screening_status")[:1]),
            red_flag=AttentionText("red_flag"),
            flare_up=AttentionText("flare_up"),
            outcome_due=AttentionText("outcome_due"),
            startback_risk=AttentionText("startback_risk"),
            since=since,
            # a boolean and a number, which the two databases write differently as text
            pain_rising=_one_if(Q(state__attention__pain_rising=True)),
            load_jump=_one_if(Q(state__attention__load_jump=True)),
            sessions_missed=_one_if(Q(state__attention__sessions_missed__gt=0)),
            maintenance_lapsed=_one_if(Q(maintenance_lapse__isnull=False)),
            matches=_one_if(Q(name__icontains=name)) if name else Value(1),
        )
    )
    sql, params = runners.query.sql_with_params()
    # OFFSET 0 keeps the database from folding this query into the one around it, which would
    # read the snapshot again for every mention of a column.
    fence = {"sqlite": "LIMIT -1 OFFSET 0", "postgresql": "OFFSET 0"}.get(connection.vendor, "")
    return f"({sql} {fence}) AS runner", list(params)


def flag_sql(today: dt.date) -> dict[str, str]:
    """Each flag of clinic.roster.badges_for as a condition on the snapshot's columns."""
    return {
        "red_flag": "(red_flag > '' OR screening NOT IN ('', 'clear'))",
        "flare_up": "flare_up > ''",
        "pain_rising": "pain_rising = 1",
        "load_jump": "load_jump = 1",
        "sessions_missed": "sessions_missed = 1",
        "maintenance_lapsed": "maintenance_lapsed = 1",
        "outcome_due": "outcome_due <> '[]'",
        "startback_risk": "startback_risk IN ('medium', 'high')",
        "no_log": f"since <= {_literal(today - dt.timedelta(days=NO_LOG_DAYS))}",
    }


EMERGENCY = "(red_flag = 'refer_emergency' OR (COALESCE(red_flag, '') = '' AND screening = 'refer_emergency'))"


def _is(condition: str) -> str:
    return f"(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def shown_sql(today: dt.date, flag: str) -> str:
    """The runners a page lists: those whose name matches, with this flag (or any flag, for 'attention')."""
    flags = flag_sql(today)
    if flag == "attention":
        return f"matches = 1 AND ({' OR '.join(flags.values())})"
    if flag in flags:
        return f"matches = 1 AND {flags[flag]}"
    return "matches = 1"


def order_sql(today: dt.date, sort: str) -> str:
    if sort == "name":
        return "LOWER(name), id"
    if sort == "last_log":
        # a runner with no day to count from sorts as if they logged tomorrow: after everyone else
        return f"COALESCE(since, {_literal(today + dt.timedelta(days=1))}), id"
    flags = flag_sql(today)
    urgency = " ".join(f"WHEN {flags[kind]} THEN {i}" for i, kind in enumerate(ORDER))
    count = " + ".join(_is(flags[kind]) for kind in ORDER)
    # the first flag in the order of urgency, then an emergency before an urgent referral,
    # more flags first, the longest silence first, then by name
    return (
        f"CASE {urgency} ELSE {len(ORDER)} END, {_is(EMERGENCY)} DESC, {count} DESC, "
        f"COALESCE(since, {_literal(today)}), LOWER(name), id"
    )


def counts(clinician, today: dt.date, flag: str = "", name: str = "") -> tuple[int, dict[str, int], int]:
    """How many runners the clinician has, how many have each flag, and how many the filters show: one query."""
    source, params = snapshot(clinician, today, name)
    flags = flag_sql(today)
    sums = ", ".join(f"SUM{_is(flags[kind])}" for kind in ORDER)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), {sums}, SUM{_is(shown_sql(today, flag))} FROM {source}", params)
        total, *by_flag, shown = (n or 0 for n in cursor.fetchone())
    return total, dict(zip(ORDER, by_flag, strict=True)), shown


def page_ids(clinician, today: dt.date, flag: str, sort: str, name: str, offset: int, limit: int) -> list[int]:
    """The ids of the runners on one page, in the roster's order."""
    source, params = snapshot(clinician, today, name)
    sql = (
        f"SELECT id FROM {source} WHERE {shown_sql(today, flag)} "
        f"ORDER BY {order_sql(today, sort if sort in SORTS else 'urgency')} LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        return [pk for (pk,) in cursor.fetchall()]
