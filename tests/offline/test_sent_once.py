"""A log sent again with the same idempotency key (the offline queue retrying, a double tap) is stored once."""

import uuid

import pytest
from django.test import RequestFactory

from backstride.offline.models import SentForm
from backstride.offline.once import store_once
from backstride.runners.models import CheckIn, RunLog, SessionLog
from tests.web.conftest import client_for, make_runner

DAY = "2026-12-08"  # the Tuesday of Sam's first week, before the tests' "today"
CHECKIN = ("/checkin/?date=" + DAY, {"pain": "3"}, CheckIn)
RUN = ("/runs/new/", {"date": DAY, "km": "5", "minutes": "30", "pain_during": "2", "pain_after": "1"}, RunLog)
SESSION = ("/today/log/", {"date": DAY, "pain_during": "2", "pain_after": "2", "effort": "5"}, SessionLog)
FORMS = pytest.mark.parametrize("url, form, model", [CHECKIN, RUN, SESSION], ids=["checkin", "run", "session"])


@FORMS
def test_a_form_sent_twice_with_one_key_stores_one_log_and_both_answers_lead_to_today(sam, url, form, model):
    user, runner = sam
    client = client_for(user)
    key = str(uuid.uuid4())
    answers = [client.post(url, form | {"idempotency_key": key}) for _ in range(2)]
    assert [a.status_code for a in answers] == [302, 302]
    assert all(a["Location"] == "/today/" for a in answers)
    assert model.objects.filter(runner=runner).count() == 1
    assert SentForm.objects.filter(user=user, key=key).count() == 1


@FORMS
def test_the_key_may_come_in_the_idempotency_key_header(sam, url, form, model):
    user, runner = sam
    client = client_for(user)
    key = str(uuid.uuid4())
    for _ in range(3):
        client.post(url, form, headers={"Idempotency-Key": key})
    assert model.objects.filter(runner=runner).count() == 1


def test_the_repeat_says_what_the_first_answer_said(sam):
    user, _runner = sam
    client = client_for(user)
    form = CHECKIN[1] | {"idempotency_key": str(uuid.uuid4())}
    client.post(CHECKIN[0], form)
    page = client.post(CHECKIN[0], form, follow=True).content.decode()
    assert "Checked in. Thank you." in page


def test_two_runs_without_a_key_are_two_runs(sam):
    user, runner = sam
    client = client_for(user)
    for _ in range(2):
        client.post(RUN[0], RUN[1])
    assert RunLog.objects.filter(runner=runner).count() == 2


def test_a_refused_log_does_not_keep_its_key_so_the_corrected_form_can_be_sent(sam):
    user, runner = sam
    client = client_for(user)
    client.post(CHECKIN[0], CHECKIN[1])  # this morning's check-in, sent from another phone
    key = str(uuid.uuid4())
    refused = client.post(CHECKIN[0], {"pain": "4", "idempotency_key": key})
    assert refused.status_code == 200 and "already a check-in" in refused.content.decode()
    assert not SentForm.objects.filter(key=key).exists()
    client.post("/checkin/?date=2026-12-09", {"pain": "4", "idempotency_key": key})
    assert CheckIn.objects.filter(runner=runner).count() == 2


def test_one_key_used_by_two_runners_stores_a_log_for_each(sam, other):
    key = str(uuid.uuid4())
    for user, _runner in (sam, other):
        client_for(user).post(RUN[0], RUN[1] | {"idempotency_key": key})
    assert RunLog.objects.count() == 2


def test_a_key_that_is_not_a_plain_key_is_ignored_and_the_log_stored(sam):
    user, runner = sam
    client_for(user).post(RUN[0], RUN[1] | {"idempotency_key": "<script>" * 20})
    assert RunLog.objects.filter(runner=runner).count() == 1 and not SentForm.objects.exists()


def test_a_key_taken_between_the_check_and_the_store_stores_nothing(db):
    # two requests racing: the second passed the first look-up before the first one wrote its key
    user, _runner = make_runner("kai")
    key = str(uuid.uuid4())
    SentForm.objects.create(user=user, key=key, form="run")
    request = RequestFactory().post("/runs/new/", {"idempotency_key": key})
    request.user = user
    stored = []
    assert store_once(request, "run", lambda: stored.append("log")) is None
    assert stored == [] and SentForm.objects.filter(key=key).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_requests_racing_with_one_key_store_one_run(sam):
    """Two taps arriving together, each in its own server thread (and database connection)."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database is not shared between threads")
    user, runner = sam
    key = str(uuid.uuid4())
    start = threading.Barrier(2)
    answers = []

    def tap():
        client = client_for(user)
        start.wait()
        answers.append(client.post(RUN[0], RUN[1] | {"idempotency_key": key}).status_code)
        connections.close_all()

    threads = [threading.Thread(target=tap) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [302, 302]
    assert RunLog.objects.filter(runner=runner).count() == 1
