"""The lessons pages: the list (unlocked first), one lesson, and today's lesson card."""

import re

import pytest

from .conftest import client_for

# Sam (tests/web/conftest.py) starts on Monday 2026-12-07 at low STarT Back risk.
WEEK_2 = "2026-12-14"
WEEK_3 = "2026-12-21"


@pytest.mark.parametrize("url", ["/learn/", "/learn/hurt-is-not-harm/"])
def test_anonymous_visitors_are_sent_to_log_in_first(db, url):
    response = client_for().get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_the_runner_sees_every_lesson_listed_with_links(sam):
    user, _runner = sam
    response = client_for(user).get("/learn/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hurt is not harm" in page and "One core session a week, for good" in page
    assert 'href="/learn/hurt-is-not-harm/"' in page
    assert 'href="/learn/" aria-current="page"' in page  # the nav marks where the runner is


def test_the_list_puts_the_unlocked_lessons_first(sam):
    user, _runner = sam
    page = client_for(user).get(f"/learn/?date={WEEK_3}").content.decode()
    titles = re.findall(r'<a href="/learn/[a-z0-9-]+/"><strong>([^<]+)</strong></a>', page)
    assert titles[:3] == ["Hurt is not harm", "Pacing and your flare-up plan", "Running and your back"]
    assert page.count(">unlocked</span>") == 3
    assert "from week 4" in page  # why-pain-comes-back, still to come for a low-risk runner


def test_one_lesson_shows_its_text_key_points_and_sources(sam):
    user, _runner = sam
    response = client_for(user).get("/learn/hurt-is-not-harm/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Hurt is not harm</h1>" in page
    assert "Key points" in page and "Silbernagel et al., Am J Sports Med 2007" in page
    assert "<script>" not in page and "style=" not in page  # the content security policy allows neither


def test_an_unknown_lesson_is_not_found(sam):
    user, _runner = sam
    assert client_for(user).get("/learn/no-such-lesson/").status_code == 404


def test_the_today_page_shows_the_lesson_of_the_day_with_a_link(sam):
    user, _runner = sam
    page = client_for(user).get(f"/today/?date={WEEK_2}").content.decode()
    assert "Read today" in page
    assert '<a href="/learn/pacing-and-flare-ups/"><strong>Pacing and your flare-up plan</strong></a>' in page


def test_a_clinician_cannot_open_the_runner_lessons_pages(clinician):
    assert client_for(clinician).get("/learn/").status_code == 403
