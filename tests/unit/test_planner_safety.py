"""The planner's safety rules, each pinned on both sides of its limit.

The clinical numbers are written out here rather than read from the planner, so a wrong
constant there fails a test.
"""

import copy
import datetime as dt

import pytest

from backstride.core.assessment import assess
from backstride.core.intake import parse_intake
from backstride.core.library import Exercise, Library
from backstride.core.planner.plan import build_plan
from backstride.core.planner.selection import pick, rules_for
from backstride.core.profile import build_profile
from backstride.core.tracking import outcomes

TWO_WEEK_RISE_MAX = 0.30  # Nielsen et al. 2014
STOP_PAIN = 5  # above 5/10 a run or an exercise stops (CLINICAL.md s4)
IRRITABLE_MAX_EXERCISES = 5
IRRITABLE_MAX_MINUTES = 20
LOWER_INTENSITY_MAX_EXERCISES = 4
EPSILON = 1e-9


def plan_for(data: dict) -> dict:
    return assess(parse_intake(data))["plan"]


def running(plan: dict) -> list[dict]:
    return [w["running"] for w in plan["weeks"]]


def pain_free(sam: dict, **running_answers) -> dict:
    sam["running"] |= {"status": "running_pain_free"} | running_answers
    return sam


def main_sessions(week: dict) -> list[dict]:
    return [s for s in week["sessions"] if s["kind"] == "trunk_strength"]


def every_exercise(week: dict):
    for session in week["sessions"]:
        yield from session["exercises"]
    if week["daily_mobility"]:
        yield from week["daily_mobility"]["exercises"]


def exercise(slug, level, category="anti_extension", needs=("mat",), loads=(), dosage=None, **links) -> Exercise:
    return Exercise.from_data(
        {
            "slug": slug,
            "name": slug.replace("-", " ").capitalize(),
            "category": category,
            "level": level,
            "position": "kneeling",
            "equipment": list(needs),
            "spine_loading": list(loads),
            "purpose": "A test exercise.",
            "setup": "Set up.",
            "steps": ["Do it."],
            "cues": ["Steady."],
            "common_mistakes": ["Rushing."],
            "should_feel": "Fine.",
            "stop_if": ["Pain above 5/10."],
            "dosage": dosage
            or {
                "type": "reps",
                "per_side": False,
                "rest_seconds": 30,
                "steps": [{"sets": 1, "reps": 6}, {"sets": 1, "reps": 8}, {"sets": 2, "reps": 8}],
            },
            "progression": links.get("progression"),
            "regression": links.get("regression"),
            "author": "tests",
            "licence": "CC-BY-4.0",
        }
    )


def chains(*specs: list[dict]) -> Library:
    """A small library of progression chains, each a list of exercise() keyword sets, easiest first."""
    exercises = {}
    for chain in specs:
        for i, spec in enumerate(chain):
            links = {
                "progression": chain[i + 1]["slug"] if i + 1 < len(chain) else None,
                "regression": chain[i - 1]["slug"] if i else None,
            }
            exercises[spec["slug"]] = exercise(**spec, **links)
    return Library(exercises)


# 1. Volume never past the usual figures, and no more than 30 % over any two weeks as planned


def test_a_pain_free_runner_plans_up_to_the_usual_week_and_long_run_never_past_them(sam):
    weeks = running(plan_for(pain_free(sam)))  # the goal race is after the program
    assert max(w["weekly_km_cap"] for w in weeks) == pytest.approx(25.0)  # the usual week, reached
    for w in weeks:
        assert w["weekly_km_cap"] <= 25.0 + EPSILON
        assert w["long_run_km_cap"] <= 12.0 + EPSILON
        assert sum(r["km"] for r in w["runs"]) <= 25.0 + EPSILON
        assert all(r["km"] <= 12.0 + EPSILON for r in w["runs"])


def test_no_run_is_longer_than_the_usual_long_run_when_the_week_has_few_run_days(sam):
    weeks = running(plan_for(pain_free(sam, run_days=["tue", "sun"], long_run_km=6, runs_per_week=2)))
    assert max(r["km"] for w in weeks for r in w["runs"]) == pytest.approx(6.0)
    assert all(w["long_run_km_cap"] <= 6.0 + EPSILON for w in weeks)


