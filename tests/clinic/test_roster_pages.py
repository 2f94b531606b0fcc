"""The roster in pages: the database sorts, searches and filters, and only the page shown is rendered."""

import datetime as dt
import random
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backstride.clinic.models import AuditEvent
from backstride.clinic.roster import FLAG_LABELS, PAGE_SIZE, badges_for
from backstride.core.tracking.attention import ORDER

from .conftest import START, client_for, clone_runners, quiet

pytestmark = pytest.mark.django_db

ROSTER = "/clinic/"


def names_on(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', html)


def caseload(count: int, today: dt.date, seed: int = 3) -> list[dict]:
    """Snapshots with every flag, alone and together, and silences of every length (some with no log at all)."""
    rng = random.Random(seed)
    snapshots = []
    for _ in range(count):
        days = rng.choice([0, 1, 2, 6, 7, 9, 15, None])
        last = None if days is None else today - dt.timedelta(days=days)
        flags = {}
        if rng.random() < 0.1:
            flags["red_flag"] = rng.choice(["refer_urgent", "refer_emergency"])
        if rng.random() < 0.15:
            flags["flare_up"] = (today - dt.timedelta(days=rng.randint(1, 4))).isoformat()
        if rng.random() < 0.2:
            flags["pain_rising"] = True
        if rng.random() < 0.3:
            flags["sessions_missed"] = rng.randint(1, 3)
        if rng.random() < 0.2:
            flags["outcome_due"] = rng.sample(["odi", "psfs", "endurance"], rng.randint(1, 2))
        if rng.random() < 0.2:
            flags["startback_risk"] = rng.choice(["low", "medium", "high"])
        snapshots.append(quiet(today, **flags) | {"last_log": last.isoformat() if last else None})
    return snapshots


def most_urgent_first(runners, today: dt.date) -> list[str]:
    """The order the roster promises, worked out in Python from the badges the runner's row shows."""

    def key(runner):
        badges, days = badges_for(runner.state["attention"], "clear", START, today)
        first = min((ORDER.index(b.kind) for b in badges), default=len(ORDER))
        emergency = any(b.kind == "red_flag" and b.severity for b in badges)
        return (first, not emergency, -len(badges), -(days or 0), runner.name.lower(), runner.id)

    return [r.name for r in sorted(runners, key=key)]


def test_the_roster_shows_fifty_runners_a_page_with_a_link_to_the_rest(make_runner, clinician, today):
    clone_runners(make_runner(), clinician, [quiet(today.day) for _ in range(PAGE_SIZE + 10)], today.day)
    client = client_for(clinician.user)

    first = client.get(ROSTER).content.decode()
    second = client.get(ROSTER, {"page": 2}).content.decode()

    assert PAGE_SIZE == 50
    assert len(names_on(first)) == 50 and len(names_on(second)) == 10
    assert "60 runners · page 1 of 2" in first and 'href="?page=2"' in first
    assert "60 runners · page 2 of 2" in second and 'href="?page=1"' in second
    assert not set(names_on(first)) & set(names_on(second))


def test_pages_follow_one_order_most_urgent_first_across_pages(make_runner, clinician, today):
    today.day = START + dt.timedelta(days=20)
    runners = clone_runners(make_runner(), clinician, caseload(120, today.day), today.day)
    client = client_for(clinician.user)

    pages = [client.get(ROSTER, {"page": page}).content.decode() for page in (1, 2, 3)]

    assert [name for html in pages for name in names_on(html)] == most_urgent_first(runners, today.day)
    # the database counts each flag as the badges show it
    for kind, label in FLAG_LABELS.items():
        badges = [badges_for(r.state["attention"], "clear", START, today.day)[0] for r in runners]
        count = sum(1 for shown in badges if kind in {b.kind for b in shown})
        # and each count is a link that filters the roster to that flag
        shown = f'<a href="?flag={kind}" data-flag-count="{kind}">{label}: {count}</a>'
        assert (shown in pages[0]) == (count > 0), kind


def test_a_search_by_name_finds_runners_on_any_page_and_keeps_to_them_from_page_to_page(make_runner, clinician, today):
    snapshots = [quiet(today.day) for _ in range(PAGE_SIZE + 20)]
    runners = clone_runners(make_runner(), clinician, snapshots, today.day)
    client = client_for(clinician.user)

    # the last runner would be on the second page; a search brings them to the first
    found = names_on(client.get(ROSTER, {"q": "runner 069"}).content.decode())
    assert found == [runners[-1].name] == ["Runner 069"]
    # 'runner 0' matches all 70, so the next page's link keeps the search
    first = client.get(ROSTER, {"q": "runner 0"}).content.decode()
    assert "70 runners · page 1 of 2" in first and 'href="?q=runner+0&amp;page=2"' in first
    second = names_on(client.get(ROSTER, {"q": "runner 0", "page": 2}).content.decode())
    assert len(second) == 20 and all(name.startswith("Runner 0") for name in second)


def test_the_needs_attention_filter_shows_only_runners_with_a_flag(make_runner, clinician, today):
    today.day = START + dt.timedelta(days=20)
    calm, referred, rising, silent = clone_runners(
        make_runner(),
        clinician,
        [
            quiet(today.day),
            quiet(today.day, red_flag="refer_urgent"),
            quiet(today.day, pain_rising=True),
            quiet(today.day - dt.timedelta(days=8)),
        ],
        today.day,
    )
    client = client_for(clinician.user)

    html = client.get(ROSTER, {"flag": "attention"}).content.decode()

    assert names_on(html) == [referred.name, rising.name, silent.name]
    assert calm.name not in html
    assert '<option value="attention" selected>Only: Needs attention</option>' in html


def test_a_flag_filter_pages_through_only_the_runners_with_that_flag(make_runner, clinician, today):
    flared = quiet(today.day, flare_up=today.day.isoformat())
    clone_runners(make_runner(), clinician, [flared if i % 2 else quiet(today.day) for i in range(120)], today.day)
    client = client_for(clinician.user)

    first = client.get(ROSTER, {"flag": "flare_up"}).content.decode()
    second = client.get(ROSTER, {"flag": "flare_up", "page": 2}).content.decode()

    assert "60 runners · page 1 of 2" in first and 'href="?flag=flare_up&amp;page=2"' in first
    shown = names_on(first) + names_on(second)
    assert shown == [f"Runner {i:03d}" for i in range(1, 120, 2)]
    assert "Flare-up: 60" in first  # the summary counts every runner, whatever the filter


def test_a_page_costs_the_same_number_of_queries_for_5_and_for_60_runners(make_runner, clinician, today):
    template = make_runner()
    client = client_for(clinician.user)
    counts = []
    for n in (5, 55):
        clone_runners(template, clinician, caseload(n, today.day, seed=n), today.day)
        for params in ({}, {"page": 2, "flag": "attention"}, {"q": "runner", "sort": "last_log"}):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(ROSTER, params)
            assert response.status_code == 200
            counts.append(len(queries))
    assert len(names_on(response.content.decode())) == PAGE_SIZE  # 61 runners, one page shown
    assert counts[:3] == counts[3:]


def test_looking_at_the_roster_is_recorded_in_the_audit_trail_with_the_runners_shown(make_runner, clinician, today):
    clone_runners(make_runner(), clinician, [quiet(today.day) for _ in range(3)], today.day)

    html = client_for(clinician.user).get(ROSTER, {"q": "runner", "sort": "name"}).content.decode()

    event = AuditEvent.objects.get(action="roster_viewed")
    assert (event.actor, event.runner) == (clinician.user, None)
    assert event.detail["runners"] == [
        int(pk) for pk in re.findall(r'<th scope="row"><a href="/clinic/runners/(\d+)/">', html)
    ]
    assert len(event.detail["runners"]) == 3
    assert (event.detail["q"], event.detail["sort"], event.detail["page"]) == ("runner", "name", 1)
