"""The load chart and its table on the runner's progress page and on the clinician's record: the same numbers."""

import datetime as dt
import html as htmllib
import re

import pytest
from django.urls import reverse

from backstride.accounts.models import Clinician
from backstride.clinic.services import link
from backstride.runners.models import RunLog
from backstride.runners.services import recompute

from .conftest import client_for

pytestmark = pytest.mark.django_db

START = dt.date(2026, 12, 7)  # Sam's first day
LAST = START + dt.timedelta(days=20)  # the Sunday of week 3


def ran(runner, n: int, km: float, minutes: float, effort: int | None) -> None:
    """A run as a recorded run would arrive: with or without the runner's effort (session RPE)."""
    RunLog.objects.create(
        runner=runner, date=START + dt.timedelta(days=n), km=km, minutes=minutes, pain_during=1, effort=effort
    )
    recompute(runner, START + dt.timedelta(days=n))


@pytest.fixture
def three_weeks(sam):
    """10 km in weeks 1 and 2, then 14 km in week 3 (40 % up over two weeks); one run not rated for effort."""
    user, runner = sam
    for n, km, minutes, effort in [(1, 5, 30, 4), (3, 5, 30, 4), (8, 10, 60, 5), (15, 7, 42, 5), (17, 7, 42, None)]:
        ran(runner, n, km, minutes, effort)
    return user, runner


def load_table(page: str) -> list[dict]:
    table = page.split('data-table="load"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr([^>]*)><th scope="row">(\d+)</th>(.*?)</tr>', table)
    out = []
    for attributes, week, cells in rows:
        flagged = "more than 30 % up over two weeks" in cells and "flagged" in attributes
        cells = [re.sub(r"<[^>]+>.*?</span>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", cells)]
        row = {"week": int(week), "distance": cells[0], "cap": cells[1], "load": int(cells[6]), "cells": cells}
        out.append(row | {"flagged": flagged})
    return out


def chart_alt(page: str) -> str:
    found = re.search(r'<img class="chart" data-chart="load" [^>]*alt="([^"]*)"', page)
    assert found, "no load chart"
    return htmllib.unescape(found.group(1))


def same_numbers(page: str) -> list[dict]:
    """The table's distance, cap and load for each week, each also in the chart's text alternative."""
    rows = load_table(page)
    alt = chart_alt(page)
    for row in rows:
        said = f"week {row['week']}: {row['distance']} (cap {row['cap']})"
        assert said in alt, (said, alt)
        part = alt.split(said, 1)[1].split(";", 1)[0]
        assert f"load {row['load']}" in part
    return rows


def test_the_progress_page_shows_the_load_chart_and_a_table_with_the_same_numbers(three_weeks):
    user, _runner = three_weeks
    page = client_for(user).get(f"/progress/?date={LAST.isoformat()}").content.decode()

    rows = same_numbers(page)
    assert [(r["week"], r["distance"], r["load"]) for r in rows] == [
        (1, "10.0 km", 240),
        (2, "10.0 km", 300),
        (3, "14.0 km", 210),
    ]
    # week 3 is 40 % up on week 1, by distance and by time, and flagged in the table and in the chart's text
    assert [r["cells"][4:6] for r in rows] == [["–", "–"], ["–", "–"], ["40 %", "40 %"]]
    assert [r["flagged"] for r in rows] == [False, False, True]
    assert (
        "week 3: 14.0 km" in chart_alt(page)
        and "more than 30 % up over two weeks" in chart_alt(page).split("week 3")[1]
    )
    assert rows[2]["cells"][7] == "1"  # the unrated run, counted rather than guessed


def test_the_acwr_is_advice_that_names_its_variant_and_its_criticism_and_waits_for_28_days(three_weeks):
    user, _runner = three_weeks
    text = re.sub(r"\s+", " ", client_for(user).get(f"/progress/?date={LAST.isoformat()}").content.decode())
    assert "needs 28 days of history: it is shown from 3 January 2027" in text
    assert "criticised as a statistical artefact (Lolli 2019; Impellizzeri 2021)" in text
    later = START + dt.timedelta(days=27)
    text = re.sub(r"\s+", " ", client_for(user).get(f"/progress/?date={later.isoformat()}").content.decode())
    assert "Acute:chronic workload ratio (rolling averages, coupled:" in text


def test_the_clinicians_record_shows_the_same_chart_and_table(three_weeks, clinician, monkeypatch):
    user, runner = three_weeks
    link(Clinician.objects.get(user=clinician), runner)
    monkeypatch.setattr("backstride.clinic.services.today", lambda: LAST)
    logs = reverse("clinic:runner_section", args=[runner.pk, "logs"])  # the record's charts are with its logs
    record = client_for(clinician).get(logs).content.decode()
    progress = client_for(user).get(f"/progress/?date={LAST.isoformat()}").content.decode()

    assert load_table(record) == load_table(progress)
    assert chart_alt(record) == chart_alt(progress)
    same_numbers(record)


def test_the_api_schema_carries_the_load_as_the_pages_show_it(three_weeks):
    from backstride.api.schemas.progress import ProgressOut
    from backstride.runners.reports import progress_view

    _user, runner = three_weeks
    later = START + dt.timedelta(days=27)  # the first day with an ACWR
    view = progress_view(runner, later)
    shown = ProgressOut.model_validate(view).model_dump(by_alias=True, mode="json", exclude_unset=True)
    assert shown["load"]["weeks"] == view["load"]["weeks"]
    assert shown["load"]["acwr"]["variant"] == "rolling_averages_coupled"
    assert shown["load"]["acwr"]["latest"]["date"] == later.isoformat()
    assert [w["two_week_flag"] for w in shown["running"] if "two_week_flag" in w] == [True, False]