def test_a_race_week_may_pass_the_usual_week_for_the_race_up_to_thirty_percent_and_not_a_step_over(sam):
    # usual 10 km: week 3's race may take that week to 13.0 km (1.3 x week 1), not 13.1
    answers = {"weekly_km": 10, "long_run_km": 5}
    at_limit = plan_for(pain_free(sam, **answers, goal_race={"name": "R", "date": "2026-12-27", "distance_km": 13.0}))
    race_week = running(at_limit)[2]
    assert race_week["weekly_km_cap"] == pytest.approx(13.0)
    assert any(r["kind"] == "race" and r["km"] == 13.0 for r in race_week["runs"])
    assert sum(r["km"] for r in race_week["runs"]) <= 13.0 + EPSILON
    assert at_limit["goal_race"]["in_plan"] is True

    over = plan_for(pain_free(sam, **answers, goal_race={"name": "R", "date": "2026-12-27", "distance_km": 13.1}))
    assert not any(r["kind"] == "race" for w in running(over) for r in w["runs"])
    assert all(w["weekly_km_cap"] <= 10.0 + EPSILON for w in running(over))
    assert over["goal_race"]["in_plan"] is False
    assert "not planned for" in over["goal_race"]["note"] and "13.0 km" in over["goal_race"]["note"]


def test_volume_rises_no_more_than_thirty_percent_over_any_two_weeks_as_planned_around_a_race(sam):
    # running with pain, a half marathon on the Monday of week 5: taper, recovery, then no rebound
    sam["running"]["goal_race"] = {"name": "Half", "date": "2027-01-04", "distance_km": 21.1}
    caps = [w["weekly_km_cap"] for w in running(plan_for(sam))]
    volumes = [25.0, 25.0, *caps]  # the two weeks before the program count as the usual volume
    for week in range(2, len(volumes)):
        lower_of_two = min(volumes[week - 2], volumes[week - 1])
        assert volumes[week] <= lower_of_two * (1 + TWO_WEEK_RISE_MAX) + EPSILON, caps
    assert caps[1] == pytest.approx(15.0 * (1 + TWO_WEEK_RISE_MAX))  # the rule is what binds the build-up


# 2. Races


def test_no_long_run_or_hard_run_in_the_two_days_before_a_race_early_in_the_week(sam):
    # Sunday long runs; a race on Monday, Tuesday or Wednesday of week 5 (Sunday 2027-01-03 before it)
    for race_day, sunday in (("2027-01-04", "easy_run"), ("2027-01-05", "easy_run"), ("2027-01-06", "long_run")):
        data = pain_free(copy.deepcopy(sam), goal_race={"name": "10k", "date": race_day, "distance_km": 10})
        weeks = running(plan_for(data))
        usual_long = next(r["km"] for r in weeks[2]["runs"] if r["kind"] == "long_run")
        before = next(r for r in weeks[3]["runs"] if r["date"] == "2027-01-03")
        assert before["kind"] == sunday, race_day
        if sunday == "easy_run":
            assert before["km"] <= usual_long / 2 + EPSILON
            assert "no long run or workout" in before["description"]
        else:
            assert before["km"] == usual_long


def test_the_race_counts_in_its_weeks_volume(sam):
    weeks = running(plan_for(pain_free(sam, goal_race={"name": "10k", "date": "2027-01-24", "distance_km": 10})))
    race_week = weeks[6]
    assert race_week["mode"] == "taper"
    assert [r["kind"] for r in race_week["runs"]][-1] == "race"
    assert sum(r["km"] for r in race_week["runs"]) <= race_week["weekly_km_cap"] + EPSILON
    assert race_week["weekly_km_cap"] < 25.0


