"""The library's words, checked against the rules they teach.

What to do when a stop_if line comes true, leg symptoms named in full, the direction
each stretch loads the back, one movement per exercise, the anti-rotation chain, and
one walk-run protocol shared with the planner.
"""

import re

import pytest
import yaml

from backstride.core.library.library import default_exercise_dir
from backstride.core.library.schema import LEG_SIGNS, ExerciseSchema, stop_if_problem
from backstride.core.planner.running import (
    ACCEPTABLE_RUN_PAIN,
    RUNS_PER_STAGE,
    SAFE_RUN_PAIN,
    WALK_MINUTES,
    WALK_RUN_STAGES,
)
from backstride.core.planner.selection import pick, rules_for
from backstride.core.profile import FLEXION_SENSITIVE, RETURN_TO_RUN_MAX_REST_PAIN

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four"}
LEG_WORDS = ("numb", "pins and needles", "tingl", "weak", "spreads into")
HOME_EQUIPMENT = {"mat", "wall", "chair", "step"}
STAGE_PATTERN = re.compile(r"run (\d+) minutes?, walk (\d+) minutes?, (\d+) times")
ANY_RUN_WALK_PAIR = re.compile(r"run (\d+) min\w*\W+(?:then )?walk (\d+) min", re.IGNORECASE)


def _data(slug: str) -> dict:
    return yaml.safe_load((default_exercise_dir() / f"{slug}.yaml").read_text())


def _words(e) -> str:
    """Everything a runner reads about one exercise, as one string."""
    return " ".join([e.name, e.purpose, e.setup, *e.steps, *e.cues, *e.common_mistakes, e.should_feel, *e.stop_if])


