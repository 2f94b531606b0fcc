"""Every pain rating starts empty, so an untouched field is never saved as 0/10; a missing one is asked for."""

import datetime as dt
import re

import pytest

from backstride.runners.models import CheckIn, RunLog, SessionLog

from .conftest import client_for

MONDAY = "2026-12-07"  # Sam's first session


def input_tag(html: str, name: str) -> str:
    tags = re.findall(rf'<input\b[^>]*\bname="{name}"[^>]*>', html)
    assert len(tags) == 1, (name, tags)
    return tags[0]


def messages_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.parametrize("name", ["pain_before", "pain_during", "pain_after", "effort"])
def test_each_rating_of_todays_session_is_a_number_field_that_starts_empty(sam, name):
    user, _runner = sam
    html = client_for(user).get(f"/today/?date={MONDAY}").content.decode()

    tag = input_tag(html, name)
    assert 'type="number"' in tag and 'min="0"' in tag and 'max="10"' in tag
    assert "value=" not in tag
    assert 'type="range"' not in html


def test_pain_during_and_after_are_marked_required_on_todays_session(sam):
    user, _runner = sam
    html = client_for(user).get(f"/today/?date={MONDAY}").content.decode()
    assert " required" in input_tag(html, "pain_during") and " required" in input_tag(html, "pain_after")
    assert " required" not in input_tag(html, "pain_before")


def test_a_session_saved_without_its_pain_ratings_is_refused_with_a_message_for_each(sam):
    user, runner = sam
    response = client_for(user).post("/today/log/", {"date": MONDAY, "pain_before": "", "effort": ""}, follow=True)

    text = messages_of(response)
    assert "Not saved: Worst pain during: choose a number from 0 to 10." in text
    assert "Not saved: Pain after: choose a number from 0 to 10." in text
    assert not SessionLog.objects.filter(runner=runner).exists()


def test_pain_before_and_effort_may_be_left_empty_without_being_saved_as_zero(sam):
    user, runner = sam
    client_for(user).post("/today/log/", {"date": MONDAY, "pain_during": "3", "pain_after": "2"})

    log = SessionLog.objects.get(runner=runner)
    assert (log.date, log.pain_before, log.pain_during, log.pain_after) == (dt.date(2026, 12, 7), 3, 3, 2)
    assert log.effort is None


def test_the_check_in_starts_with_no_pain_and_a_missing_one_is_asked_for(sam):
    user, runner = sam
    client = client_for(user)
    tag = input_tag(client.get(f"/checkin/?date={MONDAY}").content.decode(), "pain")
    assert 'type="number"' in tag and "value=" not in tag

    response = client.post(f"/checkin/?date={MONDAY}", {"pain": "", "stiffness": "2"})

    assert "Choose your back pain this morning, from 0 to 10." in messages_of(response)
    assert not CheckIn.objects.filter(runner=runner).exists()


def test_the_run_form_starts_with_no_pain_and_a_missing_one_is_asked_for(sam):
    user, runner = sam
    client = client_for(user)
    tag = input_tag(client.get(f"/runs/new/?date={MONDAY}").content.decode(), "pain_during")
    assert 'type="number"' in tag and "value=" not in tag

    response = client.post("/runs/new/", {"date": MONDAY, "km": "5", "minutes": "30", "pain_during": ""})

    assert "Choose your worst pain during the run, from 0 to 10." in messages_of(response)
    assert not RunLog.objects.filter(runner=runner).exists()
