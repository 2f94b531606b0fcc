"""After the 8 weeks: the weekly session's reminder, a nudge after a missed week, and after two the reason why,
with a flag for the runner's clinician and a weekly digest that names them."""

import datetime as dt
import re

from django.core import mail

from backstride.accounts.models import Clinician
from backstride.clinic.models import CareLink
from backstride.reminders.models import MaintenanceLapse
from backstride.runners.models import SessionLog

from .conftest import FIRST_MAINTENANCE, at, turn_on

WEEK = dt.timedelta(weeks=1)


def maintenance_kind(found):
    return [k for k, _channel in found if k.startswith("maintenance")]


def test_the_weekly_session_is_reminded_then_nudged_then_explained(sam, claimed):
    assert maintenance_kind(claimed(at(FIRST_MAINTENANCE, 8, 5))) == ["maintenance"]
    assert maintenance_kind(claimed(at(FIRST_MAINTENANCE + WEEK, 8, 5))) == ["maintenance_nudge"]
    assert maintenance_kind(claimed(at(FIRST_MAINTENANCE + 2 * WEEK, 8, 5))) == ["maintenance_why"]


def test_a_session_logged_in_the_week_keeps_the_plain_reminder(sam, claimed):
    _user, runner = sam
    SessionLog.objects.create(
        runner=runner, date=FIRST_MAINTENANCE + dt.timedelta(days=2), pain_before=1, pain_during=1, pain_after=1
    )
    assert maintenance_kind(claimed(at(FIRST_MAINTENANCE + WEEK, 8, 5))) == ["maintenance"]


def test_the_second_missed_week_says_in_plain_words_why_the_weekly_session_matters(sam, send_due):
    send_due(at(FIRST_MAINTENANCE + 2 * WEEK, 8, 5))
    why = next(m for m in mail.outbox if m.subject == "Why the weekly session matters")
    assert "halves" in why.body and "one core session a week for good" in why.body


def test_two_missed_weeks_flag_a_runner_who_has_a_clinician_and_a_session_clears_it(sam, claimed, clinician):
    _user, runner = sam
    claimed(at(FIRST_MAINTENANCE + 2 * WEEK, 8, 5))
    assert not MaintenanceLapse.objects.exists()  # no clinician, no roster to flag on
    CareLink.objects.create(clinician=Clinician.objects.get(user=clinician), runner=runner)
    claimed(at(FIRST_MAINTENANCE + 2 * WEEK, 8, 10))
    lapse = MaintenanceLapse.objects.get(runner=runner)
    assert (lapse.missed_weeks, lapse.as_of) == (2, FIRST_MAINTENANCE + 2 * WEEK)
    SessionLog.objects.create(
        runner=runner, date=FIRST_MAINTENANCE + 2 * WEEK, pain_before=0, pain_during=0, pain_after=0
    )
    claimed(at(FIRST_MAINTENANCE + 2 * WEEK + dt.timedelta(days=1), 8, 5))
    assert not MaintenanceLapse.objects.exists()


def test_the_clinicians_weekly_digest_names_runners_to_look_at_and_no_health_details(sam, send_due, clinician):
    _user, runner = sam
    CareLink.objects.create(clinician=Clinician.objects.get(user=clinician), runner=runner)
    turn_on(clinician, time_zone="Europe/Berlin", at=dt.time(7, 0))
    monday = FIRST_MAINTENANCE + 2 * WEEK
    send_due(at(monday, 5, 30))  # 06:30 in Berlin: not yet
    assert not [m for m in mail.outbox if m.to == [clinician.email]]
    send_due(at(monday, 6, 5))
    [digest] = [m for m in mail.outbox if m.to == [clinician.email]]
    assert digest.subject == "Your weekly runner summary" and "- Sam" in digest.body
    words = re.sub(r"https?://\S+", "", digest.body).lower()  # a link's random token may spell anything
    assert "pain" not in words and "flag" not in words
    send_due(at(monday + dt.timedelta(days=1), 6, 5))  # weekly: nothing on Tuesday
    assert len([m for m in mail.outbox if m.to == [clinician.email]]) == 1