def test_the_week_after_a_race_is_a_lighter_recovery_week_and_the_next_does_not_rebound(sam):
    weeks = running(plan_for(pain_free(sam, goal_race={"name": "10k", "date": "2027-01-10", "distance_km": 10})))
    race, recovery, after = weeks[4], weeks[5], weeks[6]
    assert race["mode"] == "taper" and recovery["mode"] == "recovery"
    assert recovery["weekly_km_cap"] < weeks[3]["weekly_km_cap"]
    assert after["weekly_km_cap"] <= recovery["weekly_km_cap"] * (1 + TWO_WEEK_RISE_MAX) + EPSILON
    assert after["weekly_km_cap"] > recovery["weekly_km_cap"]


def test_a_race_far_above_the_current_long_run_is_warned_about_with_the_gap(sam):
    note = plan_for(sam)["goal_race"]  # a half marathon; Sam's long run is 12 km
    assert note["far_above_long_run"] is True
    assert "the race is 21.1 km, 9.1 km more than your current long run of 12.0 km" in note["note"]

    sam["running"]["goal_race"]["distance_km"] = 15.6  # 30 % above 12 km: not yet far above
    assert plan_for(sam)["goal_race"]["far_above_long_run"] is False
    assert "more than your current long run" not in plan_for(sam)["goal_race"]["note"]
    sam["running"]["goal_race"]["distance_km"] = 15.7
    assert "the race is 15.7 km, 3.7 km more than your current long run" in plan_for(sam)["goal_race"]["note"]


# 3. Running pain above the stop limit


def test_running_pain_above_five_gets_the_walk_run_return_and_five_stays_reduced(sam):
    sam["running"]["pain_during_run"] = STOP_PAIN + 1
    plan = plan_for(sam)
    for week in running(plan):
        assert week["mode"] in ("walk", "walk_run")
        assert week["status"] == "running_with_pain" and week["walk_run_return"] is True
        assert not any(r.get("km") for r in week["runs"])
    assert "walk_run_for_running_pain" in [a["code"] for a in plan["advice"]]

    sam["running"]["pain_during_run"] = STOP_PAIN
    plan = plan_for(sam)
    assert {w["mode"] for w in running(plan)} == {"reduced"}
    assert not any(w["walk_run_return"] for w in running(plan))
    assert "walk_run_for_running_pain" not in [a["code"] for a in plan["advice"]]


def test_no_plyometrics_on_the_walk_run_return(sam):
    sam["availability"]["minutes_per_session"] = 60

    def plyometrics(pain: int) -> list[str]:
        sam["running"]["pain_during_run"] = pain
        return [e["slug"] for w in plan_for(sam)["weeks"] for e in every_exercise(w) if e["slot"] == "plyometrics"]

    assert plyometrics(STOP_PAIN)
    assert plyometrics(STOP_PAIN + 1) == []


# 4. No dosage step or level skipped


def test_an_exercise_met_in_a_light_session_starts_at_its_first_step_in_a_main_session(sam):
    sam["availability"] = {"days": ["mon", "sat"], "minutes_per_session": 60}  # saturday: light only
    weeks = plan_for(sam)["weeks"]
    seen_in_main: set[str] = set()
    seen_in_light: set[str] = set()
    first_in_main_after_light = []
    for week in weeks:
        for e in main_sessions(week)[0]["exercises"]:
            if e["slug"] not in seen_in_main:
                assert e["dosage_step"] == 1, (week["number"], e["slug"])
                if e["slug"] in seen_in_light:
                    first_in_main_after_light.append(e["slug"])
        seen_in_main |= {e["slug"] for e in main_sessions(week)[0]["exercises"]}
        seen_in_light |= {e["slug"] for s in week["sessions"] if s["kind"] == "light" for e in s["exercises"]}
    assert first_in_main_after_light  # the case the rule is about did come up


PLANK_CHAIN = [
    {"slug": "kneeling-plank", "level": 1},
    {"slug": "front-plank", "level": 2, "needs": ("mat", "band")},
    {"slug": "plank-knee-lifts", "level": 3},
]


def test_a_link_the_runner_cannot_do_stops_the_climb_rather_than_skipping_a_level():
    library = chains(PLANK_CHAIN)
    without_band = rules_for(frozenset({"mat"}), "none", 7)
    with_band = rules_for(frozenset({"mat", "band"}), "none", 7)
    assert pick(library, "plank", 3, "none", without_band, set()).slug == "kneeling-plank"
    assert pick(library, "plank", 2, "none", with_band, set()).slug == "front-plank"
    assert pick(library, "plank", 3, "none", with_band, set()).slug == "plank-knee-lifts"


