"""The runner's forms posted as a browser would, and what each page says: what was stored, what was rebuilt."""

import datetime as dt
import re

import pytest

from backstride.core.calendar import DAYS
from backstride.core.library import load_library
from backstride.runners.models import OutcomeMeasure, Plan, RunLog, Runner, SessionLog

from .conftest import client_for

START = dt.date(2026, 12, 7)  # Sam's first day, a Monday


def text_of_html(html: str) -> str:
    """The page's words, tags removed and spaces collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def text_of(response) -> str:
    return text_of_html(response.content.decode())


def planned_sessions(runner):
    return runner.current_plan.sessions.order_by("date")


# -- the run log ----------------------------------------------------------------------------------


def test_a_valid_run_is_stored_as_entered_and_the_runner_is_sent_back_to_today(sam):
    user, runner = sam
    client = client_for(user)
    form = {"date": "2026-12-08", "km": "5.2", "minutes": "33", "pain_during": "2", "pain_after": "1"}

    response = client.post("/runs/new/", form)

    assert response.status_code == 302 and response["Location"] == "/today/"
    run = RunLog.objects.get(runner=runner)
    assert (run.date, run.km, run.minutes, run.pain_during, run.pain_after) == (
        START + dt.timedelta(days=1),
        5.2,
        33,
        2,
        1,
    )
    assert "Run saved." in text_of(client.get("/today/?date=2026-12-08"))


def test_a_run_with_pain_out_of_range_stores_nothing_and_says_why(sam):
    user, runner = sam
    response = client_for(user).post(
        "/runs/new/", {"date": "2026-12-08", "km": "5", "minutes": "30", "pain_during": "11"}
    )
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 10." in text_of(response)
    assert not RunLog.objects.filter(runner=runner).exists()


# -- outcome measures -----------------------------------------------------------------------------

ODI = {
    "pain_intensity": 2,
    "personal_care": 1,
    "lifting": 3,
    "walking": 0,
    "sitting": 2,
    "standing": 1,
    "sleeping": 1,
    "sex_life": 0,
    "social_life": 1,
    "travelling": 1,
}  # 12 points of 50: 24 %


def test_the_oswestry_form_stores_the_answers_and_the_score(sam):
    user, runner = sam
    client = client_for(user)
    form = {"measure": "odi"} | {f"odi-{k}": str(v) for k, v in ODI.items()}

    response = client.post("/outcomes/?date=2026-12-07", form)

    assert response.status_code == 302 and response["Location"] == "/progress/"
    measure = OutcomeMeasure.objects.get(runner=runner, kind="odi")
    assert measure.date == START and measure.value == 24
    assert {k: measure.data[k] for k in ODI} == ODI
    # Sam's intake answered 9 sections for 10 points of 45: 22 %
    progress = text_of(client.get("/progress/?date=2026-12-07"))
    assert "Oswestry saved: 24 % (moderate)." in progress
    assert "Oswestry: 22 % at the start, 24" in progress


def test_the_progress_page_gives_the_oswestry_change_in_whole_percent(sam):
    user, _runner = sam
    client = client_for(user)
    client.post("/outcomes/?date=2026-12-07", {"measure": "odi"} | {f"odi-{k}": str(v) for k, v in ODI.items()})
    assert "Oswestry: 22 % at the start, 24 % now." in text_of(client.get("/progress/?date=2026-12-07"))


def test_the_oswestry_form_refuses_fewer_than_eight_answers_and_stores_nothing(sam):
    user, runner = sam
    form = {"measure": "odi", "odi-pain_intensity": "2", "odi-lifting": "1"}
    response = client_for(user).post("/outcomes/?date=2026-12-07", form)
    assert response.status_code == 200
    assert "please answer at least eight of the ten areas" in text_of(response)
    assert not OutcomeMeasure.objects.filter(runner=runner).exists()


def test_the_endurance_form_stores_each_hold_and_shows_the_balance(sam):
    user, runner = sam
    client = client_for(user)
    holds = {"flexor_seconds": 60.0, "extensor_seconds": 90.0, "side_right_seconds": 45.0, "side_left_seconds": 40.0}
    form = {"measure": "endurance", "end-variant": "home"} | {f"end-{k}": str(v) for k, v in holds.items()}

    response = client.post("/outcomes/?date=2026-12-07", form)

    assert response.status_code == 302 and response["Location"] == "/progress/"
    measure = OutcomeMeasure.objects.get(runner=runner, kind="endurance")
    assert measure.date == START and measure.value is None
    assert measure.data == holds | {"variant": "home"}
    progress = client.get("/progress/?date=2026-12-07").content.decode()
    assert "Endurance tests saved (right/left 1.12" in progress
    assert "2026-12-07: front 60 s, back 90 s, right side 45 s, left side 40 s" in progress


def test_the_activities_form_stores_a_new_activity_then_re_rates_it(sam):
    user, runner = sam
    client = client_for(user)

    client.post(
        "/outcomes/?date=2026-12-07", {"measure": "psfs", "psfs_new": "Running downhill", "psfs_new_score": "3"}
    )
    # the activity is now on the form, to re-rate, beside a new one
    assert "Running downhill" in text_of(client.get("/outcomes/"))
    form = {"measure": "psfs", "psfs_0": "5", "psfs_new": "Sitting for an hour", "psfs_new_score": "4"}
    response = client.post("/outcomes/?date=2026-12-21", form)

    assert response.status_code == 302 and response["Location"] == "/progress/"
    first, second = OutcomeMeasure.objects.filter(runner=runner, kind="psfs").order_by("date")
    assert (first.date, first.value, first.data) == (START, 3.0, {"Running downhill": 3})
    assert (second.date, second.value) == (START + dt.timedelta(days=14), 4.5)
    assert second.data == {"Running downhill": 5, "Sitting for an hour": 4}


# -- settings: a change re-plans the weeks ahead --------------------------------------------------


def test_the_settings_page_shows_the_current_days_minutes_and_equipment(sam):
    user, _runner = sam
    html = client_for(user).get("/settings/").content.decode()
    checked = set(re.findall(r'<input type="checkbox" name="days" value="(\w+)"[^>]*checked', html))
    assert checked == {"mon", "wed", "fri", "sat"}
    assert set(re.findall(r'<input type="checkbox" name="equipment" value="(\w+)"[^>]*checked', html)) == {
        "mat",
        "wall",
        "band",
    }
    assert re.search(r'name="minutes_per_session" value="30"', html)
    assert "Changing your days, minutes or equipment rebuilds the plan for the weeks ahead." in text_of_html(html)


def test_new_days_minutes_and_equipment_rebuild_the_plan_and_keep_what_was_logged(sam):
    user, runner = sam
    client = client_for(user)
    old_plan = runner.current_plan
    assert {DAYS[s.date.weekday()] for s in planned_sessions(runner)} == {"mon", "wed", "fri"}
    client.post(
        "/today/log/",
        {"date": "2026-12-07", "pain_before": "2", "pain_during": "2", "pain_after": "2", "effort": "5"},
    )
    assert SessionLog.objects.filter(runner=runner).count() == 1

    form = {"units": "km", "days": ["tue", "thu", "sat"], "minutes_per_session": "20", "equipment": ["mat"]}
    response = client.post("/settings/", form)

    assert response.status_code == 302 and response["Location"] == "/plan/"
    runner = Runner.objects.get(pk=runner.pk)
    new_plan = runner.current_plan
    assert new_plan.pk != old_plan.pk
    # the old plan stays stored, no longer active; what was logged stays too
    old_plan.refresh_from_db()
    assert not old_plan.active and Plan.objects.filter(runner=runner).count() == 2
    assert SessionLog.objects.filter(runner=runner).count() == 1
    intake = runner.assessments.first().intake
    assert intake["availability"]["days"] == ["tue", "thu", "sat"]
    assert intake["availability"]["minutes_per_session"] == 20 and intake["equipment"] == ["mat"]
    # every week ahead is planned on the new days, within the new minutes, with a mat only
    sessions = list(planned_sessions(runner))
    assert {s.week for s in sessions} == set(range(1, 9))
    assert {DAYS[s.date.weekday()] for s in sessions} <= {"tue", "thu", "sat"}
    assert all(s.minutes <= 20 for s in sessions)
    library = load_library()
    for session in sessions:
        for exercise in session.exercises.all():
            assert library[exercise.slug].needs <= {"mat"}, exercise.slug
    plan_page = text_of(client.get("/plan/?date=2026-12-07"))
    assert "Saved. Your plan has been rebuilt for the weeks ahead." in plan_page
    assert re.search(r"Tue 8 Dec (Core|Light) session", plan_page)
    assert not re.search(r"Mon 7 Dec (Core|Light) session", plan_page)


def test_settings_without_a_day_change_nothing(sam):
    user, runner = sam
    old_plan = runner.current_plan
    form = {"units": "km", "minutes_per_session": "20", "equipment": ["mat"]}
    response = client_for(user).post("/settings/", form)
    assert response.status_code == 200
    assert "This field is required." in text_of(response)
    assert Runner.objects.get(pk=runner.pk).current_plan.pk == old_plan.pk
    assert Plan.objects.filter(runner=runner).count() == 1


# -- what the pages say ---------------------------------------------------------------------------


def test_today_before_the_program_starts_says_when_week_1_begins_not_week_0(sam):
    user, _runner = sam
    page = text_of(client_for(user).get("/today/?date=2026-12-02"))
    assert "Today · before week 1" in page and "your program starts on Monday 7 December" in page
    assert "week 0" not in page


def test_today_shows_the_days_session_with_every_planned_exercise_and_the_running_week(sam):
    user, runner = sam
    session = planned_sessions(runner).get(date=START)
    library = load_library()

    page = text_of(client_for(user).get("/today/?date=2026-12-07"))

    assert "Today · week 1" in page
    assert f"Today's session · about {session.minutes} minutes" in page
    for exercise in session.exercises.all():
        assert library[exercise.slug].name in page, exercise.slug
    assert "Morning check-in" in page
    cap = runner.current_plan.data["weeks"][0]["running"]["weekly_km_cap"]
    assert f"up to {cap:.1f} km this week" in page.lower()
    assert "Pain during a run up to 2/10 is safe" in page


def test_today_on_a_rest_day_says_there_is_no_session(sam):
    user, runner = sam
    day = next(
        START + dt.timedelta(days=n)
        for n in range(7)
        if not planned_sessions(runner).filter(date=START + dt.timedelta(days=n)).exists()
    )
    page = text_of(client_for(user).get(f"/today/?date={day.isoformat()}"))
    assert "No trunk session today" in page and "Today's session" not in page


def test_the_plan_page_shows_eight_weeks_with_each_session_on_its_day(sam):
    user, runner = sam
    page = text_of(client_for(user).get("/plan/?date=2026-12-07"))
    assert "Your 8-week plan" in page and "7 December 2026 – 31 January 2027" in page
    for number in range(1, 9):
        assert f"Week {number}:" in page
    assert "Week 1: Settle and activate" in page
    for session in planned_sessions(runner).filter(week=1):
        label = "Light session" if session.kind == "light" else "Core session"
        day = f"{session.date:%a} {session.date.day} {session.date:%b}"
        assert f"{day} {label} · {session.minutes} min" in page
    assert "From week 9" in page


def test_the_progress_page_shows_the_mornings_and_sessions_logged(sam):
    user, runner = sam
    client = client_for(user)
    client.post("/checkin/?date=2026-12-07", {"pain": "4"})
    client.post("/checkin/?date=2026-12-08", {"pain": "3"})
    client.post(
        "/today/log/",
        {"date": "2026-12-07", "pain_before": "2", "pain_during": "2", "pain_after": "2", "effort": "5"},
    )
    planned = planned_sessions(runner).filter(week=1, kind="trunk_strength").count()

    html = client.get("/progress/?date=2026-12-08").content.decode()

    pain_table = html.split('data-table="pain_trend"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r'<tr><th scope="row">(\d+)</th><td>([\d.]+)</td><td>(\d+)</td>', pain_table) == [
        ("1", "3.5", "2")
    ]
    weeks_table = html.split('data-table="weeks"', 1)[1].split("</table>", 1)[0]
    assert f'<tr><th scope="row">1</th><td>1/{planned}</td>' in weeks_table
    assert "Weekly morning pain: week 1: 3.5" in html
    assert "1 week in a row with a core session." in text_of_html(html)


@pytest.mark.parametrize("url", ["/today/", "/plan/", "/progress/", "/settings/", "/runs/new/", "/outcomes/"])
def test_each_runner_page_names_itself_in_its_title(sam, url):
    titles = {
        "/today/": "Today",
        "/plan/": "Your plan",
        "/progress/": "Progress",
        "/settings/": "Settings",
        "/runs/new/": "Log a run",
        "/outcomes/": "Questionnaires and tests",
    }
    user, _runner = sam
    html = client_for(user).get(f"{url}?date=2026-12-07").content.decode()
    assert f"<title>{titles[url]} · backstride</title>" in html


def test_a_settings_change_leaves_the_weeks_already_behind_as_they_were(db):
    from django.utils import timezone

    from .conftest import make_runner

    today = timezone.localdate()
    start = today - dt.timedelta(days=14 + today.weekday())  # a Monday, two weeks and a bit ago
    user, runner = make_runner("lee", start_date=start.isoformat())
    behind = [(s.date, s.kind) for s in planned_sessions(runner).filter(date__lt=today)]
    assert behind

    form = {"units": "km", "days": ["tue", "thu", "sat"], "minutes_per_session": "20", "equipment": ["mat"]}
    assert client_for(user).post("/settings/", form).status_code == 302

    runner = Runner.objects.get(pk=runner.pk)
    assert [(s.date, s.kind) for s in planned_sessions(runner).filter(date__lt=today)] == behind
    ahead = planned_sessions(runner).filter(date__gte=today)
    assert ahead and {DAYS[s.date.weekday()] for s in ahead} <= {"tue", "thu", "sat"}


def test_todays_cached_page_carries_the_visitors_own_token_in_every_form_and_htmx_header(sam):
    user, _runner = sam
    client = client_for(user, enforce_csrf_checks=True)
    client.get("/today/", {"date": "2026-12-07"})  # fills the cache
    html = client.get("/today/", {"date": "2026-12-07"}).content.decode()
    assert "csrf--" not in html  # no placeholder left, escaped or not
    values = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    header = re.search(r'hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', html).group(1)
    assert len(values) == 1 and header in values
    # the log-out form works from today's page, with the token the page gave
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": header})
    assert response.status_code == 302
    assert client.get("/today/").status_code == 302  # signed out: sent to log in
