"""Input no honest form sends: far-off dates, odd numbers, foreign redirects, the NUL character.

Each gets a clear answer and stores nothing; none gets a server error, and a real server error is logged.
"""

import datetime as dt
import time

import pytest
from django.test import Client

from backstride.core.tracking.adapt import REPLAY_HORIZON_DAYS, Replay
from backstride.runners.models import CheckIn, OutcomeMeasure, RunLog, SessionLog
from backstride.runners.program import history_for, program_for

from .conftest import PASSWORD, client_for
from .test_runner_forms import text_of

START = dt.date(2026, 12, 7)  # Sam's first day, a Monday
SESSION = {"date": "2026-12-08", "pain_before": "2", "pain_during": "2", "pain_after": "2", "effort": "5"}
RUN = {"date": "2026-12-08", "km": "5", "minutes": "30", "pain_during": "2"}


def nothing_stored(runner) -> bool:
    return not any(
        model.objects.filter(runner=runner).exists() for model in (SessionLog, RunLog, CheckIn, OutcomeMeasure)
    )


# -- far-off dates ------------------------------------------------------------------------------------


def test_a_far_off_date_on_today_answers_at_once_with_today_and_a_warning(sam):
    user, _runner = sam
    client = client_for(user)

    began = time.perf_counter()
    response = client.get("/today/?date=9999-12-31")
    elapsed = time.perf_counter() - began

    assert elapsed < 2 and response.status_code == 200
    assert "Choose a date from 2026-11-09 to" in text_of(response)
    assert "Showing today instead." in text_of(response)


@pytest.mark.parametrize("path", ["/plan/", "/progress/", "/checkin/", "/runs/new/", "/outcomes/", "/learn/"])
def test_every_runner_page_answers_a_far_off_date_at_once_without_a_server_error(sam, path):
    user, _runner = sam
    client = client_for(user)
    client.get(path)  # the first drawing of a page takes its own time, whatever the date
    began = time.perf_counter()
    response = client.get(f"{path}?date=9999-12-31")
    assert time.perf_counter() - began < 2 and response.status_code == 200


def test_a_date_that_is_not_a_date_falls_back_to_today_and_says_how_to_write_one(sam):
    user, _runner = sam
    response = client_for(user).get("/today/?date=soon")
    assert response.status_code == 200 and "The date must be written YYYY-MM-DD." in text_of(response)


def test_a_run_dated_far_off_is_refused_with_the_allowed_range_and_nothing_is_stored(sam):
    user, runner = sam
    response = client_for(user).post("/runs/new/", RUN | {"date": "2099-12-31"})
    assert response.status_code == 200
    assert "Choose a date from 2026-11-09 to" in text_of(response)
    assert nothing_stored(runner)


def test_a_run_dated_long_before_the_plan_is_refused_and_nothing_is_stored(sam):
    user, runner = sam
    response = client_for(user).post("/runs/new/", RUN | {"date": "2001-01-01"})
    assert response.status_code == 200 and "Choose a date from" in text_of(response)
    assert nothing_stored(runner)


def test_a_session_dated_far_off_is_refused_with_the_allowed_range_and_nothing_is_stored(sam):
    user, runner = sam
    response = client_for(user).post("/today/log/", SESSION | {"date": "9999-12-31"}, follow=True)
    assert response.status_code == 200
    assert "Not saved: Choose a date from 2026-11-09 to" in text_of(response)
    assert nothing_stored(runner)


def test_a_check_in_posted_for_a_far_off_date_is_refused_and_nothing_is_stored(sam):
    user, runner = sam
    response = client_for(user).post("/checkin/?date=9999-12-31", {"pain": "2"})
    assert response.status_code == 200 and "Choose a date from 2026-11-09 to" in text_of(response)
    assert nothing_stored(runner)


def test_an_outcome_posted_for_a_far_off_date_is_refused_and_nothing_is_stored(sam):
    user, runner = sam
    response = client_for(user).post("/outcomes/?date=9999-12-31", {"measure": "psfs", "psfs_0": "5"})
    assert response.status_code == 200 and "Choose a date from 2026-11-09 to" in text_of(response)
    assert nothing_stored(runner)


def test_the_replay_refuses_a_day_past_its_horizon(sam):
    _user, runner = sam
    plan = runner.current_plan
    replay = Replay(program_for(plan), history_for(runner, plan))
    with pytest.raises(ValueError, match="after the plan's start"):
        replay.run(plan.start_date + dt.timedelta(days=REPLAY_HORIZON_DAYS + 1))