def test_an_allowed_exercise_of_the_same_level_and_category_stands_in_for_a_missing_link():
    library = chains(
        [
            {"slug": "wall-press-rotations", "level": 1, "category": "anti_rotation", "needs": ("wall",)},
            {"slug": "chair-rotations", "level": 2, "category": "anti_rotation", "needs": ("chair",)},
            {"slug": "plank-rotations", "level": 3, "category": "anti_rotation"},
        ],
        [
            {"slug": "half-kneeling-pallof-press", "level": 2, "category": "anti_rotation", "needs": ("band",)},
            {"slug": "pallof-press", "level": 3, "category": "anti_rotation", "needs": ("band",)},
        ],
    )
    band = rules_for(frozenset({"mat", "wall", "band"}), "none", 7)
    assert pick(library, "rotation_control", 2, "none", band, set()).slug == "half-kneeling-pallof-press"
    assert pick(library, "rotation_control", 3, "none", band, set()).slug == "plank-rotations"
    no_band = rules_for(frozenset({"mat", "wall"}), "none", 7)
    assert pick(library, "rotation_control", 3, "none", no_band, set()).slug == "wall-press-rotations"


# 5. Trunk work when every free day is the day before a long run or workout; maintenance


def test_trunk_work_goes_on_the_restricted_days_at_a_lower_intensity_when_no_other_day_is_free(sam):
    sam["availability"] = {"days": ["sat"], "minutes_per_session": 45}  # the day before sunday's long run
    plan = plan_for(sam)
    for week in plan["weeks"]:
        (session,) = week["sessions"]
        assert session["kind"] == "trunk_strength" and session["hard"] is False and session["lower_intensity"]
        assert 0 < len(session["exercises"]) <= LOWER_INTENSITY_MAX_EXERCISES
        assert {e["dosage_step"] for e in session["exercises"]} == {1}
    assert "trunk_days_restricted" in [a["code"] for a in plan["advice"]]

    sam["availability"]["days"] = ["mon", "sat"]  # one free day: full sessions there, light on saturday
    plan = plan_for(sam)
    kinds = {s["day"]: (s["kind"], s["hard"]) for s in plan["weeks"][0]["sessions"]}
    assert kinds == {"mon": ("trunk_strength", True), "sat": ("light", False)}
    assert "trunk_days_restricted" not in [a["code"] for a in plan["advice"]]


def test_the_maintenance_session_is_on_a_free_day_not_the_day_before_a_long_run_when_another_exists(sam):
    sam["availability"] = {"days": ["sat"], "minutes_per_session": 30}
    assert plan_for(sam)["maintenance"]["day"] == "sat"  # the only free day
    sam["availability"]["days"] = ["sat", "tue"]
    assert plan_for(sam)["maintenance"]["day"] == "tue"
    sam["availability"]["days"] = ["thu", "sat"]
    sam["running"]["workout_days"] = ["fri"]  # both days come before a run that matters: still a free day
    assert plan_for(sam)["maintenance"]["day"] in ("thu", "sat")


def test_maintenance_keeps_only_exercises_done_in_the_main_sessions_at_the_dose_reached(sam):
    for days in (["mon", "wed", "fri"], ["sat"]):  # full sessions; only lower-intensity ones
        sam["availability"] = {"days": days, "minutes_per_session": 30}
        plan = plan_for(sam)
        last_dose = {}
        for week in plan["weeks"]:
            for session in main_sessions(week):
                last_dose |= {e["slug"]: e["dosage_step"] for e in session["exercises"]}
        kept = plan["maintenance"]["exercises"]
        assert kept, days
        assert all(last_dose.get(e["slug"]) == e["dosage_step"] for e in kept), days


