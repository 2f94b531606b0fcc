"""A positive safety answer in onboarding is stored before the referral page shows, a clinician
linked later sees it, and the runner's pages cope with an assessment that has no plan."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from backstride.accounts.models import Clinician
from backstride.clinic.services import link
from backstride.pages.forms import RED_FLAG_QUESTIONS
from backstride.runners.models import Assessment, Plan, Runner

from .conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

SADDLE_NUMBNESS = "numbness around the back passage, genitals or inner thighs"


def agreed(client):
    """A client whose runner has agreed to their health data being stored, the wizard's first step."""
    client.post("/onboarding/", {"step": "consent", "consent-health_data": "on"})
    return client


def safety(*yes: str) -> dict:
    return {"step": "safety"} | {f"safety-{key}": "yes" if key in yes else "no" for key, _q in RED_FLAG_QUESTIONS}


STEPS = {
    "about": {
        "about-name": "Ina",
        "about-age": "46",
        "about-sex": "female",
        "about-units": "km",
        "about-start_date": "2026-12-07",
        "about-pain_now": "3",
        "about-pain_worst": "5",
        "about-weeks_since_onset": "60",
        "about-previous_episodes": "2",
        "about-pain_below_knee": "no",
        "about-aggravated_by": ["sitting"],
    },
    "pattern": {"pattern-features": ["wakes_second_half_of_night", "buttock_pain", "better_with_movement"]},
    "startback": {f"startback-{k}": "no" for k in ("leg_pain", "neck_or_shoulder_pain", "walked_short_distances_only")}
    | {
        f"startback-{k}": "no"
        for k in ("dressed_more_slowly", "unsafe_to_be_active", "worrying_thoughts", "never_get_better")
    }
    | {"startback-not_enjoyed_things": "no", "startback-bothersomeness": "slightly"},
    "odi": {"odi-pain_intensity": "1"},
    "running": {
        "running-status": "running_pain_free",
        "running-runs_per_week": "3",
        "running-weekly_km": "25",
        "running-run_days": ["tue", "thu", "sun"],
        "running-long_run_day": "sun",
        "running-workout_days": ["thu"],
        "running-walk_30_min_comfortable": "yes",
    },
    "availability": {
        "availability-days": ["mon", "wed", "fri"],
        "availability-minutes_per_session": "30",
        "availability-sessions_per_week": "3",
        "availability-equipment": ["mat"],
    },
}


@pytest.fixture
def newcomer():
    return User.objects.create_user("ina", "ina@example.org", PASSWORD)


def test_a_positive_safety_answer_is_stored_before_the_referral_page_shows(newcomer):
    response = agreed(client_for(newcomer)).post("/onboarding/", safety("saddle_numbness"))

    page = response.content.decode()
    assert response.status_code == 200 and "emergency department today" in page
    assert "I answered by mistake: go back" in page
    runner = Runner.objects.get(user=newcomer)
    assert (runner.name, runner.age, runner.current_plan) == ("ina", None, None)
    [assessment] = Assessment.objects.filter(runner=runner)
    assert assessment.screening_status == "refer_emergency"
    assert assessment.result["screening"]["status"] == "refer_emergency"
    assert assessment.result["screening"]["reasons"] == [SADDLE_NUMBNESS]
    assert assessment.intake["partial"] is True and assessment.intake["red_flags"]["saddle_numbness"] is True
    assert not Plan.objects.exists()


