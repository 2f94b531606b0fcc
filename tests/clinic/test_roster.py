"""The roster: every linked runner with what needs attention, most urgent first, in a constant number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from backstride.clinic.services import link

from .conftest import START, client_for, clone_runners, morning, quiet, red_flag_checkin

pytestmark = pytest.mark.django_db

ROSTER = "/clinic/"


def names_in_order(html: str, names: list[str]) -> list[str]:
    return sorted(names, key=html.index)


def test_the_roster_puts_a_red_flag_first_then_a_flare_up_then_a_quiet_runner(make_runner, clinician, today):
    calm, flaring, referred = make_runner("Cal Calm"), make_runner("Fay Flare"), make_runner("Red Referral")
    for runner in (calm, flaring, referred):
        link(clinician, runner)
    today.day = START + dt.timedelta(days=2)
    morning(calm, START, 3)
    morning(calm, START + dt.timedelta(days=1), 3)
    morning(flaring, START, 3)
    morning(flaring, START + dt.timedelta(days=1), 7)  # 7/10 at any time is a flare-up
    red_flag_checkin(referred, START + dt.timedelta(days=1))

    html = client_for(clinician.user).get(ROSTER).content.decode()

    assert names_in_order(html, ["Cal Calm", "Fay Flare", "Red Referral"]) == ["Red Referral", "Fay Flare", "Cal Calm"]
    assert "Red flag: urgent referral" in html
    assert "Flare-up since 8 Dec" in html


def test_the_roster_sorts_by_the_first_flag_in_the_order_of_urgency(make_runner, clinician, today):
    today.day = START + dt.timedelta(days=9)
    recent = today.day - dt.timedelta(days=1)
    snapshots = {
        "quiet": quiet(recent),
        "no_log": quiet(today.day - dt.timedelta(days=10)),
        "outcome_due": quiet(recent, outcome_due=["odi", "psfs"]),
        "sessions_missed": quiet(recent, sessions_missed=2),
        "pain_rising": quiet(recent, pain_rising=True),
        "flare_up": quiet(recent, flare_up=(START + dt.timedelta(days=8)).isoformat()),
        "red_flag": quiet(recent, red_flag="refer_emergency"),
    }
    runners = clone_runners(make_runner(), clinician, list(snapshots.values()), recent)
    name_of = {kind: r.name for kind, r in zip(snapshots, runners, strict=True)}

    html = client_for(clinician.user).get(ROSTER).content.decode()

    order = names_in_order(html, list(name_of.values()))
    expected = ["red_flag", "flare_up", "pain_rising", "sessions_missed", "outcome_due", "no_log", "quiet"]
    assert order == [name_of[k] for k in expected]
    for words in (
        "Red flag: emergency referral",
        "Flare-up since 15 Dec",
        "Morning pain rising",
        "2 sessions missed this week",
        "Due: Oswestry questionnaire, Activities you find hard (PSFS)",
        "No log for 10 days",
    ):
        assert words in html
    # each flag is words in a badge, never a colour alone
    assert '<span class="badge badge-red">Red flag: emergency referral</span>' in html


def test_an_emergency_comes_before_an_urgent_referral(make_runner, clinician, today):
    recent = today.day
    urgent, emergency = clone_runners(
        make_runner(),
        clinician,
        [quiet(recent, red_flag="refer_urgent"), quiet(recent, red_flag="refer_emergency")],
        recent,
    )
    html = client_for(clinician.user).get(ROSTER).content.decode()
    assert names_in_order(html, [urgent.name, emergency.name]) == [emergency.name, urgent.name]


def test_a_runner_referred_at_intake_shows_a_red_flag_and_no_plan(make_runner, clinician, today, sam):
    flags = sam["red_flags"] | {"saddle_numbness": True}
    link(clinician, make_runner("Ina Intake", red_flags=flags))
    html = client_for(clinician.user).get(ROSTER).content.decode()
    assert "Red flag: emergency referral" in html and "No plan" in html


def test_a_runner_who_has_logged_nothing_for_a_week_is_flagged(runner, clinician, today):
    today.day = START + dt.timedelta(days=8)
    html = client_for(clinician.user).get(ROSTER).content.decode()
    assert "Nothing logged since the start" in html


def test_the_roster_shows_only_the_clinicians_own_runners(runner, make_runner, stranger, clinician, today):
    link(stranger, make_runner("Other Person"))
    html = client_for(clinician.user).get(ROSTER).content.decode()
    assert runner.name in html and "Other Person" not in html


def test_a_clinician_without_runners_is_invited_to_invite_one(clinician, today):
    html = client_for(clinician.user).get(ROSTER).content.decode()
    assert "No runners yet" in html and reverse("clinic:invite") in html


def test_the_roster_filters_by_flag_and_by_name_and_sorts_by_name(make_runner, clinician, today):
    recent = today.day
    a, b, c = clone_runners(
        make_runner(),
        clinician,
        [quiet(recent), quiet(recent, red_flag="refer_urgent"), quiet(recent, pain_rising=True)],
        recent,
    )
    client = client_for(clinician.user)
    only_red = client.get(ROSTER, {"flag": "red_flag"}).content.decode()
    assert b.name in only_red and a.name not in only_red and c.name not in only_red
    by_name = client.get(ROSTER, {"q": "runner 002"}).content.decode()
    assert c.name in by_name and a.name not in by_name
    sorted_by_name = client.get(ROSTER, {"sort": "name"}).content.decode()
    assert names_in_order(sorted_by_name, [c.name, b.name, a.name]) == [a.name, b.name, c.name]


def test_unknown_filters_are_ignored_rather_than_failing(runner, clinician, today):
    response = client_for(clinician.user).get(ROSTER, {"flag": "nonsense", "sort": "'; drop", "q": "x" * 500})
    assert response.status_code == 200


def test_htmx_gets_the_table_alone(runner, clinician, today):
    htmx = {"HX-Request": "true", "HX-Target": "roster"}
    response = client_for(clinician.user).get(ROSTER, {"sort": "name"}, headers=htmx)
    html = response.content.decode()
    assert "<table" in html and "<html" not in html and runner.name in html


@pytest.mark.parametrize("small, large", [(5, 50)])
def test_the_roster_costs_the_same_number_of_queries_for_5_and_for_50_runners(
    make_runner, clinician, today, small, large
):
    template = make_runner()
    client = client_for(clinician.user)
    counts = []
    for n in (small, large - small):
        clone_runners(template, clinician, [quiet(today.day, sessions_missed=i % 3) for i in range(n)], today.day)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(ROSTER)
        assert response.status_code == 200
        counts.append(len(queries))
    assert response.content.decode().count("<tr>") == large + 1  # the header row and one per runner
    assert counts[0] == counts[1]


def test_a_name_that_matches_nobody_says_so_rather_than_inviting_runners(runner, clinician, today):
    html = client_for(clinician.user).get(ROSTER, {"q": "zzz"}).content.decode()
    assert "No runner matches these filters" in html and "No runners yet" not in html


@pytest.mark.parametrize(
    "agreed,badge",
    [
        (("leg_pain", "neck_or_shoulder_pain", "walked_short_distances_only", "dressed_more_slowly"), "medium"),
        (("unsafe_to_be_active", "worrying_thoughts", "never_get_better", "not_enjoyed_things"), "high"),
        (("leg_pain", "neck_or_shoulder_pain", "walked_short_distances_only"), None),
    ],
    ids=["medium", "high", "low"],
)
def test_a_medium_or_high_startback_risk_is_flagged_on_the_roster(make_runner, clinician, today, sam, agreed, badge):
    answers = dict(sam["startback"]) | dict.fromkeys(sam["startback"], False) | {"bothersomeness": "moderately"}
    runner = make_runner("Rita Risk", startback=answers | dict.fromkeys(agreed, True))
    link(clinician, runner)
    today.day = START + dt.timedelta(days=1)
    morning(runner, START, 3)

    html = client_for(clinician.user).get(ROSTER).content.decode()

    if badge is None:
        assert "STarT Back:" not in html
    else:
        assert f"STarT Back: {badge} risk" in html
