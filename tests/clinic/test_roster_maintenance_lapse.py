"""Two maintenance weeks missed: the reminders' job records the lapse, and the roster and the record show it."""

import pytest

from backstride.reminders.models import MaintenanceLapse

from .conftest import client_for

pytestmark = pytest.mark.django_db

ROSTER = "/clinic/"
BADGE = "No core session for 2 maintenance weeks"


def test_a_lapsed_runner_is_flagged_counted_and_found_by_the_filter(runner, clinician, today):
    MaintenanceLapse.objects.create(runner=runner, missed_weeks=2, as_of=today.day)
    client = client_for(clinician.user)
    html = client.get(ROSTER).content.decode()
    assert BADGE in html and "Maintenance lapsed: 1" in html
    assert runner.name in client.get(ROSTER, {"flag": "maintenance_lapsed"}).content.decode()
    record = client.get(f"/clinic/runners/{runner.pk}/").content.decode()
    assert BADGE in record


def test_without_a_lapse_there_is_no_flag_and_the_filter_lists_nobody(runner, clinician, today):
    client = client_for(clinician.user)
    assert BADGE not in client.get(ROSTER).content.decode()
    assert runner.name not in client.get(ROSTER, {"flag": "maintenance_lapsed"}).content.decode()


def test_the_record_says_whether_reminders_are_on_and_nothing_of_their_content(runner, clinician, today):
    record = client_for(clinician.user).get(f"/clinic/runners/{runner.pk}/").content.decode()
    assert "Reminders off" in record
