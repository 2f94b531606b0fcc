"""What changed and why: newest first, grouped by day, the clinician's own changes marked, on every page and the API."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from backstride.core.intake import RedFlags
from backstride.core.tracking.logs import parse_checkin, parse_session_log
from backstride.runners.reports import plan_view, today_view
from backstride.runners.services import checkin, log_session

from .conftest import START, client_for

pytestmark = pytest.mark.django_db

WEDNESDAY, MONDAY = START + dt.timedelta(days=2), START + dt.timedelta(days=7)
ADJUSTED = "Ada Okafor set the dose to"


@pytest.fixture
def first_week(runner, clinician, today):
    """The README's week, with the clinician changing a dose on Wednesday; Friday's pain holds an exercise on Monday."""
    for n, pain in ((0, 2), (2, 2), (4, 4)):
        day = START + dt.timedelta(days=n)
        log = {"date": day.isoformat(), "as_planned": True, "pain_before": pain, "pain_during": pain, "pain_after": 2}
        log_session(runner, parse_session_log(log))
        if n == 2:
            today.day = WEDNESDAY
            data = {"kind": "dosage", "dosage-slot": "brace", "dosage-step": 3, "dosage-note": "Brace held well"}
            assert client_for(clinician.user).post(reverse("clinic:adjust", args=[runner.pk]), data).status_code == 302
    no_flags = dict.fromkeys(RedFlags.model_fields, False)
    checkin(runner, parse_checkin({"date": MONDAY.isoformat(), "pain": 3, "red_flags": no_flags}))
    today.day = MONDAY
    return runner


def test_the_plans_changes_come_newest_first_and_the_clinicians_is_marked(first_week):
    changes = plan_view(first_week, MONDAY)["changes"]

    dates = [c["date"] for c in changes]
    assert dates == sorted(dates, reverse=True) and dates[0] == MONDAY.isoformat()
    assert dates[-1] == WEDNESDAY.isoformat() and changes[-1]["reason"].startswith(ADJUSTED)
    assert [c["by_clinician"] for c in changes] == [False] * (len(changes) - 1) + [True]


def test_todays_recent_changes_come_newest_first(first_week):
    recent = today_view(first_week, MONDAY)["recent_changes"]
    stored = list(first_week.decisions.order_by("-date", "-id").values_list("reason", flat=True)[: len(recent)])
    assert [c["reason"] for c in recent] == stored
    assert recent[0]["date"] == MONDAY.isoformat()


def day_headings(html: str) -> list[str]:
    section = html.split("What changed and why", 1)[1]
    return re.findall(r'<h3 class="change-day"><time datetime="([\d-]+)">', section)


def test_the_runners_plan_page_groups_the_changes_under_each_day_newest_first(first_week):
    html = client_for(first_week.user).get(f"/plan/?date={MONDAY.isoformat()}").content.decode()

    assert day_headings(html) == [MONDAY.isoformat(), WEDNESDAY.isoformat()]
    assert "Monday 14 December 2026" in html
    marked = re.findall(r'<li class="by-clinician"><span class="badge[^"]*">From your clinician</span> ([^<]*)', html)
    assert len(marked) == 1 and marked[0].startswith(ADJUSTED)


def test_todays_page_groups_the_recent_changes_under_each_day_newest_first(first_week):
    html = client_for(first_week.user).get(f"/today/?date={MONDAY.isoformat()}").content.decode()
    headings = day_headings(html)
    assert headings[0] == MONDAY.isoformat() and headings == sorted(set(headings), reverse=True)


def test_the_clinicians_record_lists_each_day_newest_first_and_marks_their_note(first_week, clinician):
    url = reverse("clinic:runner_section", args=[first_week.pk, "changes"])
    html = client_for(clinician.user).get(url).content.decode()

    section = html.split('id="changes-heading"', 1)[1].split("</table>", 1)[0]
    groups = re.findall(r'<tbody class="change-day">(.*?)</tbody>', section, flags=re.S)
    days = [re.search(r'<th scope="rowgroup"[^>]*><time datetime="([\d-]+)"', g).group(1) for g in groups]
    assert days == [MONDAY.isoformat(), WEDNESDAY.isoformat()]
    monday_rows = groups[0].count("<tr")
    assert f'rowspan="{monday_rows}"' in groups[0] and monday_rows >= 1
    assert "Clinician's note</span> " + ADJUSTED in groups[1]
    assert "Clinician" not in groups[0]


def test_the_api_lists_the_changes_newest_first_and_says_so(first_week):
    client = client_for(first_week.user)

    changes = client.get("/api/v1/plan", {"date": MONDAY.isoformat()}).json()["changes"]
    recent = client.get("/api/v1/today", {"date": MONDAY.isoformat()}).json()["recent_changes"]

    assert [c["date"] for c in changes] == sorted((c["date"] for c in changes), reverse=True)
    assert changes[-1]["by_clinician"] is True and not any(c["by_clinician"] for c in changes[:-1])
    assert recent[0]["date"] == MONDAY.isoformat()
    document = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert "Newest first" in document["PlanOut"]["properties"]["changes"]["description"]
    assert "Newest first" in document["TodayOut"]["properties"]["recent_changes"]["description"]