def test_a_clinician_who_links_afterwards_sees_the_positive_screening_on_the_runner_record(newcomer):
    agreed(client_for(newcomer)).post("/onboarding/", safety("history_of_cancer", "unwell_without_fever"))
    runner = Runner.objects.get(user=newcomer)
    doctor = User.objects.create_user("okafor", first_name="Ada", last_name="Okafor", password=None)
    link(Clinician.objects.create(user=doctor), runner)

    response = client_for(doctor).get(reverse("clinic:runner", args=[runner.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    day = date_format(timezone.localtime(runner.assessments.get().created_at), "j F Y")
    assert "Latest positive screening" in html
    assert f"Urgent referral: see a doctor within days, on {day}." in html
    assert "a past history of cancer with new back pain" in html
    assert "feeling generally unwell, without a fever, with back pain" in html
    assert "Answered at the safety questions, before the rest of the intake." in html


def test_an_invite_that_came_with_the_sign_up_links_the_clinician_at_the_positive_answer(newcomer):
    from backstride.clinic.services import create_invite

    doctor = User.objects.create_user("okafor", password=None)
    invite = create_invite(Clinician.objects.create(user=doctor))
    client = agreed(client_for(newcomer))
    session = client.session
    session["invite_code"] = invite.code
    session.save()

    client.post("/onboarding/", safety("saddle_numbness"))

    runner = Runner.objects.get(user=newcomer)
    assert runner.care_links.get().clinician.user == doctor
    assert SADDLE_NUMBNESS in client_for(doctor).get(reverse("clinic:runner", args=[runner.pk])).content.decode()


@pytest.mark.parametrize(
    "url", ["/today/", "/plan/", "/progress/", "/settings/", "/checkin/", "/runs/new/", "/outcomes/", "/exercises/"]
)
def test_the_runner_pages_show_the_referral_to_a_runner_with_no_plan(newcomer, url):
    client = agreed(client_for(newcomer))
    client.post("/onboarding/", safety("saddle_numbness"))

    response = client.get(url)

    assert response.status_code == 200
    if url in ("/today/", "/plan/", "/progress/", "/settings/"):
        page = response.content.decode()
        assert "Please see a clinician first" in page and SADDLE_NUMBNESS in page
        assert "answer them again" in page


def test_a_runner_cannot_open_the_clinicians_clearance_page_for_themselves(newcomer):
    client = agreed(client_for(newcomer))
    client.post("/onboarding/", safety("saddle_numbness"))
    runner = Runner.objects.get(user=newcomer)

    assert client.get(reverse("clinic:clear", args=[runner.pk])).status_code == 403
    assert client.post(reverse("clinic:clear", args=[runner.pk]), {"clear-note": "fine"}).status_code == 403
    assert not runner.clearances.exists()


def test_answering_again_with_no_warning_signs_adds_an_assessment_with_a_plan_and_keeps_the_first(newcomer):
    client = agreed(client_for(newcomer))
    client.post("/onboarding/", safety("saddle_numbness"))
    assert client.post("/onboarding/", safety()).status_code == 302
    for step, data in STEPS.items():
        response = client.post("/onboarding/", {"step": step} | data)
        assert response.status_code == 302, (step, response.content.decode()[-2000:])
    assert response["Location"].endswith("/today/")

    runner = Runner.objects.get(user=newcomer)
    assert (runner.name, runner.age, runner.sex) == ("Ina", 46, "female")
    assert list(runner.assessments.values_list("screening_status", flat=True)) == ["clear", "refer_emergency"]
    assert runner.current_plan is not None and runner.current_plan.assessment == runner.assessments.first()
    intake = runner.assessments.first().intake
    assert intake["running"]["workout_days"] == ["thu"]
    assert intake["inflammatory"]["buttock_pain"] is True
    # 46 now, in pain for 60 weeks: it began at 44, before 45, with three features
    assert runner.assessments.first().result["screening"]["routine_referral"] == "inflammatory_back_pain_possible"


def test_the_onboarding_asks_the_weekly_questions_reworded_and_the_inflammatory_ones(newcomer):
    client = agreed(client_for(newcomer))
    safety_page = client.get("/onboarding/?step=safety").content.decode()
    assert "Fever or chills?" in safety_page and "Feeling generally unwell, without a fever?" in safety_page
    pattern_page = client.get("/onboarding/?step=pattern").content.decode()
    assert "How old were you when back pain like this first began?" in pattern_page
    assert 'name="pattern-features" value="psoriasis"' in pattern_page
    running_page = client.get("/onboarding/?step=running").content.decode()
    assert 'name="running-workout_days"' in running_page


def test_a_runner_paused_for_an_emergency_cannot_replace_the_program_by_onboarding_again(sam):
    from backstride.core.tracking.logs import parse_checkin
    from backstride.runners.services import checkin

    user, runner = sam
    flags = {key: key == "bladder_or_bowel_change" for key, _q in RED_FLAG_QUESTIONS}
    checkin(runner, parse_checkin({"date": "2026-12-07", "pain": 3, "red_flags": flags}))
    client = client_for(user)

    response = client.post("/onboarding/", safety())

    assert response.status_code == 302 and response["Location"].endswith("/today/")
    runner.refresh_from_db()
    assert runner.assessments.count() == 1 and runner.state["paused"]["status"] == "refer_emergency"
    page = client.get("/today/?date=2026-12-08").content.decode()
    assert "only a clinician can clear it" in page
