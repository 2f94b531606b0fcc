"""The planner's rules, on concrete runners."""

import pytest

from backstride.core.assessment import assess
from backstride.core.intake import parse_intake
from backstride.core.planner.days import choose_session_days


def plan_for(data: dict) -> dict:
    return assess(parse_intake(data))["plan"]


def slugs(week: dict) -> set[str]:
    return {e["slug"] for s in week["sessions"] for e in s["exercises"]}


def test_the_phases_run_settle_stabilise_strengthen_run_specific(sam):
    phases = [w["phase"] for w in plan_for(sam)["weeks"]]
    assert phases == ["settle"] * 2 + ["stabilise"] * 2 + ["strengthen"] * 2 + ["run_specific"] * 2


def test_sam_trains_three_times_a_week_avoiding_the_day_before_her_long_run(sam):
    plan = plan_for(sam)
    assert plan["session_days"] == ["mon", "wed", "fri"]  # saturday is the day before sunday's long run
    assert all(s["day"] != "sat" for w in plan["weeks"] for s in w["sessions"])


def test_the_six_exercises_named_in_the_program_appear_for_a_runner_with_a_mat_and_a_wall(sam):
    sam["availability"]["minutes_per_session"] = 45
    sam["aggravated_by"], sam["eased_by"] = [], []
    names = {e["name"] for w in plan_for(sam)["weeks"] for s in w["sessions"] for e in s["exercises"]}
    for name in [
        "Cross Body Stretch",
        "Hip Combo Stretch",
        "Alternate T Plank",
        "Bird Dog",
        "Plank with Knee Lifts",
        "Wall Press with Rotations",
    ]:
        assert name in names


def test_a_flexion_sensitive_back_gets_extension_biased_relief_first(sam, library):
    week1 = plan_for(sam)["weeks"][0]
    relief = [e for e in week1["sessions"][0]["exercises"] if e["slot"] == "relief_mobility"]
    assert relief and "extension" in library[relief[0]["slug"]].loads


def test_an_extension_sensitive_back_gets_flexion_biased_relief_and_no_arching_early(sam, library):
    sam["aggravated_by"], sam["eased_by"] = ["standing", "arching_back"], ["sitting"]
    plan = plan_for(sam)
    relief = [e for e in plan["weeks"][0]["sessions"][0]["exercises"] if e["slot"] == "relief_mobility"]
    assert "flexion" in library[relief[0]["slug"]].loads
    for week in plan["weeks"][:4]:
        assert not any("extension" in library[s].loads for s in slugs(week))


def test_the_sensitive_direction_comes_back_gently_in_the_later_weeks(sam, library):
    plan = plan_for(sam)
    later = set().union(*(slugs(w) for w in plan["weeks"][4:]))
    assert any("flexion" in library[s].loads for s in later)


def test_daily_mobility_is_only_in_the_first_two_weeks(sam):
    weeks = plan_for(sam)["weeks"]
    assert all(w["daily_mobility"]["exercises"] for w in weeks[:2])
    assert all(w["daily_mobility"] is None for w in weeks[2:])


def test_sessions_per_week_follow_availability_between_two_and_four(sam):
    sam["availability"] = {
        "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "minutes_per_session": 30,
        "sessions_per_week": 4,
    }
    assert plan_for(sam)["sessions_per_week"] == 4
    sam["availability"] = {"days": ["tue", "thu"], "minutes_per_session": 30}
    assert plan_for(sam)["sessions_per_week"] == 2


def test_when_the_only_free_day_is_before_the_long_run_the_session_there_is_light(sam):
    sam["availability"] = {"days": ["mon", "sat"], "minutes_per_session": 30}
    week = plan_for(sam)["weeks"][0]
    kinds = {s["day"]: (s["kind"], s["hard"]) for s in week["sessions"]}
    assert kinds == {"mon": ("trunk_strength", True), "sat": ("light", False)}


def test_session_days_are_spread_out_rather_than_back_to_back():
    hard, light = choose_session_days(["mon", "tue", "wed", "thu", "fri"], 3, None, [])
    assert hard == ["mon", "wed", "fri"] and light == []


def test_a_stopped_runner_who_meets_the_criteria_starts_walk_run_in_week_one(sam):
    sam["running"] = {
        "status": "stopped_due_to_pain",
        "runs_per_week": 0,
        "weekly_km": 0,
        "run_days": ["tue", "thu", "sat"],
        "walk_30_min_comfortable": True,
    }
    sam["pain"]["now"] = 2
    week1 = plan_for(sam)["weeks"][0]["running"]
    assert week1["mode"] == "walk_run"
    assert [r["stage"] for r in week1["runs"]] == [1, 1, 2]  # each stage twice before moving up
    assert [r["date"] for r in week1["runs"]] == ["2026-12-08", "2026-12-10", "2026-12-12"]


