"""A log may be dated today at the latest: the runner's forms refuse a later day, say why and store nothing."""

import datetime as dt
import re

import pytest
from django.test import override_settings

from backstride.runners.models import CheckIn, OutcomeMeasure, RunLog, SessionLog

from .conftest import client_for

TODAY = dt.date(2026, 12, 9)  # the Wednesday of Sam's first week
TOMORROW = TODAY + dt.timedelta(days=1)
REFUSAL = "date: must not be after 2026-12-09 (today)"
SESSION = {"pain_before": "2", "pain_during": "2", "pain_after": "2", "effort": "5"}


@pytest.fixture(autouse=True)
def standing_on_wednesday(log_today):
    log_today.day = TODAY


def words(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_session_dated_tomorrow_is_refused_on_todays_page_and_nothing_is_stored(sam):
    user, runner = sam
    client = client_for(user)

    response = client.post("/today/log/", SESSION | {"date": TOMORROW.isoformat()}, follow=True)

    assert "Not saved: date must not be after 2026-12-09 (today)" in words(response.content.decode())
    assert not SessionLog.objects.filter(runner=runner).exists()


def test_a_session_dated_today_is_still_saved(sam):
    user, runner = sam
    client_for(user).post("/today/log/", SESSION | {"date": TODAY.isoformat()})
    assert list(SessionLog.objects.filter(runner=runner).values_list("date", flat=True)) == [TODAY]


def test_a_check_in_for_tomorrow_is_refused_naming_the_date(sam):
    user, runner = sam
    response = client_for(user).post(f"/checkin/?date={TOMORROW.isoformat()}", {"pain": "3"})

    assert response.status_code == 200
    assert REFUSAL in words(response.content.decode())
    assert not CheckIn.objects.filter(runner=runner).exists()


def test_a_run_dated_tomorrow_is_refused_naming_the_date(sam):
    user, runner = sam
    form = {"date": TOMORROW.isoformat(), "km": "5", "minutes": "30", "pain_during": "2"}

    response = client_for(user).post("/runs/new/", form)

    assert response.status_code == 200
    assert REFUSAL in words(response.content.decode())
    assert not RunLog.objects.filter(runner=runner).exists()


def test_an_outcome_measure_dated_tomorrow_is_refused_naming_the_date(sam):
    user, runner = sam
    form = {"measure": "psfs", "psfs_new": "Running downhill", "psfs_new_score": "3"}

    response = client_for(user).post(f"/outcomes/?date={TOMORROW.isoformat()}", form)

    assert REFUSAL in words(response.content.decode())
    assert not OutcomeMeasure.objects.filter(runner=runner).exists()


def test_today_is_the_date_in_the_servers_time_zone_not_the_machines(monkeypatch):
    from django.utils import timezone

    from backstride.runners import services

    monkeypatch.undo()  # the real clock, not the tests' one
    # 23:30 in London is already the next morning in Auckland
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 12, 9, 23, 30, tzinfo=dt.UTC))
    with override_settings(TIME_ZONE="Pacific/Auckland"):
        assert services.latest_log_day() == dt.date(2026, 12, 10)
    with override_settings(TIME_ZONE="Europe/London"):
        assert services.latest_log_day() == dt.date(2026, 12, 9)


def test_a_session_day_still_ahead_shows_its_exercises_without_a_save_button(sam):
    user, _runner = sam
    client = client_for(user)
    friday = (TODAY + dt.timedelta(days=2)).isoformat()  # Sam's next session day
    ahead = client.get(f"/today/?date={friday}").content.decode()
    assert 'id="session-form"' in ahead and "Save session" not in ahead
    assert "This day is still ahead: you can log its session on" in words(ahead)
    today = client.get(f"/today/?date={TODAY.isoformat()}").content.decode()
    assert "Save session" in today and "still ahead" not in today
