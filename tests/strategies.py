"""Hypothesis strategies: valid intakes across the whole space of answers."""

import datetime as dt
from typing import get_args

from hypothesis import strategies as st

from backstride.core.calendar import DAYS
from backstride.core.intake import Activity, EquipmentName, RedFlags, StartBackAnswers
from backstride.core.questionnaires import oswestry

# The vocabularies come from the intake's own model, so the strategies cannot drift from it.
ACTIVITIES = list(get_args(Activity))
EQUIPMENT = list(get_args(EquipmentName))
RED_FLAGS = [name for name in RedFlags.model_fields if name != "walking_changed"]
STARTBACK = [name for name in StartBackAnswers.model_fields if name != "bothersomeness"]
ODI = list(oswestry.SECTIONS)

RUNNING_STATUSES = ("running_pain_free", "running_with_pain", "stopped_due_to_pain")
# Written out here rather than taken from the profile, so a change to how the planner classifies a back shows up
# as a failing property: activities that load the spine bent forward, and those that hold it upright or arched.
FLEXION_LOADING = ["sitting", "bending_forward", "lifting", "getting_up_from_sitting"]
EXTENSION_LOADING = ["standing", "walking", "arching_back", "lying_on_front", "running_downhill"]
NEITHER_WAY = [a for a in ACTIVITIES if a not in FLEXION_LOADING + EXTENSION_LOADING]

days = st.lists(st.sampled_from(DAYS), unique=True)


@st.composite
def symptoms(draw):
    """Any aggravating and easing activities: (aggravated_by, eased_by)."""
    aggravated = draw(st.lists(st.sampled_from(ACTIVITIES), unique=True, max_size=5))
    eased = draw(st.lists(st.sampled_from(ACTIVITIES), unique=True, max_size=3))
    return aggravated, eased


@st.composite
def one_sided_symptoms(draw):
    """A back that clearly hurts one way: two or more activities bending it that way, none bending it the other,
    and eased (if at all) by the other way."""
    hurts, eases = draw(st.sampled_from([(FLEXION_LOADING, EXTENSION_LOADING), (EXTENSION_LOADING, FLEXION_LOADING)]))
    aggravated = draw(st.lists(st.sampled_from(hurts), unique=True, min_size=2))
    aggravated += draw(st.lists(st.sampled_from(NEITHER_WAY), unique=True, max_size=2))
    eased = draw(st.lists(st.sampled_from(eases), unique=True, max_size=3))
    return aggravated, eased


@st.composite
def running(draw, statuses=RUNNING_STATUSES):
    status = draw(st.sampled_from(statuses))
    run_days = draw(days.filter(lambda d: len(d) <= 6))
    out = {
        "status": status,
        "runs_per_week": 0 if status == "stopped_due_to_pain" else max(1, len(run_days)),
        "weekly_km": 0 if status == "stopped_due_to_pain" else draw(st.floats(3, 120).map(lambda x: round(x, 1))),
        "run_days": sorted(run_days, key=DAYS.index),
        "long_run_day": draw(st.sampled_from(run_days)) if run_days else None,
        "workout_days": draw(st.lists(st.sampled_from(run_days), unique=True, max_size=2)) if run_days else [],
        "walk_30_min_comfortable": draw(st.none() | st.booleans()),
    }
    if status != "stopped_due_to_pain":
        out["long_run_km"] = round(out["weekly_km"] * draw(st.floats(0.2, 0.5)), 1)
    if status == "running_with_pain":
        out["pain_during_run"] = draw(st.integers(0, 10))
    if draw(st.booleans()):
        out["goal_race"] = {
            "name": "Goal race",
            "date": (dt.date(2026, 12, 1) + dt.timedelta(days=draw(st.integers(-10, 200)))).isoformat(),
            "distance_km": draw(st.sampled_from([5.0, 10.0, 21.1, 42.2])),
        }
    return out


@st.composite
def intakes(draw, red_flags=False, running_answers=None, symptom_answers=None, race_inside=None):
    """A valid intake; running_answers and symptom_answers narrow those parts to a strategy of their own.

    race_inside=True gives every runner a goal race inside the 8 weeks; by default half the goal races drawn
    fall inside them, where the plan has to make room for the race.
    """
    now = draw(st.integers(0, 10))
    aggravated, eased = draw(symptom_answers if symptom_answers is not None else symptoms())
    flags = {f: False for f in RED_FLAGS}
    if red_flags:
        flags |= {f: draw(st.booleans()) for f in RED_FLAGS}
    start = dt.date(2026, 11, 30) + dt.timedelta(days=draw(st.integers(0, 400)))
    running_answer = draw(running_answers if running_answers is not None else running())
    if race_inside or (race_inside is None and running_answer.get("goal_race") and draw(st.booleans())):
        running_answer["goal_race"] = {
            "name": "Goal race",
            "date": (start + dt.timedelta(days=draw(st.integers(0, 55)))).isoformat(),
            "distance_km": draw(st.sampled_from([5.0, 10.0, 21.1, 42.2])),
        }
    return {
        "format": "backstride.intake/1",
        "runner": {
            "name": "Runner",
            "age": draw(st.integers(16, 75)),
            "sex": draw(st.sampled_from(["female", "male", "other"])),
            "units": "km",
        },
        "start_date": start.isoformat(),
        "red_flags": flags,
        "pain": {
            "now": now,
            "worst_last_week": draw(st.integers(now, 10)),
            "weeks_since_onset": draw(st.integers(0, 60)),
            "previous_episodes": draw(st.integers(1, 6)),
            "pain_below_knee": draw(st.booleans()),
        },
        "aggravated_by": aggravated,
        "eased_by": eased,
        "startback": {i: draw(st.booleans()) for i in STARTBACK}
        | {"bothersomeness": draw(st.sampled_from(["not_at_all", "slightly", "moderately", "very_much", "extremely"]))},
        "odi": {s: draw(st.none() | st.integers(0, 5)) for s in ODI},
        "running": running_answer,
        "availability": {
            "days": draw(days.filter(bool)),
            "minutes_per_session": draw(st.integers(10, 90)),
            "sessions_per_week": draw(st.none() | st.integers(2, 4)),
        },
        "equipment": draw(st.lists(st.sampled_from(EQUIPMENT), unique=True)),
    }