def test_a_stopped_runner_who_does_not_meet_the_criteria_walks_first(sam):
    sam["running"] = {
        "status": "stopped_due_to_pain",
        "runs_per_week": 0,
        "weekly_km": 0,
        "walk_30_min_comfortable": False,
    }
    weeks = plan_for(sam)["weeks"]
    assert [w["running"]["mode"] for w in weeks[:3]] == ["walk", "walk", "walk_run"]
    assert weeks[0]["running"]["runs"] == []
    assert "pain at rest is 2/10 or less" in weeks[0]["running"]["summary"]


def test_walk_run_reaches_thirty_minutes_of_continuous_running_within_the_program(sam):
    sam["running"] = {
        "status": "stopped_due_to_pain",
        "runs_per_week": 0,
        "weekly_km": 0,
        "walk_30_min_comfortable": True,
    }
    sam["pain"]["now"] = 1
    last = plan_for(sam)["weeks"][7]["running"]["runs"][-1]
    assert (last["run_minutes"], last["walk_minutes"]) == (30, 0)


def test_running_with_pain_starts_at_a_reduced_capped_volume(sam):
    week1 = plan_for(sam)["weeks"][0]["running"]
    assert week1["mode"] == "reduced"
    assert week1["weekly_km_cap"] == pytest.approx(15.0)  # 60 % of 25 km
    assert sum(r["km"] for r in week1["runs"]) <= 15.0 + 0.2
    long_run = next(r for r in week1["runs"] if r["kind"] == "long_run")
    assert long_run["km"] >= max(r["km"] for r in week1["runs"] if r["kind"] == "easy_run")


def test_running_with_pain_above_five_returns_through_walk_run_rather_than_less_running(sam):
    sam["running"]["pain_during_run"] = 7
    week1 = plan_for(sam)["weeks"][0]["running"]
    assert week1["mode"] == "walk" and week1["walk_run_return"] and week1["status"] == "running_with_pain"


def test_reduced_running_never_goes_past_the_usual_volume_within_the_program(sam):
    assert max(w["running"]["weekly_km_cap"] for w in plan_for(sam)["weeks"]) == pytest.approx(25.0)


def test_a_pain_free_runner_keeps_the_usual_volume_through_the_program(sam):
    sam["running"]["status"] = "running_pain_free"
    caps = [w["running"]["weekly_km_cap"] for w in plan_for(sam)["weeks"]]
    assert caps == [25.0] * 8


def test_a_goal_race_inside_the_program_is_tapered_for(sam):
    sam["running"]["status"] = "running_pain_free"
    sam["running"]["goal_race"] = {"name": "Winter 10k", "date": "2027-01-24", "distance_km": 10}
    plan = plan_for(sam)
    race_week = plan["weeks"][6]
    assert race_week["running"]["mode"] == "taper"
    assert any(r["kind"] == "race" and r["date"] == "2027-01-24" for r in race_week["running"]["runs"])
    assert "inside the program" in plan["goal_race"]["note"]


def test_a_goal_race_after_the_program_is_noted_with_the_weeks_to_go(sam):
    note = plan_for(sam)["goal_race"]
    assert note["weeks_from_start"] == 17 and "After week 8" in note["note"]


def test_high_startback_risk_adds_advice_to_see_a_physiotherapist(sam):
    sam["startback"] |= {
        "unsafe_to_be_active": True,
        "worrying_thoughts": True,
        "never_get_better": True,
        "not_enjoyed_things": True,
    }
    codes = [a["code"] for a in plan_for(sam)["advice"]]
    assert "startback_high_risk" in codes


def test_pain_below_the_knee_adds_the_leg_symptom_caution(sam):
    sam["pain"]["pain_below_knee"] = True
    advice = {a["code"]: a["message"] for a in plan_for(sam)["advice"]}
    assert "numbness" in advice["pain_below_knee"]


def test_every_plan_says_it_does_not_replace_a_clinician(sam):
    assert "not_a_diagnosis" in [a["code"] for a in plan_for(sam)["advice"]]


def test_maintenance_keeps_the_exercises_reached_in_week_eight(sam):
    plan = plan_for(sam)
    week8 = {e["slug"] for e in plan["weeks"][7]["sessions"][0]["exercises"]}
    m = plan["maintenance"]
    assert m["start_date"] == "2027-02-01" and m["from_week"] == 9
    assert m["exercises"] and {e["slug"] for e in m["exercises"]} <= week8
    assert m["minutes"] <= 30


def test_an_urgent_red_flag_gives_no_plan_and_says_whom_to_see(sam):
    sam["red_flags"]["history_of_cancer"] = True
    result = assess(parse_intake(sam))
    assert result["plan"] is None
    assert result["screening"]["status"] == "refer_urgent"
    assert "doctor" in result["screening"]["message"]


def test_a_runner_who_counts_in_miles_reads_the_running_guidance_in_miles(sam):
    sam["runner"]["units"] = "mi"
    week1 = plan_for(sam)["weeks"][0]["running"]
    assert "9.3 mi" in week1["summary"]  # 15 km
    assert week1["weekly_km_cap"] == pytest.approx(15.0)  # the data stays in kilometres
    assert all(" mi," in r["description"] for r in week1["runs"])
