"""The runner turns reminders on and picks channels, time, quiet days and zone on the Settings page."""

import datetime as dt

from backstride.reminders.helpers import reminders_on
from backstride.reminders.models import ReminderSettings
from backstride.runners.models import Runner
from tests.web.conftest import client_for, make_runner


def test_the_settings_page_has_a_reminders_section_with_the_push_script(db):
    user, _runner = make_runner("lee")
    page = client_for(user).get("/settings/").content.decode()
    assert 'id="reminders"' in page and "Send me reminders" in page
    assert "push-subscribe.js" in page and 'data-worker-url="/sw.js"' in page
    assert "<script>" not in page  # the content security policy allows no inline script


def test_saving_the_section_stores_the_choices_and_the_runners_time_zone(db):
    user, runner = make_runner("lee")
    assert not reminders_on(runner)
    form = {"enabled": "on", "email": "on", "at": "06:45", "quiet_days": ["5", "6"], "time_zone": "America/New_York"}
    response = client_for(user).post("/reminders/settings/", form)
    assert response.status_code == 302 and response["Location"].endswith("/settings/#reminders")
    prefs = ReminderSettings.objects.get(user=user)
    assert (prefs.enabled, prefs.email, prefs.push, prefs.at, prefs.quiet_days) == (
        True,
        True,
        False,
        dt.time(6, 45),
        [5, 6],
    )
    assert Runner.objects.get(pk=runner.pk).time_zone == "America/New_York"
    assert reminders_on(Runner.objects.get(pk=runner.pk))


def test_an_unknown_time_zone_is_refused_and_nothing_changes(db):
    user, runner = make_runner("lee")
    form = {"enabled": "on", "email": "on", "at": "06:45", "time_zone": "Mars/Olympus"}
    client_for(user).post("/reminders/settings/", form)
    assert not ReminderSettings.objects.exists() and Runner.objects.get(pk=runner.pk).time_zone != "Mars/Olympus"


def test_reminders_with_no_channel_that_can_reach_the_runner_count_as_off(db):
    user, runner = make_runner("lee")
    ReminderSettings.objects.create(user=user, enabled=True, email=False, push=True)
    assert not reminders_on(runner)  # push chosen, but no browser subscribed


def test_the_push_script_and_service_worker_are_served(db):
    from django.test import Client

    for name in ("push-subscribe.js",):
        response = Client().get(f"/static/backstride/{name}")
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"showNotification" in body or b"pushManager" in body


def test_a_clinician_turns_the_weekly_summary_on_in_their_own_zone(clinician):
    client = client_for(clinician)
    assert "Weekly summary" in client.get("/reminders/digest/").content.decode()
    response = client.post("/reminders/digest/", {"enabled": "on", "at": "07:30", "time_zone": "Europe/Berlin"})
    assert response.status_code == 302
    prefs = ReminderSettings.objects.get(user=clinician)
    assert (prefs.enabled, prefs.at, prefs.time_zone) == (True, dt.time(7, 30), "Europe/Berlin")


def test_the_weekly_summary_page_is_for_clinicians_only(db):
    user, _runner = make_runner("lee")
    assert client_for(user).get("/reminders/digest/").status_code == 403
