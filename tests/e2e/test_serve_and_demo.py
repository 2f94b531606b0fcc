"""`backstride demo` creates its people once and `backstride serve` serves them with a real WSGI server."""

import http.client
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BACKSTRIDE_DB")}
    env |= {"BACKSTRIDE_DATA_DIR": str(folder), "BACKSTRIDE_CACHE_DIR": str(folder / "cache")}
    return env, folder


def test_demo_creates_its_people_once_in_its_own_database(demo_env):
    env, folder = demo_env
    first = subprocess.run(
        [sys.executable, "-m", "backstride", "demo", "--no-serve"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    assert "clinician: clinician" in first.stdout and "runner in week 3: runner" in first.stdout
    assert re.search(r"http://127\.0\.0\.1:8000/calendar/[\w-]+\.ics", first.stdout)
    assert "reminders on" in first.stdout
    db = folder / "demo.sqlite3"
    assert db.exists() and not (folder / "backstride.sqlite3").exists()
    again = subprocess.run(
        [sys.executable, "-m", "backstride", "demo", "--no-serve"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM runners_runner").fetchone()[0] == 12
        assert conn.execute("SELECT count(*) FROM clinic_carelink").fetchone()[0] == 12
        states = [json.loads(s) for (s,) in conn.execute("SELECT state FROM runners_runner")]
    flags = [s["attention"] for s in states]
    assert sum(1 for f in flags if f["red_flag"]) == 1
    assert sum(1 for f in flags if f["flare_up"]) == 1
    assert any(f["pain_rising"] for f in flags)
    with sqlite3.connect(db) as conn:
        reminders = conn.execute(
            "SELECT u.username FROM reminders_remindersettings s JOIN auth_user u ON u.id = s.user_id WHERE s.enabled"
        ).fetchall()
    assert sorted(reminders) == [("maintainer",), ("runner",)]


def test_serve_answers_pages_and_static_files_with_a_real_server(demo_env):
    env, _folder = demo_env
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "backstride", "serve", "--port", str(port), "--db", str(_folder / "demo.sqlite3")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/accounts/login/")
        response = conn.getresponse()
        page = response.read().decode()
        assert response.status == 200 and "Log in" in page
        css = re.search(r'href="(/static/backstride/app[^"]*\.css)"', page).group(1)
        conn.request("GET", css)
        static = conn.getresponse()
        static.read()
        assert static.status == 200 and static.getheader("Content-Type").startswith("text/css")
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        conn.request(
            "POST",
            "/accounts/login/",
            body=f"csrfmiddlewaretoken={token}&username=runner&password=backstride-demo",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Referer": f"http://127.0.0.1:{port}/accounts/login/",
            },
        )
        login = conn.getresponse()
        login.read()
        session = re.search(r"sessionid=([^;]+)", login.getheader("Set-Cookie")).group(1)
        conn.request("GET", "/today/", headers={"Cookie": f"sessionid={session}"})
        today = conn.getresponse()
        assert today.status == 200 and "Today · week 3" in today.read().decode()
        with sqlite3.connect(_folder / "demo.sqlite3") as db:
            (token,) = db.execute(
                "SELECT f.token FROM runners_calendarfeed f JOIN runners_runner r ON r.id = f.runner_id "
                "JOIN auth_user u ON u.id = r.user_id WHERE u.username = 'runner'"
            ).fetchone()
        conn.request("GET", f"/calendar/{token}.ics")  # a calendar app subscribes without logging in
        feed = conn.getresponse()
        events = Calendar.from_ical(feed.read()).walk("VEVENT")
        assert feed.status == 200 and len(events) > 20
    finally:
        server.terminate()
        server.wait(timeout=30)
