"""During a pause no page lists sessions from the pause on, and the clinician sees why it paused;
after week 8 the runner's today and plan pages and the clinician's record agree on the weekly session."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from backstride.accounts.models import Clinician
from backstride.clinic.services import link

from .conftest import client_for, make_runner

pytestmark = pytest.mark.django_db

START = dt.date(2026, 12, 7)  # Sam's first day, a Monday; maintenance is on Mondays from 1 February 2027
PAUSED_ON = START + dt.timedelta(days=2)
MAINTENANCE_MONDAY = dt.date(2027, 2, 8)  # week 10, after a week 9 with no core session


@pytest.fixture
def sam(db):
    return make_runner("sam")


@pytest.fixture
def in_maintenance(monkeypatch):
    """The runner's today moved to the Friday before the maintenance Monday, so pages may show that week."""
    monkeypatch.setattr("backstride.pages.views.util.today", lambda: MAINTENANCE_MONDAY - dt.timedelta(days=3))


def red_flag_checkin(runner, day: dt.date, flag: str = "history_of_cancer"):
    from backstride.core.tracking.logs import parse_checkin
    from backstride.runners.services import checkin

    flags = {k: k == flag for k in runner.assessments.first().intake["red_flags"] if k != "walking_changed"}
    return checkin(runner, parse_checkin({"date": day.isoformat(), "pain": 3, "red_flags": flags}))


def clinician_page(clinician, runner, day: dt.date, monkeypatch) -> str:
    monkeypatch.setattr("backstride.clinic.services.today", lambda: day)
    link(Clinician.objects.get(user=clinician), runner)
    return client_for(clinician).get(reverse("clinic:runner", args=[runner.pk])).content.decode()


def plan_days(page: str) -> dict[str, str]:
    """Each day of the plan page's calendar: its date and its markup."""
    return dict(re.findall(r'<li class="day[^"]*" data-date="([\d-]+)">(.*?)</li>\n', page, re.S))


def test_a_paused_runners_plan_page_lists_no_sessions_or_runs_from_the_pause_on(sam):
    user, runner = sam
    red_flag_checkin(runner, PAUSED_ON)

    page = client_for(user).get(f"/plan/?date={PAUSED_ON + dt.timedelta(days=1)}").content.decode()

    days = plan_days(page)
    assert 'class="session' in days[START.isoformat()]  # before the pause the plan stays as it was
    later = [markup for day, markup in days.items() if day >= PAUSED_ON.isoformat()]
    assert later and not any('class="session' in m or 'class="run"' in m for m in later)
    assert "data-maintenance" not in page


def test_a_paused_runners_today_page_shows_no_session(sam):
    user, runner = sam
    red_flag_checkin(runner, PAUSED_ON)

    page = client_for(user).get(f"/today/?date={START + dt.timedelta(days=4)}").content.decode()

    assert "Program paused" in page and 'id="session-form"' not in page


def test_the_clinicians_record_of_a_paused_runner_says_which_warning_sign_and_why(sam, clinician, monkeypatch):
    _user, runner = sam
    red_flag_checkin(runner, PAUSED_ON)

    page = clinician_page(clinician, runner, PAUSED_ON + dt.timedelta(days=1), monkeypatch)

    paused = page.split("The program is paused")[1].split("</div>")[0]
    assert "cancer" in paused.lower()  # the warning sign answered yes
    assert "Paused after a yes to a warning-sign question at a check-in." in paused
    upcoming = page.split('id="upcoming-heading"')[1].split("</section>")[0]
    assert "None while the program is paused" in upcoming and "<h3>" not in upcoming


def test_todays_page_does_not_nudge_about_the_missed_week_above_mondays_own_session(sam, in_maintenance):
    user, _runner = sam

    page = client_for(user).get(f"/today/?date={MAINTENANCE_MONDAY}").content.decode()

    assert 'id="session-form"' in page and "Your weekly core session" in page
    # "What changed and why" keeps the record; only the banner above the session goes
    assert '<li class="notice">No core session in week 9' not in page


def test_the_missed_week_nudge_shows_on_the_days_after_until_the_next_session(sam, in_maintenance):
    user, _runner = sam

    page = client_for(user).get(f"/today/?date={MAINTENANCE_MONDAY + dt.timedelta(days=1)}").content.decode()

    assert '<li class="notice">No core session in week 9' in page


def test_the_plan_page_lists_the_weekly_maintenance_sessions_after_week_8(sam):
    user, _runner = sam

    page = client_for(user).get(f"/plan/?date={START}").content.decode()

    maintenance = page.split("data-maintenance>")[1].split("</ol>")[0]
    dates = re.findall(r'data-maintenance-date="([\d-]+)"', maintenance)
    assert dates == ["2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"]
    assert "Weekly core session" in maintenance and 'class="dose"' in maintenance
    assert f'href="/today/?date={dates[0]}"' in maintenance


def test_the_clinicians_next_seven_days_show_the_weekly_session_in_maintenance(sam, clinician, monkeypatch):
    _user, runner = sam

    page = clinician_page(clinician, runner, MAINTENANCE_MONDAY - dt.timedelta(days=3), monkeypatch)

    upcoming = page.split('id="upcoming-heading"')[1].split("</section>")[0]
    assert "No sessions in the next 7 days" not in upcoming
    assert "Monday 8 February: Weekly core session" in upcoming
