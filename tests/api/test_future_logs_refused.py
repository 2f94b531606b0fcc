"""The API refuses a session, check-in or run dated after today, naming the field, and stores nothing."""

import datetime as dt

import pytest

from backstride.runners import models as m

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 9)
TOMORROW = "2026-12-10"
BODIES = {
    "/sessions": {"date": TOMORROW, "as_planned": True, "pain_before": 2, "pain_during": 2, "pain_after": 2},
    "/checkins": {"date": TOMORROW, "pain": 3},
    "/runs": {"date": TOMORROW, "km": 5, "minutes": 30, "pain_during": 2},
}


@pytest.mark.parametrize("path", sorted(BODIES))
def test_a_log_dated_tomorrow_is_refused_with_the_date_named_and_nothing_stored(sam_caller, log_today, path):
    log_today.day = TODAY

    response = sam_caller.post(path, BODIES[path])

    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": "date", "message": "must not be after 2026-12-09 (today)"}]
    runner = sam_caller.runner
    assert not (runner.session_logs.exists() or runner.checkins.exists() or runner.run_logs.exists())
    assert not m.Decision.objects.filter(runner=runner).exists()


@pytest.mark.parametrize("path", sorted(BODIES))
def test_a_log_dated_today_is_accepted(sam_caller, log_today, path):
    log_today.day = dt.date(2026, 12, 10)
    assert sam_caller.post(path, BODIES[path]).status_code == 201