def _action(line: str) -> str:
    """What a stop_if line says to do: everything after its first sentence."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", line, maxsplit=1)
    return parts[1] if len(parts) == 2 else ""


def _about_leg_symptoms(line: str) -> bool:
    text = line.lower()
    return bool(re.search(r"\blegs?\b", text)) and any(w in text for w in LEG_WORDS)


# -- stop_if: every line says what to do next ------------------------------------------


def test_every_stop_if_line_says_what_to_do_next(library):
    for e in library:
        for line in e.stop_if:
            assert stop_if_problem(line) is None, (e.slug, line)
            action = _action(line).lower()
            assert action.startswith(("stop", "slow down", "record")), (e.slug, line)
            assert len(action.split()) >= 8, (e.slug, line)


@pytest.mark.parametrize(
    "line",
    [
        # the old lines, which only described the symptom
        "Back pain rises above 5 out of 10 during the exercise.",
        "Pain spreads into a leg, or you notice numbness, pins and needles or weakness in a leg.",
        "You feel sharp pain in a knee.",
        # an action squeezed into the same sentence is not a separate instruction
        "Back pain rises above 5 out of 10 while walking; slow down, and stop if it does not settle.",
        # stopping with no next step
        "Back pain rises above 5 out of 10 during the exercise. Stop.",
        # a next step with nothing to do now
        "You feel sharp pain in a knee. A physiotherapist may want to check it.",
    ],
)
def test_a_stop_if_line_that_does_not_say_what_to_do_now_and_next_is_rejected(line):
    data = _data("bird-dog")
    data["stop_if"] = [data["stop_if"][0], line]
    with pytest.raises(ValueError, match=r"stop_if\[2\]"):
        ExerciseSchema.model_validate(data)


def test_a_leg_symptom_line_that_leaves_out_weakness_is_rejected():
    data = _data("bird-dog")
    data["stop_if"][0] = (
        "Pain spreads into a leg, or you feel numbness or pins and needles. Stop the exercise and tick leg "
        "symptoms in your next morning check-in."
    )
    with pytest.raises(ValueError, match="leg symptoms"):
        ExerciseSchema.model_validate(data)


def test_every_line_about_leg_symptoms_names_numbness_pins_and_needles_and_weakness(library):
    lines = [(e.slug, line) for e in library for line in e.stop_if if _about_leg_symptoms(line)]
    assert len(lines) >= len(library)
    for slug, line in lines:
        assert all(sign in line for sign in LEG_SIGNS), (slug, line)


def test_every_exercise_sends_leg_symptoms_to_the_check_in_a_clinician_and_if_worsening_the_emergency_department(
    library,
):
    for e in library:
        leg = [line for line in e.stop_if if all(sign in line for sign in LEG_SIGNS)]
        assert leg, e.slug
        line = leg[0]
        assert "leg symptoms" in line and "check-in" in line, e.slug
        assert "physiotherapist or doctor" in line and "within a few days" in line, e.slug
        assert "both legs" in line and "emergency department the same day" in line, e.slug


def test_bird_dog_stops_for_numbness_pins_and_needles_and_weakness_in_a_leg(library):
    leg = [line for line in library["bird-dog"].stop_if if "into a leg" in line]
    assert len(leg) == 1
    assert all(sign in leg[0] for sign in ("numbness", "pins and needles", "weakness in a leg")), leg[0]


def test_pain_above_five_stops_the_exercise_and_is_logged_so_the_plan_steps_back(library):
    for e in library:
        sign = f"Back pain rises above {ACCEPTABLE_RUN_PAIN} out of 10"
        lines = [line for line in e.stop_if if line.startswith(sign)]
        assert len(lines) == 1, e.slug
        if e.slug == "brisk-walk":  # a walk is not logged; the next morning's check-in shows how it went
            assert "check-in" in lines[0], lines[0]
        else:
            assert "when you log the" in lines[0], (e.slug, lines[0])


def test_a_stop_if_line_naming_the_easier_version_names_the_exercise_it_regresses_to(library):
    for e in library:
        for line in e.stop_if:
            if e.regression is None:
                assert "easier version" not in line, (e.slug, line)
                continue
            for named in re.findall(r"the easier version, ([A-Z][^,;.]*)", line):
                assert library[e.regression].name.startswith(named.strip()), (e.slug, named)


# -- which way each stretch loads the back ---------------------------------------------


def test_stretches_that_draw_a_knee_or_thigh_to_the_chest_are_tagged_for_flexion(library):
    for slug in ("figure-four-stretch", "single-knee-to-chest", "double-knee-to-chest", "childs-pose"):
        assert "flexion" in library[slug].loads, slug
    for e in library:
        steps = " ".join(e.steps).lower()
        if re.search(r"(knee|knees|thigh)\b[^.]*\btowards your chest", steps):
            assert "flexion" in e.loads, e.slug


def test_a_flexion_sensitive_runner_is_not_given_the_figure_four_stretch_in_the_first_four_weeks(library):
    stretch = library["figure-four-stretch"]
    assert not rules_for(frozenset({"mat"}), FLEXION_SENSITIVE, 4).allows(stretch)
    assert rules_for(frozenset({"mat"}), FLEXION_SENSITIVE, 5).allows(stretch)  # stretches come back gently


# -- one movement per exercise ---------------------------------------------------------


def test_plank_with_knee_lifts_describes_one_movement_a_knee_drawn_forward_from_a_forearm_plank(library):
    e = library["plank-knee-lifts"]
    assert "Knee Lifts" in e.name
    assert "forearms" in e.setup and "either" not in e.setup and "straight arms" not in e.setup
    assert "knee" in e.purpose and "forward" in e.purpose
    assert "knee" in e.steps[0] and "forward" in e.steps[0]
    assert not any(", or " in step for step in e.steps), e.steps  # no second movement offered
    for field in ("cues", "common_mistakes"):
        assert any("knee" in line for line in getattr(e, field)), field
    assert "knee" in e.should_feel and "lifted leg" not in e.should_feel
    assert not any("leg so high" in line for line in e.common_mistakes)
    assert e.dosage.per_side and e.dosage.type == "reps"


# -- the anti-rotation chain -----------------------------------------------------------


def test_a_level_two_step_sits_between_wall_press_with_rotations_and_plank_shoulder_taps(library):
    chain = library.chain("wall-press-rotations")
    start = chain.index("wall-press-rotations")
    assert chain[start : start + 3] == ("wall-press-rotations", "kneeling-shoulder-taps", "plank-shoulder-taps")
    wall, kneeling, floor = (library[s] for s in chain[start : start + 3])
    assert (wall.level, kneeling.level, floor.level) == (1, 2, 3)
    assert kneeling.category == "anti_rotation" and kneeling.name == "Kneeling Shoulder Taps"
    # nothing the full shoulder taps do not already need, so the step never blocks the climb to them
    assert kneeling.needs and kneeling.needs <= floor.needs <= HOME_EQUIPMENT
    assert (kneeling.author, kneeling.licence) == (floor.author, floor.licence)
    assert kneeling.dosage.type == floor.dosage.type and kneeling.dosage.per_side == floor.dosage.per_side


def test_rotation_control_climbs_from_the_wall_through_the_kneeling_taps_to_the_floor_taps(library):
    def chosen(level: int) -> str:
        rules = rules_for(frozenset({"mat", "wall"}), "none", 5)
        return pick(library, "rotation_control", level, "none", rules, set()).slug

    assert [chosen(level) for level in (1, 2, 3)] == [
        "wall-press-rotations",
        "kneeling-shoulder-taps",
        "plank-shoulder-taps",
    ]


# -- one walk-run protocol -------------------------------------------------------------


def test_the_walk_run_exercise_names_only_run_walk_patterns_the_planner_uses(library):
    text = _words(library["walk-run-intervals"])
    named = [tuple(int(n) for n in m) for m in STAGE_PATTERN.findall(text)]
    assert named, "the walk-run exercise should name its first stage as 'run N minutes, walk M minutes, K times'"
    assert set(named) <= set(WALK_RUN_STAGES), named
    assert named[0] == WALK_RUN_STAGES[0]
    pairs = [(int(r), int(w)) for r, w in ANY_RUN_WALK_PAIR.findall(text)]
    assert set(pairs) <= {(r, w) for r, w, _ in WALK_RUN_STAGES}, pairs


def test_the_walk_run_exercise_ends_where_the_planner_ends_with_continuous_running(library):
    run_min, walk_min, repeats = WALK_RUN_STAGES[-1]
    assert (walk_min, repeats) == (0, 1)
    text = _words(library["walk-run-intervals"])
    continuous = [int(n) for n in re.findall(r"(\d+) minutes of continuous", text)]
    assert continuous == [run_min]


def test_the_walk_run_exercise_moves_up_by_the_planners_rule(library):
    text = _words(library["walk-run-intervals"])
    assert f"{NUMBER_WORDS[RUNS_PER_STAGE]} runs at this stage" in text
    assert f"pain {SAFE_RUN_PAIN} out of 10 or less" in text
    assert "next morning no worse than usual" in text
    assert "rest day between" in text
    assert not re.search(r"minutes? longer|up to about", text), "the old add-a-minute progression is back"


def test_the_stage_shape_the_walk_run_text_describes_is_the_planners(library):
    # the text says each later stage runs longer and walks the same or shorter
    assert "runs longer and the walks the same or shorter" in " ".join(library["walk-run-intervals"].steps)
    runs = [r for r, _, _ in WALK_RUN_STAGES]
    walks = [w for _, w, _ in WALK_RUN_STAGES]
    assert runs == sorted(set(runs))
    assert walks == sorted(walks, reverse=True)


def test_the_walk_run_dosage_ladder_is_the_running_time_of_each_planner_stage(library):
    e = library["walk-run-intervals"]
    assert e.dosage.type == "time"
    assert [s.minutes for s in e.dosage.steps] == [r * n for r, _, n in WALK_RUN_STAGES]
    assert all(s.sets == 1 for s in e.dosage.steps)


def test_no_running_exercise_contradicts_the_walk_run_stages(library):
    stages = {(r, w) for r, w, _ in WALK_RUN_STAGES}
    final = WALK_RUN_STAGES[-1][0]
    for e in library.in_category("walk_run"):
        text = _words(e)
        pairs = {(int(r), int(w)) for r, w in ANY_RUN_WALK_PAIR.findall(text)}
        assert pairs <= stages, (e.slug, pairs)
        for n in re.findall(r"(\d+) minutes (?:of continuous|without a break)", text):
            assert int(n) == final, (e.slug, n)
    easy = _words(library["easy-run"])
    assert f"{final} minutes without a break" in easy


def test_brisk_walk_names_the_planners_criteria_for_starting_walk_run(library):
    text = _words(library["brisk-walk"])
    assert f"{max(WALK_MINUTES)} minutes of brisk walking is comfortable" in text
    assert f"pain at rest is {RETURN_TO_RUN_MAX_REST_PAIN} out of 10 or less" in text
    assert "stage 1 of Walk-Run Intervals" in text


def test_every_running_exercise_stops_the_run_and_walks_home_above_the_acceptable_pain(library):
    for e in library.in_category("walk_run"):
        if e.slug == "brisk-walk":
            continue
        line = next(s for s in e.stop_if if s.startswith(f"Back pain rises above {ACCEPTABLE_RUN_PAIN} out of 10"))
        assert "Stop running and walk home" in line, (e.slug, line)
