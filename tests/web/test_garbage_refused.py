"""What must never be stored, refused with a message that names the field, on the web and the command line:
exercises the library does not know, notes longer than a log holds, hidden characters in names and notes;
and rating activities never drops the ones chosen before."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from backstride.core.errors import InputError
from backstride.core.intake import parse_intake
from backstride.core.questionnaires import psfs
from backstride.runners.models import OutcomeMeasure, SessionLog

from .conftest import EXAMPLES, client_for, make_runner
from .test_runner_forms import text_of

pytestmark = pytest.mark.django_db

SESSION = {"date": "2026-12-08", "pain_before": "2", "pain_during": "2", "pain_after": "2", "effort": "5"}
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "gel" + RLO + "txt" shows as "geltxt" read backwards at the end
HIDDEN = ["\u202a", "\u202e", "\u2066", "\u2069"]  # the first and last of each range


def logged(response) -> str:
    assert response.status_code == 200
    return text_of(response)


# -- exercises that are not in the library ----------------------------------------------------------


def test_a_session_form_with_an_exercise_not_in_the_library_is_refused_naming_it(sam):
    user, runner = sam
    form = SESSION | {"count": "1", "slug_0": "no-such-exercise", "sets_0": "2", "set_0": ["1", "2"]}
    page = logged(client_for(user).post("/today/log/", form, follow=True))
    assert "Not saved: exercises.0.slug &#x27;no-such-exercise&#x27; is not in the exercise library" in page
    assert not SessionLog.objects.filter(runner=runner).exists()


def test_a_session_form_with_exercises_from_the_library_is_stored(sam):
    user, runner = sam
    form = SESSION | {"count": "1", "slug_0": "bird-dog", "sets_0": "2", "set_0": ["1", "2"]}
    client_for(user).post("/today/log/", form)
    assert [e.slug for e in SessionLog.objects.get(runner=runner).exercises.all()] == ["bird-dog"]


# -- notes longer than a log holds --------------------------------------------------------------------


def test_a_web_note_over_2000_characters_is_refused_with_a_message_not_cut(sam):
    user, runner = sam
    page = logged(client_for(user).post("/today/log/", SESSION | {"note": "x" * 2001}, follow=True))
    assert "Not saved: The note is 2001 characters long: keep it to 2000." in page
    assert not SessionLog.objects.filter(runner=runner).exists()


def test_a_web_note_of_2000_characters_is_stored_whole(sam):
    user, runner = sam
    client_for(user).post("/today/log/", SESSION | {"note": "y" * 2000})
    assert SessionLog.objects.get(runner=runner).note == "y" * 2000


def test_the_note_box_says_how_long_a_note_may_be(sam):
    user, _runner = sam
    assert 'maxlength="2000"' in client_for(user).get("/today/?date=2026-12-07").content.decode()


# -- hidden characters in names and notes ---------------------------------------------------------------


@pytest.mark.parametrize("char", HIDDEN)
def test_a_session_note_with_a_direction_control_is_refused_on_the_web(sam, char):
    user, runner = sam
    page = logged(client_for(user).post("/today/log/", SESSION | {"note": f"fine{char}"}, follow=True))
    assert f"Not saved: note must not contain U+{ord(char):04X}" in page
    assert "changes the direction of the text" in page
    assert not SessionLog.objects.filter(runner=runner).exists()


def test_a_name_with_a_direction_control_is_refused_at_intake_naming_the_field(sam):
    intake = json.loads((EXAMPLES / "intake-sam.json").read_text())
    intake["runner"]["name"] = f"Sam{RLO}"
    with pytest.raises(InputError) as refused:
        parse_intake(intake)
    assert refused.value.field == "runner.name"
    assert refused.value.message.startswith("must not contain U+202E")
    assert RLO not in str(refused.value)  # the text itself is not echoed back


def test_a_goal_race_with_the_nul_character_is_refused_at_intake(sam):
    intake = json.loads((EXAMPLES / "intake-sam.json").read_text())
    intake["running"]["goal_race"] = {"name": "City\x00 10K", "date": "2027-03-01", "distance_km": 10.0}
    with pytest.raises(InputError, match=r"running\.goal_race\.name: must not contain the NUL character"):
        parse_intake(intake)


def test_the_onboarding_form_refuses_a_name_with_a_direction_control(sam):
    user, _runner = sam
    client = client_for(user)
    client.post("/onboarding/", {"step": "consent", "consent-health_data": "on"})
    response = client.post(
        "/onboarding/", {"step": "about", "about-name": f"Ina{RLO}", "about-age": "46", "about-sex": "female"}
    )
    assert "must not contain U+202E" in text_of(response)


def test_an_activity_with_a_direction_control_is_refused_and_nothing_is_stored(sam):
    user, runner = sam
    form = {"measure": "psfs", "psfs_new": f"Hills{RLO}", "psfs_new_score": "4"}
    page = logged(client_for(user).post("/outcomes/?date=2026-12-08", form))
    assert "psfs.activity: must not contain U+202E" in page
    assert not OutcomeMeasure.objects.filter(runner=runner).exists()


def test_the_activity_scale_refuses_hidden_characters_whoever_calls_it():
    with pytest.raises(InputError, match=re.escape("psfs.activity: must not contain U+2066")):
        psfs.score({"Run\u2066 10 km": 5})


def test_a_clinicians_note_with_a_direction_control_is_refused_next_to_the_field(db, sam, clinician):
    from backstride.accounts.models import Clinician
    from backstride.clinic.services import link

    _user, runner = sam
    link(Clinician.objects.get(user=clinician), runner)
    response = client_for(clinician).post(
        f"/clinic/runners/{runner.pk}/adjust/", {"kind": "hold_phase", "hold_phase-note": f"Rest a week{RLO}"}
    )
    assert response.status_code == 400 and "must not contain U+202E" in text_of(response)
    assert not runner.adjustments.exists()


# -- the PSFS keeps the activities chosen before --------------------------------------------------------


def intake_with_activities(*names: str) -> dict:
    return {"psfs": [{"activity": name, "score": 3} for name in names]}


@pytest.fixture
def ria(db):
    return make_runner("ria", **intake_with_activities("Running downhill", "Sitting for an hour"))


def activities_on_the_form(client) -> list[str]:
    html = client.get("/outcomes/").content.decode()
    return re.findall(r'<label for="psfs_\d+">([^<]+)</label>', html)


def test_adding_an_activity_keeps_the_ones_chosen_at_intake(ria):
    user, _runner = ria
    client = client_for(user)
    form = {"measure": "psfs", "psfs_new": "Lifting the shopping", "psfs_new_score": "4"}

    assert client.post("/outcomes/?date=2026-12-08", form).status_code == 302

    assert activities_on_the_form(client) == ["Running downhill", "Sitting for an hour", "Lifting the shopping"]


def test_rating_only_some_activities_keeps_the_others_to_rate_next_time(ria):
    user, runner = ria
    client = client_for(user)
    client.post("/outcomes/?date=2026-12-08", {"measure": "psfs", "psfs_0": "5", "psfs_1": "6"})
    client.post("/outcomes/?date=2026-12-15", {"measure": "psfs", "psfs_1": "7"})

    assert activities_on_the_form(client) == ["Running downhill", "Sitting for an hour"]
    latest = OutcomeMeasure.objects.filter(runner=runner, kind="psfs").order_by("date").last()
    assert latest.data == {"Sitting for an hour": 7}  # nothing made up for the one left unrated


def test_a_new_activity_without_a_score_is_refused_rather_than_dropped(ria):
    user, runner = ria
    form = {"measure": "psfs", "psfs_0": "5", "psfs_new": "Lifting the shopping"}
    page = logged(client_for(user).post("/outcomes/?date=2026-12-08", form))
    assert "Lifting the shopping: give it a score from 0 to 10" in page
    assert not OutcomeMeasure.objects.filter(runner=runner).exists()


def test_a_new_activity_name_over_120_characters_is_refused_rather_than_cut(ria):
    user, runner = ria
    form = {"measure": "psfs", "psfs_new": "h" * 121, "psfs_new_score": "4"}
    page = logged(client_for(user).post("/outcomes/?date=2026-12-08", form))
    assert "new activity: its name is 121 characters long: keep it to 120" in page
    assert not OutcomeMeasure.objects.filter(runner=runner).exists()


def test_a_sixth_activity_is_refused_because_the_scale_takes_five(db):
    user, runner = make_runner("five", **intake_with_activities("A", "B", "C", "D", "E"))
    form = {"measure": "psfs", "psfs_0": "5", "psfs_new": "F", "psfs_new_score": "4"}
    page = logged(client_for(user).post("/outcomes/?date=2026-12-08", form))
    assert "new activity: you already rate 5 activities, the most the scale takes" in page
    assert not OutcomeMeasure.objects.filter(runner=runner).exists()


# -- the command line -------------------------------------------------------------------------------------


def cli(*args: str) -> tuple[int, str]:
    err = StringIO()
    try:
        call_command(*args, stderr=err, stdout=StringIO())
    except SystemExit as exc:
        return int(exc.code), err.getvalue()
    return 0, err.getvalue()


def test_the_command_line_refuses_a_session_file_with_an_exercise_not_in_the_library(sam, tmp_path):
    _user, runner = sam
    log = json.loads((EXAMPLES / "session-log.json").read_text())
    log["exercises"][1]["slug"] = "bird-dgo"
    path = tmp_path / "log.json"
    path.write_text(json.dumps(log))

    code, err = cli("log", "session", "--file", str(path))

    assert code == 2 and "exercises.1.slug: 'bird-dgo' is not in the exercise library" in err
    assert not SessionLog.objects.filter(runner=runner).exists()


def test_the_command_line_refuses_a_note_with_a_direction_control(sam):
    _user, runner = sam
    code, err = cli("log", "session", "--as-planned", "--pain-during", "2", "--date", "2026-12-08", "--note", RLO)
    assert code == 2 and "note: must not contain U+202E" in err
    assert not SessionLog.objects.filter(runner=runner).exists()


def test_the_command_line_refuses_an_activity_with_the_nul_character(sam):
    _user, runner = sam
    code, err = cli("log", "psfs", "--rating", "Hills\x00=4", "--date", "2026-12-08")
    assert code == 2 and "psfs.activity: must not contain the NUL character" in err
    assert not OutcomeMeasure.objects.filter(runner=runner).exists()
