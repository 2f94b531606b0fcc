"""A week's running reads the same on Today, the plan page, the command line and the API (issue 11, item 2)."""

import datetime as dt
import html
import json
import re

import pytest

from backstride.cli.main import main
from backstride.core.tracking.logs import RunInput
from backstride.runners import services
from tests.api.conftest import Caller
from tests.web.conftest import client_for, make_runner

pytestmark = pytest.mark.django_db(transaction=True)

PAINFUL_RUN_DAY = dt.date(2026, 12, 8)  # week 1 of Sam's plan, which starts on Monday 7 December
WEEK_TWO_DAY = dt.date(2026, 12, 16)
HELD = "Reduced running: up to 12.0 km this week, all easy, flat routes, no speed work."


@pytest.fixture
def held_back(db):
    """Sam ran with 6/10 pain in week 1, so week 2's running is held below the plan's 19.5 km."""
    user, runner = make_runner("sam")
    services.log_run(runner, RunInput(date=PAINFUL_RUN_DAY, km=5, minutes=35, pain_during=6, pain_after=5, effort=6))
    services.log_run(runner, RunInput(date=WEEK_TWO_DAY, km=4, minutes=28, pain_during=1, pain_after=1, effort=4))
    return user, runner


def text(page: bytes) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.decode())))


def test_a_held_back_week_reads_the_same_on_today_the_plan_the_cli_and_the_api(held_back, capsys):
    user, runner = held_back
    date = WEEK_TWO_DAY.isoformat()
    today_page = text(client_for(user).get(f"/today/?date={date}").content)
    plan_page = text(client_for(user).get(f"/plan/?date={date}").content)
    assert HELD in today_page and HELD in plan_page
    assert "Held below the plan's 19.5 km until your runs settle." in plan_page
    # the plan's own words for week 2, unadapted, appear nowhere for this week
    assert "up to 19.5 km this week" not in plan_page.split("Week 3")[0]
    # the same week adds up the same runs so far on both pages
    assert "This week so far: 4.0 km in 1 run. Up to 8.0 km left." in today_page
    assert "This week so far: 4.0 km in 1 run. Up to 8.0 km left." in plan_page

    assert main(["today", "--runner", str(runner.id), "--date", date, "--json"]) == 0
    cli_today = json.loads(capsys.readouterr().out)["running"]
    assert main(["plan", "--runner", str(runner.id), "--date", date, "--json"]) == 0
    cli_week = json.loads(capsys.readouterr().out)["weeks"][1]["running"]
    assert cli_today["summary"].startswith(HELD) and cli_week["summary"] == cli_today["summary"]
    assert cli_week["weekly_km_cap"] == cli_today["weekly_km_cap"] == 12.0
    assert cli_week["adapted"] is True and cli_week["this_week"] == cli_today["this_week"]
    assert main(["plan", "--runner", str(runner.id), "--date", date]) == 0
    assert HELD in " ".join(capsys.readouterr().out.split())

    from django.test import Client

    from backstride.accounts.models import ApiToken

    _, key = ApiToken.issue(user, "tests")
    api = Caller(Client(), key)
    api_today = api.get("/today", date=date).json()["running"]
    api_week = api.get("/plan", date=date).json()["weeks"][1]["running"]
    assert api_today["summary"] == api_week["summary"] == cli_today["summary"]
    assert api_week["this_week"] == api_today["this_week"]


def test_weeks_other_than_the_current_one_read_as_planned_and_say_so(held_back):
    user, _runner = held_back
    week = client_for(user).get(f"/plan/?date={WEEK_TWO_DAY.isoformat()}").content.decode()
    later = text(week.split('id="week-3"')[1].split('id="week-4"')[0].encode())
    assert "up to 19.5 km this week" in later
    assert "(as planned: each week's running is set from how your runs go)" in later


def test_while_running_is_on_hold_the_plan_lists_no_run_for_the_rest_of_the_week(db, capsys):
    from backstride.core.tracking.logs import CheckInInput

    _user, runner = make_runner("sam")
    # a settle-down block: three mornings well above Sam's usual pain
    for n, pain in enumerate((3, 8, 8)):
        day = dt.date(2026, 12, 14) + dt.timedelta(days=n)
        services.checkin(runner, CheckInInput(date=day, pain=pain, red_flags=_clear() if n == 0 else None))
    day = dt.date(2026, 12, 16)
    assert main(["today", "--runner", str(runner.id), "--date", day.isoformat(), "--json"]) == 0
    today = json.loads(capsys.readouterr().out)["running"]
    assert today["mode"] == "settle_down" and today["runs_today"] == []
    assert main(["plan", "--runner", str(runner.id), "--date", day.isoformat(), "--json"]) == 0
    week = json.loads(capsys.readouterr().out)["weeks"][1]["running"]
    assert week["summary"] == today["summary"] and week["mode"] == "settle_down"
    assert [r for r in week["runs"] if r["date"] >= day.isoformat()] == []