def test_maintenance_is_never_empty_when_the_minutes_are_tight(sam):
    # one long exercise: 2 x 20 minutes fits a 60-minute session but not the 30-minute maintenance cap
    long_hold = {
        "type": "time",
        "per_side": False,
        "rest_seconds": 30,
        "steps": [{"sets": 1, "minutes": 20}, {"sets": 2, "minutes": 20}],
    }
    library = chains([{"slug": "kneeling-plank", "level": 1, "dosage": long_hold}])
    sam["availability"]["minutes_per_session"] = 60
    intake = parse_intake(sam)
    plan = build_plan(intake, build_profile(intake), library)
    assert plan["weeks"][7]["sessions"][0]["exercises"][0]["dosage_step"] == 2
    (kept,) = plan["maintenance"]["exercises"]
    assert kept["slug"] == "kneeling-plank" and kept["dosage_step"] == 1
    assert plan["maintenance"]["minutes"] <= 30


# 6. Severity and risk shape the start


def test_a_highly_irritable_back_starts_with_fewer_shorter_sessions_held_at_the_first_step(sam):
    sam["availability"]["minutes_per_session"] = 45
    sam["pain"]["worst_last_week"] = 7
    weeks = plan_for(sam)["weeks"]
    for week in weeks[:2]:
        for session in main_sessions(week):
            assert len(session["exercises"]) <= IRRITABLE_MAX_EXERCISES
            assert session["minutes"] <= IRRITABLE_MAX_MINUTES
            assert {e["dosage_step"] for e in session["exercises"]} == {1}
    assert len(main_sessions(weeks[2])[0]["exercises"]) > IRRITABLE_MAX_EXERCISES

    sam["pain"]["worst_last_week"] = 6  # not highly irritable: the full start
    weeks = plan_for(sam)["weeks"]
    assert len(main_sessions(weeks[0])[0]["exercises"]) > IRRITABLE_MAX_EXERCISES
    assert 2 in {e["dosage_step"] for e in main_sessions(weeks[1])[0]["exercises"]}


def test_a_highly_irritable_start_is_explained_in_the_advice(sam):
    sam["pain"]["now"] = 6
    sam["pain"]["worst_last_week"] = 6
    assert "high_irritability" in [a["code"] for a in plan_for(sam)["advice"]]
    sam["pain"]["now"] = 3
    assert "high_irritability" not in [a["code"] for a in plan_for(sam)["advice"]]


def test_medium_startback_risk_adds_advice_to_consider_a_physiotherapist_review(sam):
    # Sam already agrees with "worrying thoughts": two more items make 3 (low), four more make 5 (medium)
    sam["startback"] |= {"leg_pain": True, "neck_or_shoulder_pain": True}
    result = assess(parse_intake(sam))
    assert result["startback"]["risk"] == "low"
    assert "startback_medium_risk" not in [a["code"] for a in result["plan"]["advice"]]
    sam["startback"] |= {"walked_short_distances_only": True, "dressed_more_slowly": True}
    result = assess(parse_intake(sam))
    assert result["startback"]["risk"] == "medium"
    advice = {a["code"]: a["message"] for a in result["plan"]["advice"]}
    assert "physiotherapist" in advice["startback_medium_risk"]
    assert "startback_high_risk" not in advice


START = dt.date(2026, 12, 7)


def _endurance_due(day: dt.date, **options) -> list[dict]:
    return [item for item in outcomes.due(START, day, {}, False, **options) if item["kind"] == "endurance"]


def test_a_highly_irritable_back_takes_no_endurance_self_test_before_starting_only_from_week_four():
    assert _endurance_due(START, irritability="normal")[0]["week"] == 0
    assert _endurance_due(START, irritability="high") == []
    assert _endurance_due(START + dt.timedelta(weeks=3) - dt.timedelta(days=1), irritability="high") == []
    assert _endurance_due(START + dt.timedelta(weeks=3), irritability="high")[0]["week"] == 4


def test_the_caller_can_hold_the_endurance_self_tests():
    week4 = START + dt.timedelta(weeks=3)
    assert _endurance_due(week4, hold_endurance=False)
    assert _endurance_due(week4, hold_endurance=True) == []
    others = outcomes.due(START, week4, {}, False, hold_endurance=True)
    assert [item["kind"] for item in others] == ["odi"]


