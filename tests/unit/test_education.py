"""The lessons, checked as one (files, words, sources), and when a runner meets each of them."""

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from backstride.core.education import (
    MAINTENANCE_EVERY_WEEKS,
    LessonError,
    lesson_by_slug,
    lesson_of_the_day,
    lessons_unlocked,
    load_lessons,
)
from backstride.core.education.lessons import default_lesson_dir, parse_lesson_file
from backstride.core.education.schedule import FLARE_UP_LESSON, MAINTENANCE_FROM_WEEK

CLINICAL = Path(__file__).parents[2].parent / "shared/docs/CLINICAL.md"
LESSON_FILES = sorted(default_lesson_dir().glob("*.yaml"))
THE_SIX = (
    "hurt-is-not-harm",
    "why-pain-comes-back",
    "finish-all-eight-weeks",
    "one-session-a-week-for-good",
    "pacing-and-flare-ups",
    "running-and-your-back",
)
START = dt.date(2026, 12, 7)  # a Monday, the first day of week 1


def first_day_of(week: int) -> dt.date:
    return START + dt.timedelta(weeks=week - 1)


def slugs(lessons) -> list[str]:
    return [x.slug for x in lessons]


def _lesson_data(slug: str = "hurt-is-not-harm") -> dict:
    return yaml.safe_load((default_lesson_dir() / f"{slug}.yaml").read_text())


# -- the files ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", LESSON_FILES, ids=lambda p: p.stem)
def test_every_lesson_file_validates_and_is_named_after_its_slug(path):
    assert parse_lesson_file(path).slug == path.stem


def test_the_six_core_lessons_are_all_there():
    assert set(THE_SIX) <= set(slugs(load_lessons()))


@pytest.mark.parametrize("lesson", load_lessons(), ids=lambda x: x.slug)
def test_every_lesson_is_120_to_250_words_long(lesson):
    assert 120 <= lesson.words <= 250


@pytest.mark.parametrize("lesson", load_lessons(), ids=lambda x: x.slug)
def test_every_lesson_carries_its_licence_and_author(lesson):
    assert lesson.licence == "CC-BY-4.0" and lesson.author


@pytest.mark.parametrize("lesson", load_lessons(), ids=lambda x: x.slug)
def test_every_source_of_every_lesson_is_named_in_the_clinical_rules(lesson):
    if not CLINICAL.exists():
        pytest.skip(f"the clinical rules reference is not at {CLINICAL}")
    clinical = " ".join(CLINICAL.read_text(encoding="utf-8").split())  # citations wrap across lines there
    assert lesson.sources
    for source in lesson.sources:
        assert " ".join(source.split()) in clinical, f"{lesson.slug}: {source!r} is not in CLINICAL.md"


def test_the_flare_up_lesson_states_the_programs_flare_up_rule_and_the_emergency_signs():
    text = " ".join(lesson_by_slug(FLARE_UP_LESSON).body)
    assert "2 or more points above your usual two days in a row" in text
    assert "7 out of 10" in text and "3 to 7 days" in text
    assert "bladder or bowel" in text and "emergency department the same day" in text


def test_the_hurt_is_not_harm_lesson_gives_the_traffic_light_numbers():
    text = " ".join(lesson_by_slug("hurt-is-not-harm").body)
    assert re.search(r"0 to 2: safe.*3 to 5: acceptable.*above 5: stop", text)


def test_an_unknown_field_is_rejected_naming_the_file_and_the_field(tmp_path):
    (tmp_path / "hurt-is-not-harm.yaml").write_text(yaml.safe_dump(_lesson_data() | {"video": "x.mp4"}))
    with pytest.raises(LessonError, match=r"^hurt-is-not-harm.yaml: video: Extra inputs are not permitted"):
        parse_lesson_file(tmp_path / "hurt-is-not-harm.yaml")