def _clear() -> dict:
    from backstride.core.intake import RedFlags

    return {name: False for name in RedFlags.model_fields}


def test_a_week_one_step_behind_with_the_same_cap_is_not_said_to_be_held(db):
    """Sam's plan caps weeks 2 and 3 alike: one step behind in week 3 is still the plan's distance."""
    from backstride.runners.program import state_for
    from backstride.runners.reports import running_for

    _user, runner = make_runner("sam")
    plan = runner.current_plan
    caps = [w["running"]["weekly_km_cap"] for w in plan.data["weeks"]]
    assert caps[1] == caps[2], "the example's weeks 2 and 3 share a cap"
    day = dt.date(2026, 12, 23)  # week 3
    program, _history, state = state_for(runner, plan, day)
    state.run_pos = 1
    running = running_for(program, state, day, "km")
    assert running["weekly_km_cap"] == caps[2] and "Held below" not in running["summary"]
    state.run_pos = 0
    assert "Held below the plan's 19.5 km" in running_for(program, state, day, "km")["summary"]


def test_a_held_weeks_runs_ahead_shrink_with_its_cap_the_same_on_today_and_the_plan(held_back):
    """Running the plan's full-length runs in a week held at 12 km would overrun it: they shrink with it."""
    from backstride.runners.reports import plan_view, today_view

    _user, runner = held_back
    week = plan_view(runner, WEEK_TWO_DAY)["weeks"][1]["running"]
    planned = runner.current_plan.data["weeks"][1]["running"]["runs"]
    ahead = [r for r in week["runs"] if r["date"] > WEEK_TWO_DAY.isoformat()]
    assert ahead and all(r["km"] < p["km"] for r, p in zip(ahead, planned[-len(ahead) :], strict=True))
    assert sum(r["km"] for r in ahead) + 4.0 <= week["weekly_km_cap"] + 0.05  # with the 4 km run so far
    assert all(f"up to {r['km']:.1f} km" in r["description"] for r in ahead)
    # (on the week's last day the replay has judged the week, and its view reads with the next week's cap)
    for run in [r for r in ahead if r["date"] < week_end(runner, 1)]:
        shown = today_view(runner, dt.date.fromisoformat(run["date"]))["running"]["runs_today"]
        assert [(r["km"], r["description"]) for r in shown] == [(run["km"], run["description"])]


def week_end(runner, index: int) -> str:
    return runner.current_plan.data["weeks"][index]["end_date"]


def test_after_a_held_phase_today_and_the_plan_show_the_run_of_the_plan_day_it_stands_for(db):
    """Holding week 2 makes week 3's days do week 2 again: its runs too, on Today and in the plan alike."""
    from django.contrib.auth.models import User

    from backstride.clinic.services import adjust
    from backstride.runners.models import Adjustment
    from backstride.runners.reports import plan_view, today_view

    _user, runner = make_runner("sam")
    author = User.objects.create_user("okafor", "okafor@example.org", "a-long-passphrase-42")
    adjust(runner, author, Adjustment.HOLD_PHASE, "One more week of these doses.", dt.date(2026, 12, 15))
    week_two = {r["date"]: r for r in runner.current_plan.data["weeks"][1]["running"]["runs"]}
    tuesday = dt.date(2026, 12, 22)  # week 3 on the calendar, week 2 of the plan
    shown = today_view(runner, tuesday)["running"]["runs_today"]
    planned = week_two[(tuesday - dt.timedelta(weeks=1)).isoformat()]
    # week 2's Tuesday run, dated this Tuesday (shorter: with no run logged yet, the volume is still week 1's)
    assert [(r["date"], r["kind"]) for r in shown] == [(tuesday.isoformat(), planned["kind"])]
    assert shown[0]["km"] <= planned["km"]
    week = plan_view(runner, tuesday)["weeks"][2]["running"]
    assert [r for r in week["runs"] if r["date"] == tuesday.isoformat()] == [shown[0] | {"done": False}]
