"""The job queue: SQLite by default, Redis when REDIS_URL is set, and the jobs run through it."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core import mail
from huey import RedisHuey, SqliteHuey

from backstride.reminders.models import Delivery
from backstride.reminders.planning import plan_reminders
from backstride.reminders.queue import huey_from
from backstride.reminders.tasks import register

from .conftest import WEDNESDAY, at

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def redis_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except (redis.ConnectionError, OSError):
        return False


def test_the_embedded_queue_is_an_sqlite_file_made_in_its_folder(tmp_path):
    queue = huey_from({"huey_class": "huey.SqliteHuey", "name": "t", "filename": str(tmp_path / "q" / "queue.sqlite3")})
    assert isinstance(queue, SqliteHuey) and (tmp_path / "q" / "queue.sqlite3").exists()


def test_the_settings_choose_redis_when_redis_url_is_set():
    env = os.environ | {"REDIS_URL": "redis://127.0.0.1:6379/3", "DJANGO_SETTINGS_MODULE": "backstride.web.settings"}
    code = "from django.conf import settings; print(settings.HUEY['huey_class'], settings.HUEY['url'])"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["huey.RedisHuey", "redis://127.0.0.1:6379/3"]


def run_queued(queue) -> int:
    ran = 0
    while (task := queue.dequeue()) is not None:
        queue.execute(task)
        ran += 1
    return ran


def test_claimed_reminders_are_sent_through_the_sqlite_queue(sam, tmp_path):
    queue = huey_from({"huey_class": "huey.SqliteHuey", "name": "t", "filename": str(tmp_path / "queue.sqlite3")})
    jobs = register(queue)
    for ids in plan_reminders(at(WEDNESDAY, 8, 5)):
        jobs.send(ids)
    assert run_queued(queue) == 1
    assert [m.subject for m in mail.outbox] == ["Your back session is today"]
    assert Delivery.objects.get().status == Delivery.SENT


def test_claimed_reminders_are_sent_through_redis(sam):
    if not redis_reachable():
        message = f"no Redis server answers at {REDIS_URL}"
        if os.environ.get("CI"):
            # .ci/run starts one, so a CI machine without it fails rather than passing the Redis path untested
            pytest.fail(message + ": CI must test the Redis queue", pytrace=False)
        pytest.skip(message + " (CI starts one)")
    queue = huey_from({"huey_class": "huey.RedisHuey", "name": f"backstride-test-{uuid.uuid4().hex}", "url": REDIS_URL})
    assert isinstance(queue, RedisHuey)
    try:
        jobs = register(queue)
        for ids in plan_reminders(at(WEDNESDAY, 8, 5)):
            jobs.send(ids)
        assert queue.pending_count() == 1
        assert run_queued(queue) == 1
        assert [m.subject for m in mail.outbox] == ["Your back session is today"]
    finally:
        queue.storage.flush_all()


SEED = """
import datetime as dt, json, sys
import django
django.setup()
from django.contrib.auth.models import User
from backstride.reminders.models import ReminderSettings
from backstride.runners.services import start_runner

intake = json.loads(open(sys.argv[1]).read())
intake["start_date"] = dt.date.today().isoformat()
runner, _result = start_runner(intake)
runner.user = User.objects.create_user("sam", "sam@example.org")
runner.time_zone = "UTC"
runner.save()
now = dt.datetime.now(dt.UTC)
ReminderSettings.objects.create(user=runner.user, enabled=True, at=(now - dt.timedelta(minutes=1)).time())
"""


@pytest.mark.slow
def test_the_worker_command_sends_what_is_due_with_its_own_settings(tmp_path):
    """`backstride worker` runs with the command line's lighter settings: the email must still be complete."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env |= {"BACKSTRIDE_DB": str(tmp_path / "db.sqlite3"), "BACKSTRIDE_QUEUE_FILE": str(tmp_path / "queue.sqlite3")}
    env |= {"BACKSTRIDE_CACHE_DIR": str(tmp_path / "cache"), "BACKSTRIDE_SITE_URL": "https://back.example.org"}
    env["BACKSTRIDE_EMAIL_BACKEND"] = "django.core.mail.backends.console.EmailBackend"
    created = subprocess.run([sys.executable, "-m", "backstride", "runners"], env=env, cwd=ROOT, capture_output=True)
    assert created.returncode == 0, created.stderr  # the database exists and is migrated
    seed_env = env | {"DJANGO_SETTINGS_MODULE": "backstride.web.settings_cli"}
    intake = str(ROOT / "examples" / "intake-sam.json")
    seeded = subprocess.run(
        [sys.executable, "-c", SEED, intake], env=seed_env, cwd=ROOT, capture_output=True, text=True
    )
    assert seeded.returncode == 0, seeded.stderr
    out = subprocess.run(
        [sys.executable, "-m", "backstride", "worker", "--once"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "reminders claimed and queued" in out.stdout and "0 reminders" not in out.stdout
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in out.stdout
    assert "https://back.example.org/reminders/unsubscribe/" in out.stdout


@pytest.mark.slow
def test_two_workers_started_at_once_on_one_sqlite_file_send_each_reminder_once(tmp_path):
    """Two `backstride worker --once` processes on the embedded database: one email, one delivery row."""
    import sqlite3

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env |= {"BACKSTRIDE_DB": str(tmp_path / "db.sqlite3"), "BACKSTRIDE_QUEUE_FILE": str(tmp_path / "queue.sqlite3")}
    env |= {"BACKSTRIDE_CACHE_DIR": str(tmp_path / "cache"), "BACKSTRIDE_SITE_URL": "https://back.example.org"}
    env["BACKSTRIDE_EMAIL_BACKEND"] = "django.core.mail.backends.console.EmailBackend"
    assert subprocess.run([sys.executable, "-m", "backstride", "runners"], env=env, cwd=ROOT).returncode == 0
    seed_env = env | {"DJANGO_SETTINGS_MODULE": "backstride.web.settings_cli"}
    intake = str(ROOT / "examples" / "intake-sam.json")
    seeded = subprocess.run(
        [sys.executable, "-c", SEED, intake], env=seed_env, cwd=ROOT, capture_output=True, text=True
    )
    assert seeded.returncode == 0, seeded.stderr

    command = [sys.executable, "-m", "backstride", "worker", "--once"]
    workers = [subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [w.communicate(timeout=120)[0] for w in workers]

    assert all(w.returncode == 0 for w in workers)
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        rows = db.execute("SELECT kind, channel, local_date, status FROM reminders_delivery").fetchall()
    subjects = [line for out in outputs for line in out.splitlines() if line.startswith("Subject: ")]
    # something was due, each reminder was claimed once and sent once, by one worker or the other
    assert rows and len(rows) == len(set(rows)) and all(status == "sent" for *_key, status in rows)
    assert len(subjects) == len(rows), (subjects, rows)