def test_the_api_answers_a_day_past_the_replay_horizon_with_a_clear_error_naming_the_date(sam):
    user, _runner = sam
    response = client_for(user).get("/api/v1/today", {"date": "2099-12-31"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "date"
    assert "must be no later than 2036-12-14" in response.json()["detail"][0]["message"]


# -- odd numbers, the NUL character ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"count": "abc"}, "The list of exercises did not come through"),
        ({"count": "1000000000"}, "The list of exercises did not come through"),
        ({"count": "1", "slug_0": "dead-bug", "sets_0": "²"}, "Exercise 1: sets must be a whole number (got ²)."),
        ({"count": "1", "slug_0": "dead-bug", "held_0": "1" * 5000}, "Exercise 1: seconds held must be a whole"),
        ({"pain_during": "²"}, "Worst pain during must be a whole number (got ²)."),
        ({"effort": "five"}, "Effort must be a whole number (got five)."),
        ({"date": "yesterday"}, "The date must be written YYYY-MM-DD."),
        ({"note": "fine\x00"}, "The form must not contain the NUL character."),
    ],
)
def test_an_odd_session_form_is_refused_with_a_message_and_nothing_is_stored(sam, changes, message):
    user, runner = sam
    response = client_for(user).post("/today/log/", SESSION | changes, follow=True)
    assert response.status_code == 200
    assert message in text_of(response)
    assert nothing_stored(runner)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"km": "²"}, "Enter a number."),
        ({"pain_during": "²"}, "Enter a whole number."),
        ({"minutes": "1e999"}, "Enter a number."),
    ],
)
def test_an_odd_number_in_the_run_form_is_refused_with_a_message_and_nothing_is_stored(sam, changes, message):
    user, runner = sam
    response = client_for(user).post("/runs/new/", RUN | changes)
    assert response.status_code == 200 and message in text_of(response)
    assert nothing_stored(runner)


def test_an_odd_number_in_the_check_in_is_refused_with_a_message_and_nothing_is_stored(sam):
    user, runner = sam
    response = client_for(user).post("/checkin/?date=2026-12-08", {"pain": "²"})
    assert response.status_code == 200 and "Enter a whole number." in text_of(response)
    assert nothing_stored(runner)


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"psfs_new": "Hills", "psfs_new_score": "²"}, "Hills: must be a whole number from 0 to 10 (got ²)"),
        ({"psfs_new": "Hills\x00", "psfs_new_score": "4"}, "The form must not contain the NUL character."),
    ],
)
def test_an_odd_activity_rating_is_refused_with_a_message_and_nothing_is_stored(sam, form, message):
    user, runner = sam
    response = client_for(user).post("/outcomes/?date=2026-12-08", {"measure": "psfs"} | form)
    assert response.status_code == 200 and message in text_of(response)
    assert nothing_stored(runner)


# -- where a form sends the browser next -------------------------------------------------------------


def test_logging_in_with_a_next_page_on_another_site_lands_on_a_local_page(sam):
    response = Client(HTTP_HOST="127.0.0.1").post(
        "/accounts/login/?next=https://evil.example/",
        {"username": "sam", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/") and not response["Location"].startswith("//")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "not a url at all \x01"])
def test_a_refused_session_never_sends_the_browser_to_another_site(sam, target):
    user, runner = sam
    response = client_for(user).post("/today/log/", SESSION | {"count": "abc", "next": target})
    assert response.status_code == 302 and response["Location"] == "/today/"
    assert nothing_stored(runner)


def test_a_refused_session_may_send_the_browser_back_to_a_page_of_this_site(sam):
    user, _runner = sam
    response = client_for(user).post("/today/log/", SESSION | {"count": "abc", "next": "/plan/"})
    assert response.status_code == 302 and response["Location"] == "/plan/"


# -- server errors are logged -----------------------------------------------------------------------


def test_a_server_error_is_logged_with_its_traceback(sam, monkeypatch):
    import logging

    from backstride.pages.views import overview

    def broken(*args, **kwargs):
        raise RuntimeError("the progress report broke")

    monkeypatch.setattr(overview, "progress_view", broken)
    user, _runner = sam
    client = client_for(user, raise_request_exception=False)
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.ERROR)
    handler.emit = records.append
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/progress/")
    finally:
        logger.removeHandler(handler)

    assert response.status_code == 500
    assert [r.levelname for r in records] == ["ERROR"]
    assert records[0].exc_info and "the progress report broke" in str(records[0].exc_info[1])


def test_server_errors_go_to_standard_error_in_every_environment():
    from django.conf import settings

    config = settings.LOGGING["loggers"]["django.request"]
    assert config["level"] == "ERROR" and not config["propagate"]
    stderr = settings.LOGGING["handlers"][config["handlers"][0]]
    assert stderr["stream"] == "ext://sys.stderr" and "filters" not in stderr
