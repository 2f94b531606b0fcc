"""Reads are served from the shared cache keyed by the runner's version: no replay, never stale."""

import os
import subprocess
import sys

import pytest
from django.test import Client

from backstride.runners import program

pytestmark = pytest.mark.django_db

DAY = "2026-12-09"


def no_replay(*args, **kwargs):
    raise AssertionError("the history was replayed for a read that is cached")


def test_a_second_read_of_today_and_the_plan_replays_nothing(sam_caller, monkeypatch):
    first = {path: sam_caller.get(path, date=DAY).json() for path in ("/today", "/plan", "/progress")}
    monkeypatch.setattr(program, "replay_resuming", no_replay)
    for path, body in first.items():
        again = sam_caller.get(path, date=DAY)
        assert again.status_code == 200 and again.json() == body


def test_the_web_page_and_the_api_share_one_cached_view(sam_caller, monkeypatch):
    sam_caller.get("/today", date=DAY)  # computed once, by the API
    monkeypatch.setattr(program, "replay_resuming", no_replay)
    browser = Client()
    browser.force_login(sam_caller.user)
    page = browser.get("/today/", {"date": DAY})
    assert page.status_code == 200 and b"Today" in page.content


def test_a_log_changes_the_next_read_at_once(sam_caller):
    before = sam_caller.get("/today", date=DAY).json()
    assert before["checkin"]["due"] is True
    logged = sam_caller.post("/checkins", {"date": DAY, "pain": 2, "red_flags": None})
    assert logged.status_code in (200, 201), logged.content
    after = sam_caller.get("/today", date=DAY).json()
    assert after["checkin"]["due"] is False


def test_runners_never_see_each_others_cached_views(sam_caller, alex_caller):
    assert sam_caller.get("/today", date=DAY).json()["runner"] == "Sam Rivera"
    assert alex_caller.get("/today", date=DAY).json()["runner"] == "Alex Moreno"


@pytest.mark.parametrize(
    ("redis_url", "backend"),
    [("redis://127.0.0.1:6379/0", "django.core.cache.backends.redis.RedisCache"), ("", "FileBasedCache")],
)
def test_the_cache_is_shared_by_every_server_process_through_redis_or_local_files(redis_url, backend):
    env = dict(os.environ, REDIS_URL=redis_url)
    code = "from backstride.web import settings; print(settings.CACHES['default']['BACKEND'])"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith(backend)
