"""Properties every plan keeps, over generated valid intakes."""

import datetime as dt

from hypothesis import HealthCheck, given, settings

from backstride.core.assessment import assess
from backstride.core.calendar import DAYS
from backstride.core.intake import parse_intake
from backstride.core.library import load_library
from backstride.core.planner.days import day_before
from backstride.core.planner.running import TWO_WEEK_CHANGE_MAX
from backstride.core.profile import EXTENSION_SENSITIVE, FLEXION_SENSITIVE, build_profile
from tests.strategies import intakes

library = load_library()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plan(data):
    intake = parse_intake(data)
    return intake, build_profile(intake), assess(intake)["plan"]


def _all_exercises(week):
    for session in week["sessions"]:
        yield from session["exercises"]
    if week["daily_mobility"]:
        yield from week["daily_mobility"]["exercises"]


def difficulty(week) -> float:
    """Mean level of the trunk session, plus how far up each dosage ladder it is."""
    main = [s for s in week["sessions"] if s["kind"] == "trunk_strength"] or week["sessions"]
    exercises = main[0]["exercises"] if main else []
    if not exercises:
        return 0.0
    return sum(e["level"] + e["dosage_step"] / e["dosage_steps"] for e in exercises) / len(exercises)


@SETTINGS
@given(intakes())
def test_the_plan_always_has_eight_consecutive_dated_weeks(data):
    intake, _, plan = _plan(data)
    assert [w["number"] for w in plan["weeks"]] == list(range(1, 9))
    for i, week in enumerate(plan["weeks"]):
        start = intake.start_date + dt.timedelta(weeks=i)
        assert week["start_date"] == start.isoformat()
        for session in week["sessions"]:
            assert start <= dt.date.fromisoformat(session["date"]) <= start + dt.timedelta(days=6)


@SETTINGS
@given(intakes())
def test_sessions_fall_only_on_available_days_and_fit_the_minutes(data):
    intake, _, plan = _plan(data)
    for week in plan["weeks"]:
        assert len(week["sessions"]) <= 4
        for session in week["sessions"]:
            assert session["day"] in intake.availability.days
            assert DAYS[dt.date.fromisoformat(session["date"]).weekday()] == session["day"]
            assert session["minutes"] <= intake.availability.minutes_per_session


@SETTINGS
@given(intakes())
def test_only_exercises_the_runners_equipment_allows(data):
    intake, _, plan = _plan(data)
    for week in plan["weeks"]:
        for e in _all_exercises(week):
            assert library[e["slug"]].needs <= set(intake.equipment), e["slug"]
    for e in plan["maintenance"]["exercises"]:
        assert library[e["slug"]].needs <= set(intake.equipment)


@SETTINGS
@given(intakes())
def test_the_sensitive_direction_is_left_out_of_weeks_one_to_four(data):
    _, profile, plan = _plan(data)
    avoid = {FLEXION_SENSITIVE: "flexion", EXTENSION_SENSITIVE: "extension"}.get(profile.directional_preference)
    if avoid is None:
        return
    for week in plan["weeks"][:4]:
        for e in _all_exercises(week):
            assert avoid not in library[e["slug"]].loads, (week["number"], e["slug"])
    for week in plan["weeks"][4:6]:
        for e in _all_exercises(week):
            if avoid in library[e["slug"]].loads:
                assert e["category"] in ("mobility", "stretch")


@SETTINGS
@given(intakes())
def test_no_hard_session_the_day_before_the_long_run_or_a_workout(data):
    intake, _, plan = _plan(data)
    r = intake.running
    before = {day_before(d) for d in [*r.workout_days, *([r.long_run_day] if r.long_run_day else [])]}
    for week in plan["weeks"]:
        for session in week["sessions"]:
            if session["hard"]:
                assert session["day"] not in before


@SETTINGS
@given(intakes())
def test_week_one_is_easier_than_week_eight(data):
    _, _, plan = _plan(data)
    assert difficulty(plan["weeks"][0]) < difficulty(plan["weeks"][7])


@SETTINGS
@given(intakes())
def test_each_exercise_changes_one_thing_at_a_time_from_week_to_week(data):
    _, _, plan = _plan(data)
    for prev, cur in zip(plan["weeks"], plan["weeks"][1:], strict=False):
        if not prev["sessions"] or not cur["sessions"]:
            continue
        before = {e["slot"]: e for e in prev["sessions"][0]["exercises"]}
        for e in cur["sessions"][0]["exercises"]:
            old = before.get(e["slot"])
            if old is None or prev["sessions"][0]["kind"] != cur["sessions"][0]["kind"]:
                continue
            if old["slug"] == e["slug"]:
                assert e["dosage_step"] - old["dosage_step"] in (0, 1)
            else:
                # a new variation: the harder exercise is the one change
                assert e["level"] >= old["level"], (old["slug"], e["slug"])


@SETTINGS
@given(intakes())
def test_running_volume_never_rises_more_than_thirty_percent_over_two_weeks(data):
    _, _, plan = _plan(data)
    if plan["weeks"][0]["running"]["status"] == "stopped_due_to_pain":
        return  # walk-run stages are counted in minutes, not kilometres
    caps = [w["running"]["weekly_km_cap"] for w in plan["weeks"]]
    for i in range(2, 8):
        # a race week's taper is a planned dip; the rule is about building up
        if "taper" not in (plan["weeks"][i]["running"]["mode"], plan["weeks"][i - 2]["running"]["mode"]):
            assert caps[i] <= caps[i - 2] * (1 + TWO_WEEK_CHANGE_MAX) + 0.1


@SETTINGS
@given(intakes())
def test_maintenance_starts_in_week_nine_with_at_least_one_session_a_week(data):
    _, _, plan = _plan(data)
    m = plan["maintenance"]
    assert m["from_week"] == 9 and m["sessions_per_week"] >= 1


@settings(max_examples=40, deadline=None)
@given(intakes())
def test_the_same_intake_always_gives_the_same_plan(data):
    assert _plan(data)[2] == _plan(data)[2]


@settings(max_examples=100, deadline=None)
@given(intakes(red_flags=True))
def test_any_positive_red_flag_means_no_plan(data):
    result = assess(parse_intake(data))
    if any(data["red_flags"].values()):
        assert result["screening"]["status"] != "clear"
        assert result["plan"] is None
    else:
        assert result["plan"] is not None
