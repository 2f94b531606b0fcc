"""Onboarding asks for consent to store health data before any health question, chooses no sex
for the runner, and keeps the consent time with the assessment."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from backstride.pages.forms import RED_FLAG_QUESTIONS
from backstride.runners.models import Runner

from .conftest import PASSWORD, client_for
from .test_onboarding_referral import STEPS

pytestmark = pytest.mark.django_db

CONSENT = {"step": "consent", "consent-health_data": "on"}


@pytest.fixture
def client(db):
    return client_for(User.objects.create_user("ina", "ina@example.org", PASSWORD))


def safety(*yes: str) -> dict:
    return {"step": "safety"} | {f"safety-{key}": "yes" if key in yes else "no" for key, _q in RED_FLAG_QUESTIONS}


def test_the_first_step_is_a_privacy_note_with_a_consent_box_before_any_health_question(client):
    page = client.get("/onboarding/").content.decode()

    assert 'name="consent-health_data"' in page and 'type="checkbox"' in page
    assert "Who can see it: you, and the clinicians you link to your account" in page
    assert "download all of it, or delete your account" in page and "Settings" in page
    assert "safety-saddle_numbness" not in page


def test_the_safety_questions_wait_until_the_runner_has_agreed(client):
    response = client.post("/onboarding/", safety("saddle_numbness"))

    page = response.content.decode()
    assert 'name="consent-health_data"' in page and "emergency" not in page
    assert not Runner.objects.exists()


def test_going_on_without_ticking_the_consent_box_is_refused(client):
    response = client.post("/onboarding/", {"step": "consent"})

    assert response.status_code == 200 and "Tick the box to go on" in response.content.decode()


def test_no_sex_is_chosen_for_the_runner(client):
    client.post("/onboarding/", CONSENT)
    client.post("/onboarding/", safety())

    page = client.get("/onboarding/?step=about").content.decode()
    select = page.split('name="about-sex"')[1].split("</select>")[0]
    assert '<option value="" selected>' in select and select.count("selected") == 1

    response = client.post("/onboarding/", {"step": "about"} | STEPS["about"] | {"about-sex": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()


def test_the_consent_time_is_stored_with_the_assessment(client):
    before = timezone.now()
    client.post("/onboarding/", CONSENT)
    client.post("/onboarding/", safety())
    for step, data in STEPS.items():
        client.post("/onboarding/", {"step": step} | data)

    assessment = Runner.objects.get().assessments.first()
    agreed = dt.datetime.fromisoformat(assessment.intake["consent"]["health_data_at"])
    assert before <= agreed <= timezone.now()


def test_a_positive_safety_answer_keeps_the_consent_time_too(client):
    client.post("/onboarding/", CONSENT)
    client.post("/onboarding/", safety("saddle_numbness"))

    assessment = Runner.objects.get().assessments.first()
    assert assessment.intake["partial"] and assessment.intake["consent"]["health_data_at"]


def test_the_onboarding_asks_for_workout_days_and_the_inflammatory_questions(client):
    client.post("/onboarding/", CONSENT)
    client.post("/onboarding/", safety())

    pattern = client.get("/onboarding/?step=pattern").content.decode()
    running = client.get("/onboarding/?step=running").content.decode()

    assert 'name="pattern-onset_age"' in pattern and 'value="wakes_second_half_of_night"' in pattern
    assert 'name="running-workout_days"' in running
