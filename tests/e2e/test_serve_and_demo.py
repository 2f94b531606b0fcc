"""`backstride demo` creates its people once and `backstride serve` serves them with a real WSGI server: its
workers share long-lived connections, and a request past the deadline is cut off while the server goes on."""

import contextlib
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


def wait_for(port: int) -> float:
    """Wait until the server accepts connections (at most a minute); the time the wait gives up at."""
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    return deadline


def serve(demo_env, *options: str, **popen) -> tuple[subprocess.Popen, int]:
    """`backstride serve` on the demo's database and a free port, with these options; the process and its port."""
    env, folder = demo_env
    port = free_port()
    command = ["serve", "--port", str(port), *options, "--db", str(folder / "demo.sqlite3")]
    popen = {"env": env, "cwd": ROOT} | popen
    return subprocess.Popen([sys.executable, "-m", "backstride", *command], **popen), port


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
    server, port = serve(demo_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(port)
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
        with sqlite3.connect(demo_env[1] / "demo.sqlite3") as db:
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


def _connections_by_process(port: int, pids: list[int]) -> dict[int, int]:
    """How many connections to `port` each process holds open (Linux: /proc)."""
    established = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                established.add(fields[9])
    counts = {}
    for pid in pids:
        inodes = set()
        with contextlib.suppress(OSError):  # a process that has just ended holds nothing
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    target = os.readlink(fd)
                    if target.startswith("socket:["):
                        inodes.add(target[8:-1])
        counts[pid] = len(inodes & established)
    return counts


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="counts sockets through Linux's /proc")
def test_long_lived_connections_are_spread_over_the_workers_and_none_waits(demo_env):
    from backstride.web.server import KEPT_PER_THREAD

    server, port = serve(demo_env, "--workers", "2", "--threads", "1")
    clients = []
    try:
        wait_for(port)
        time.sleep(1)  # both workers up
        for _ in range(3 * KEPT_PER_THREAD):  # a client keeps each connection open after its answer
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/ping/")
            answer = conn.getresponse()
            answer.read()
            assert answer.status == 302  # to the login page, on a connection the client keeps
            clients.append(conn)
        children = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _parent(p) == server.pid]
        held = _connections_by_process(port, [int(p.name) for p in children])
        assert sum(held.values()) >= KEPT_PER_THREAD  # the connections are kept, within bounds
        assert max(held.values()) <= KEPT_PER_THREAD + 1, held  # no worker holds them all
        for conn in clients:  # and every client is answered at once on its next request, kept or not
            began = time.monotonic()
            try:
                conn.request("GET", "/ping/")
                answer = conn.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                conn.close()  # the server let go of an idle connection (its keep-alive ran out): connect again
                began = time.monotonic()
                conn.request("GET", "/ping/")
                answer = conn.getresponse()
            answer.read()
            assert answer.status == 302 and time.monotonic() - began < 1.5
    finally:
        for conn in clients:
            conn.close()
        server.terminate()
        server.wait(timeout=30)


def _parent(process: Path) -> int:
    try:
        return int((process / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def test_a_request_that_runs_past_the_deadline_is_cut_off_and_the_server_goes_on(demo_env):
    env = demo_env[0] | {"DJANGO_SETTINGS_MODULE": "tests.e2e.slow_settings"}  # the app plus a page that takes a minute
    options = ("--workers", "1", "--timeout", "2", "--no-worker")
    server, port = serve(demo_env, *options, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = wait_for(port)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        began = time.monotonic()
        conn.request("GET", "/slow/")
        with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
            conn.getresponse()
        assert time.monotonic() - began < 10  # cut off after about 2 s, not left to run its minute
        answered = None
        while answered is None and time.time() < deadline:  # a new worker takes the old one's place
            try:
                again = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                again.request("GET", "/accounts/login/")
                answered = again.getresponse()
            except (ConnectionError, http.client.HTTPException):
                time.sleep(0.3)
        assert answered is not None and answered.status == 200
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert "ran past 2 s" in err


def test_serve_refuses_a_deadline_under_a_second(demo_env):
    env, folder = demo_env
    refused = subprocess.run(
        [sys.executable, "-m", "backstride", "serve", "--timeout", "0", "--db", str(folder / "demo.sqlite3")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2
    assert "--timeout" in refused.stderr and "1 second or more" in refused.stderr
    assert "Traceback" not in refused.stderr
