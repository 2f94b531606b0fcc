"""Settings also change the running week and the number of core sessions; the plan is rebuilt around them."""

import datetime as dt
import re

import pytest

from backstride.runners.models import Plan, Runner

from .conftest import client_for

pytestmark = pytest.mark.django_db

BASE = {"units": "km", "days": ["mon", "wed", "fri", "sat"], "minutes_per_session": "30", "equipment": ["mat"]}


def test_the_settings_page_shows_the_running_week_as_it_stands(sam):
    user, _runner = sam
    html = client_for(user).get("/settings/").content.decode()
    checked = set(re.findall(r'<input type="checkbox" name="run_days" value="(\w+)"[^>]*checked', html))
    assert checked == {"tue", "thu", "sun"}
    assert '<option value="sun" selected>' in html


def test_new_run_days_a_long_run_and_two_sessions_a_week_rebuild_the_plan(sam):
    user, runner = sam
    form = BASE | {
        "run_days": ["tue", "thu", "sat"],
        "long_run_day": "sat",
        "workout_days": ["tue"],
        "sessions_per_week": "2",
    }
    response = client_for(user).post("/settings/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    runner = Runner.objects.get(pk=runner.pk)
    intake = runner.assessments.first().intake
    assert intake["running"]["run_days"] == ["tue", "thu", "sat"] and intake["running"]["long_run_day"] == "sat"
    assert intake["running"]["workout_days"] == ["tue"] and intake["availability"]["sessions_per_week"] == 2
    week = runner.current_plan.data["weeks"][2]
    core = [s for s in week["sessions"] if s["kind"] == "trunk_strength"]
    assert len(core) == 2
    # no hard core session the day before the long run (Saturday) or the workout (Tuesday)
    hard_days = {dt.date.fromisoformat(s["date"]).weekday() for s in week["sessions"] if s.get("hard")}
    assert not hard_days & {4, 0}  # Friday, Monday


def test_a_long_run_on_a_day_without_a_run_is_refused_and_nothing_changes(sam):
    user, runner = sam
    response = client_for(user).post("/settings/", BASE | {"run_days": ["tue", "thu"], "long_run_day": "sun"})
    assert response.status_code == 200 and "Choose one of the days you run, or none." in response.content.decode()
    assert Plan.objects.filter(runner=runner).count() == 1