def test_a_missing_source_list_is_rejected_naming_the_field(tmp_path):
    data = _lesson_data()
    del data["sources"]
    (tmp_path / "hurt-is-not-harm.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(LessonError, match=r"hurt-is-not-harm.yaml: sources: Field required"):
        parse_lesson_file(tmp_path / "hurt-is-not-harm.yaml")


def test_a_higher_risk_week_later_than_the_low_risk_week_is_rejected(tmp_path):
    data = _lesson_data() | {"week": 2, "week_for_higher_risk": 3}
    (tmp_path / "hurt-is-not-harm.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(LessonError, match="week_for_higher_risk .3. must not be after week .2."):
        parse_lesson_file(tmp_path / "hurt-is-not-harm.yaml")


def test_a_summary_of_two_sentences_is_rejected(tmp_path):
    data = _lesson_data() | {"summary": "Pain is common. It is not damage."}
    (tmp_path / "hurt-is-not-harm.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(LessonError, match="summary: Value error, must be one sentence"):
        parse_lesson_file(tmp_path / "hurt-is-not-harm.yaml")


def test_a_file_whose_slug_differs_from_its_name_is_rejected(tmp_path):
    (tmp_path / "other.yaml").write_text(yaml.safe_dump(_lesson_data()))
    with pytest.raises(LessonError, match="other.yaml: slug 'hurt-is-not-harm' must match the file name"):
        parse_lesson_file(tmp_path / "other.yaml")


def test_a_second_load_reads_the_validated_cache_and_gives_the_same_lessons(tmp_path, monkeypatch):
    monkeypatch.setenv("BACKSTRIDE_CACHE_DIR", str(tmp_path))
    first = load_lessons.__wrapped__(default_lesson_dir())
    assert list(tmp_path.glob("lessons-*.json"))
    assert load_lessons.__wrapped__(default_lesson_dir()) == first


# -- the schedule -------------------------------------------------------------------------


def test_a_lesson_is_not_shown_the_day_before_its_week():
    running = lesson_by_slug("running-and-your-back")
    eve = first_day_of(running.week) - dt.timedelta(days=1)
    assert running not in lessons_unlocked(START, eve, "low")
    assert lesson_of_the_day(START, eve, "low") != running


def test_a_lesson_is_shown_on_the_first_day_of_its_week():
    running = lesson_by_slug("running-and-your-back")
    day = first_day_of(running.week)
    assert running in lessons_unlocked(START, day, "low")
    assert lesson_of_the_day(START, day, "low") == running


@pytest.mark.parametrize("risk", ["medium", "high"])
def test_medium_and_high_risk_runners_meet_a_lesson_earlier(risk):
    lesson = lesson_by_slug("why-pain-comes-back")
    assert lesson.week_for_higher_risk < lesson.week
    day = first_day_of(lesson.week_for_higher_risk)
    assert lesson in lessons_unlocked(START, day, risk)
    assert lesson not in lessons_unlocked(START, day, "low")


def test_only_medium_and_high_risk_runners_get_the_lesson_written_for_them():
    worry = lesson_by_slug("worry-and-your-back")
    assert worry.week is None
    end_of_program = first_day_of(8) + dt.timedelta(days=6)
    assert worry not in lessons_unlocked(START, end_of_program, "low")
    assert worry in lessons_unlocked(START, first_day_of(worry.week_for_higher_risk), "high")
    low, high = lessons_unlocked(START, end_of_program, "low"), lessons_unlocked(START, end_of_program, "high")
    assert len(high) == len(low) + 1


def test_unlocked_lessons_stay_unlocked_in_the_order_they_unlocked():
    weeks = [x.week for x in lessons_unlocked(START, first_day_of(8), "low")]
    assert weeks == sorted(weeks) and len(weeks) == 6


def test_lessons_unlocking_in_the_same_week_share_it_in_order():
    # At higher risk, hurt-is-not-harm and the flare-up plan both unlock in week 1.
    assert lesson_of_the_day(START, START, "high").slug == "hurt-is-not-harm"
    assert lesson_of_the_day(START, START + dt.timedelta(days=6), "high").slug == "pacing-and-flare-ups"


def test_nothing_is_shown_before_the_program_starts():
    eve = START - dt.timedelta(days=1)
    assert lessons_unlocked(START, eve, "high") == []
    assert lesson_of_the_day(START, eve, "high") is None


def test_a_week_that_unlocks_nothing_has_no_lesson_of_the_day():
    week6 = first_day_of(6)
    assert all(x.week != 6 for x in load_lessons())
    assert lesson_of_the_day(START, week6, "low") is None


def test_in_maintenance_a_flagged_lesson_recurs_every_interval_weeks():
    assert MAINTENANCE_EVERY_WEEKS == 4
    shown = lesson_of_the_day(START, first_day_of(MAINTENANCE_FROM_WEEK), "low")
    assert shown is not None and shown.maintenance
    between = first_day_of(MAINTENANCE_FROM_WEEK + 1), first_day_of(MAINTENANCE_FROM_WEEK + MAINTENANCE_EVERY_WEEKS - 1)
    assert [lesson_of_the_day(START, d, "low") for d in between] == [None, None]
    following = lesson_of_the_day(START, first_day_of(MAINTENANCE_FROM_WEEK + MAINTENANCE_EVERY_WEEKS), "low")
    assert following is not None and following.maintenance and following != shown


def test_in_maintenance_every_flagged_lesson_comes_round_and_no_other():
    flagged = {x.slug for x in load_lessons() if x.maintenance and x.week is not None}
    weeks = range(MAINTENANCE_FROM_WEEK, MAINTENANCE_FROM_WEEK + 2 * MAINTENANCE_EVERY_WEEKS * len(flagged))
    shown = {lesson_of_the_day(START, first_day_of(w), "low") for w in weeks} - {None}
    assert {x.slug for x in shown} == flagged
    assert "finish-all-eight-weeks" not in flagged


def test_during_a_flare_up_the_lesson_of_the_day_is_the_flare_up_plan():
    assert lesson_of_the_day(START, first_day_of(6), "low", flare_up=True).slug == FLARE_UP_LESSON


def test_an_unknown_risk_is_refused():
    with pytest.raises(ValueError, match="risk must be one of: low, medium, high"):
        lessons_unlocked(START, START, "moderate")
