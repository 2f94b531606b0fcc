"""The guided session player's page: who may open it, which days it plays, and the numbers its timers get."""

import re

import pytest

from backstride.pages.figures import figure_url
from backstride.pages.views.player import GET_READY_SECONDS, RELAX_SECONDS, SWITCH_SECONDS
from backstride.runners.models import SessionLog

from .conftest import client_for

MONDAY = "2026-12-07"  # Sam's first session
TUESDAY = "2026-12-08"  # a day without a session in Sam's plan
PLAYER = f"/today/play/?date={MONDAY}"


def step_tag(html: str, name: str) -> str:
    """The opening tag of the player's step for one exercise."""
    tags = [t for t in re.findall(r"<li\b[^>]*\bdata-step\b[^>]*>", html) if f'data-name="{name}"' in t]
    assert len(tags) == 1, (name, tags)
    return re.sub(r"\s+", " ", tags[0])


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = client_for().get(PLAYER)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_clinician_cannot_open_the_player(clinician):
    assert client_for(clinician).get(PLAYER).status_code == 403


def test_a_day_without_a_session_goes_back_to_today_for_that_day(sam):
    user, _runner = sam
    response = client_for(user).get(f"/today/play/?date={TUESDAY}")
    assert response.status_code == 302 and response["Location"] == f"/today/?date={TUESDAY}"


def test_a_user_without_a_plan_is_sent_to_onboarding(db):
    from django.contrib.auth.models import User

    user = User.objects.create_user("new", "new@example.org", "a-long-passphrase-42")
    response = client_for(user).get(PLAYER)
    assert response.status_code == 302 and response["Location"].endswith("/onboarding/")


def test_a_date_out_of_range_plays_today_instead_with_a_message(sam):
    user, _runner = sam
    response = client_for(user).get("/today/play/?date=1999-01-01", follow=True)
    assert "Showing today instead." in response.content.decode()


def test_todays_page_links_to_the_player_for_the_same_day(sam):
    user, _runner = sam
    html = client_for(user).get(f"/today/?date={MONDAY}").content.decode()
    assert f'href="/today/play/?date={MONDAY}"' in html
    assert "Start guided session" in html


def test_the_player_lists_every_exercise_of_the_session_in_order_with_its_count(sam):
    user, _runner = sam
    html = client_for(user).get(PLAYER).content.decode()
    names = re.findall(r'data-step\s[^>]*data-name="([^"]+)"', html)
    assert names[:3] == ["Prone Lying", "Knee Rocks", "Abdominal Brace"]
    assert f"1 of {len(names)}" in html and f"{len(names)} of {len(names)}" in html
    assert f'name="count" value="{len(names)}"' in html


def test_a_hold_with_repetitions_gives_the_timer_its_hold_reps_sets_and_rest(sam):
    user, _runner = sam
    tag = step_tag(client_for(user).get(PLAYER).content.decode(), "Abdominal Brace")
    # abdominal-brace.yaml, first step: 1 set of 5 reps with 6 s holds, 20 s rest
    for attribute in ['data-sets="1"', 'data-reps="5"', 'data-hold="6"', 'data-per-side="0"', 'data-rest="20"']:
        assert attribute in tag


def test_a_single_hold_counts_as_one_repetition(sam):
    user, _runner = sam
    tag = step_tag(client_for(user).get(PLAYER).content.decode(), "Prone Lying")
    assert 'data-reps="1"' in tag and 'data-hold="30"' in tag


def test_an_exercise_done_by_repetitions_has_no_hold_for_the_timer(sam):
    user, _runner = sam
    tag = step_tag(client_for(user).get(PLAYER).content.decode(), "Knee Rocks")
    assert 'data-hold=""' in tag and 'data-reps="8"' in tag and 'data-per-side="1"' in tag


def test_the_timings_that_are_not_part_of_a_dose_come_from_the_server(sam):
    user, _runner = sam
    html = client_for(user).get(PLAYER).content.decode()
    assert f'data-get-ready="{GET_READY_SECONDS}"' in html
    assert f'data-relax="{RELAX_SECONDS}"' in html
    assert f'data-switch="{SWITCH_SECONDS}"' in html


def test_per_side_work_has_a_mirrored_figure_for_the_second_side(sam):
    user, _runner = sam
    html = client_for(user).get(PLAYER).content.decode()
    assert f'src="{figure_url("knee-rocks", mirrored=True)}"' in html
    assert figure_url("abdominal-brace", mirrored=True) not in html


@pytest.mark.parametrize("name", ["pain_before", "pain_during", "pain_after", "effort"])
def test_each_rating_at_the_end_starts_empty(sam, name):
    user, _runner = sam
    html = client_for(user).get(PLAYER).content.decode()
    tags = re.findall(rf'<input\b[^>]*\bname="{name}"[^>]*>', html)
    assert len(tags) == 1 and "value=" not in tags[0] and 'type="number"' in tags[0]


def test_the_player_uses_only_its_own_script_file(sam):
    user, _runner = sam
    html = client_for(user).get(PLAYER).content.decode()
    assert re.search(r'<script src="[^"]*backstride/player\.js"', html)
    assert "<script>" not in html and " style=" not in html


def test_the_form_posts_what_todays_page_posts_and_the_log_is_saved(sam):
    user, runner = sam
    client = client_for(user)
    html = client.get(PLAYER).content.decode()
    assert 'action="/today/log/"' in html
    count = int(re.search(r'name="count" value="(\d+)"', html).group(1))
    slugs = dict(re.findall(r'name="(slug_\d+)" value="([^"]+)"', html))
    prescribed = dict(re.findall(r'name="(sets_\d+)" value="(\d+)"', html))
    assert len(slugs) == count and 'name="held_0"' in html and 'name="set_0"' in html

    form = {"date": MONDAY, "count": str(count), "pain_during": "2", "pain_after": "1"}
    form |= slugs | prescribed | {"set_0": "1", "held_0": "30"}
    response = client.post("/today/log/", form, follow=True)

    assert "Session saved" in response.content.decode()
    first = SessionLog.objects.get(runner=runner).exercises.get(slug="prone-lying")
    assert first.completed and first.hold_seconds == 30


def test_a_day_still_ahead_plays_but_cannot_be_saved_yet(sam, log_today):
    import datetime as dt

    user, _runner = sam
    log_today.day = dt.date(2026, 12, 6)  # the Sunday before: Monday's session is still ahead
    html = client_for(user).get(PLAYER).content.decode()
    assert "data-step" in html and "Save session" not in html
    assert "you can log its session on Monday 7 December" in html  # the weekday + date of every page
