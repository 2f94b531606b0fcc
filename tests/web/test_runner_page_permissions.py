"""Every runner page, tried by every role: anonymous, the runner, another runner, a clinician."""

import pytest

from .conftest import client_for

PAGES = [
    "/today/",
    "/plan/",
    "/progress/",
    "/exercises/",
    "/exercises/bird-dog/",
    "/checkin/",
    "/runs/new/",
    "/outcomes/",
    "/settings/",
    "/history/",
]
POSTS = ["/today/log/", "/checkin/", "/runs/new/", "/outcomes/", "/settings/"]


@pytest.mark.parametrize("url", [*PAGES, "/accounts/tokens/", "/ping/", "/onboarding/"])
def test_anonymous_visitors_are_sent_to_log_in(db, url):
    response = client_for().get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("url", POSTS)
def test_anonymous_posts_change_nothing_and_ask_to_log_in(db, url):
    response = client_for().post(url, {"pain": 3})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("url", PAGES)
def test_the_runner_sees_their_own_pages(sam, url):
    user, _runner = sam
    response = client_for(user).get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_a_clinician_cannot_open_runner_pages(clinician, url):
    assert client_for(clinician).get(url).status_code == 403


@pytest.mark.parametrize("url", POSTS)
def test_a_clinician_cannot_post_to_runner_pages(clinician, url):
    assert client_for(clinician).post(url, {"pain": 3}).status_code == 403


def _pain_rows(client) -> list[str]:
    import re

    page = client.get("/progress/?date=2026-12-09").content.decode()
    table = page.split('data-table="pain_trend"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr><th scope=\"row\">(\d+)</th><td>([\d.]+)</td>", table)


def test_another_runner_sees_only_their_own_data(sam, other):
    sam_user, _sam_runner = sam
    other_user, _other_runner = other
    assert client_for(sam_user).post("/checkin/?date=2026-12-08", {"pain": 4}).status_code == 302
    assert _pain_rows(client_for(sam_user)) == [("1", "4")]
    assert _pain_rows(client_for(other_user)) == []


def test_a_signed_in_user_without_a_runner_is_sent_to_onboarding(db):
    from django.contrib.auth.models import User

    user = User.objects.create_user("new", "new@example.org", "a-long-passphrase-42")
    response = client_for(user).get("/today/")
    assert response.status_code == 302 and response["Location"].endswith("/onboarding/")


def test_onboarding_answers_in_miles_are_stored_in_kilometres():
    from backstride.pages.views.onboarding import build_intake

    answers = {
        "safety": {"saddle_numbness": False},
        "about": {
            "name": "Sam",
            "age": 34,
            "sex": "female",
            "units": "mi",
            "start_date": "2026-12-07",
            "pain_now": 3,
            "pain_worst": 5,
            "weeks_since_onset": 3,
            "previous_episodes": 0,
            "pain_below_knee": "no",
            "aggravated_by": [],
            "eased_by": [],
        },
        "startback": {"bothersomeness": "slightly"},
        "odi": {},
        "running": {
            "status": "running_pain_free",
            "runs_per_week": 3,
            "weekly_km": 20,
            "long_run_km": 8,
            "run_days": ["sun"],
            "long_run_day": "sun",
            "walk_30_min_comfortable": "yes",
            "race_name": "City Half",
            "race_date": "2027-04-11",
            "race_km": 13.1,
        },
        "availability": {"days": ["mon"], "minutes_per_session": 30, "sessions_per_week": "2", "equipment": []},
    }
    running = build_intake(answers)["running"]
    assert (running["weekly_km"], running["long_run_km"], running["goal_race"]["distance_km"]) == (32.2, 12.9, 21.1)