def test_the_endurance_self_tests_come_with_the_four_positions_and_when_to_stop():
    instructions = _endurance_due(START)[0]["instructions"]
    text = " ".join(instructions)
    for position in ("Flexor hold", "Extensor hold (Biering-Sørensen)", "Right side bridge", "Left side bridge"):
        assert any(line.startswith(position) for line in instructions), position
    assert "bench" in text and "home version" in text
    assert f"Stop when the position is lost or pain rises above {STOP_PAIN}/10" in text


# 7. Rotation as a sensitive direction, and the weeks 1-4 exclusion acting on a reached exercise


def test_a_back_that_twisting_aggravates_gets_no_rotation_in_weeks_one_to_four_then_only_gentle_rotation(sam, library):
    sam["availability"]["minutes_per_session"] = 60

    def rotating(week: dict) -> list[dict]:
        return [e for e in every_exercise(week) if "rotation" in library[e["slug"]].loads]

    assert any(rotating(w) for w in plan_for(sam)["weeks"][:4])  # without twisting: rotation from week 1
    sam["aggravated_by"].append("twisting")
    weeks = plan_for(sam)["weeks"]
    assert not any(rotating(w) for w in weeks[:4])
    for week in weeks[4:6]:
        assert all(e["category"] in ("mobility", "stretch") for e in rotating(week))
    assert any(e["category"] not in ("mobility", "stretch") for w in weeks[6:] for e in rotating(w))


SENSITIVE_PLANK_CHAIN = [
    {"slug": "kneeling-plank", "level": 1},
    {"slug": "front-plank", "level": 2, "loads": ("flexion", "rotation")},
    {"slug": "plank-knee-lifts", "level": 3},
]


@pytest.mark.parametrize(
    "preference,rotation_sensitive",
    [("flexion_sensitive", False), ("none", True)],
)
def test_the_sensitive_direction_rule_leaves_out_an_exercise_the_chain_reaches_until_week_seven(
    preference, rotation_sensitive
):
    library = chains(SENSITIVE_PLANK_CHAIN)

    def picked(week: int, level: int) -> str:
        rules = rules_for(frozenset({"mat"}), preference, week, rotation_sensitive)
        return pick(library, "plank", level, preference, rules, set()).slug

    assert picked(4, 2) == "kneeling-plank"
    assert picked(4, 3) == "kneeling-plank"  # and no climbing past it
    assert picked(6, 3) == "kneeling-plank"  # weeks 5-6: only mobility and stretches in that direction
    assert picked(7, 2) == "front-plank"
    assert picked(7, 3) == "plank-knee-lifts"
    unrestricted = rules_for(frozenset({"mat"}), "none", 4)
    assert pick(library, "plank", 2, "none", unrestricted, set()).slug == "front-plank"


def test_a_plan_built_on_a_chain_that_reaches_a_sensitive_exercise_leaves_it_out_until_week_seven(sam):
    library = chains(SENSITIVE_PLANK_CHAIN)
    intake = parse_intake(sam)  # flexion-sensitive
    plan = build_plan(intake, build_profile(intake), library)
    plank = [[e["slug"] for e in main_sessions(w)[0]["exercises"] if e["slot"] == "plank"] for w in plan["weeks"]]
    assert plank[:6] == [["kneeling-plank"]] * 6
    assert plank[6:] == [["plank-knee-lifts"]] * 2


def test_starting_tests_missed_are_due_as_the_starting_measure_once_the_program_is_under_way():
    assert _endurance_due(START - dt.timedelta(days=2))[0]["message"].endswith("(before you start).")
    assert _endurance_due(START + dt.timedelta(days=6))[0]["message"].endswith("(before you start).")
    week3 = _endurance_due(START + dt.timedelta(weeks=2, days=1))[0]
    assert week3["week"] == 0 and "before you start" not in week3["message"]
    assert week3["message"] == "Due: trunk endurance self-tests (your starting measure, not taken yet)."
    assert _endurance_due(START + dt.timedelta(weeks=3))[0]["message"].endswith("(week 4).")
