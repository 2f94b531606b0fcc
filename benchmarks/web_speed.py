"""Requests per second and latency of the signed-in today page against the framework's floor.

Run on demand:  python benchmarks/web_speed.py [--seconds 15] [--clients 16]
Starts `backstride serve` (gunicorn, 4 workers x 2 threads) on a fresh demo database, signs in
as the demo runner in week 3, then loads /ping/ (the smallest signed-in page) and /today/ with
16 concurrent keep-alive clients (wrk when installed, else a thread pool), and checks that a
plain GET of /today/ writes nothing to the database.
Targets: today at half the floor's throughput or better, p99 under 100 ms, no write on GET.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("the server did not start")


def sign_in(port: int, username: str, password: str) -> str:
    conn = http.client.HTTPConnection(HOST, port)
    conn.request("GET", "/accounts/login/")
    response = conn.getresponse()
    page = response.read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    body = f"csrfmiddlewaretoken={csrf}&username={username}&password={password}"
    conn.request(
        "POST",
        "/accounts/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
            "Referer": f"http://{HOST}:{port}/accounts/login/",
        },
    )
    response = conn.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie") or "")
    if not session:
        sys.exit("sign-in failed")
    return f"sessionid={session.group(1)}; csrftoken={cookie}"


def with_wrk(port: int, path: str, cookie: str, seconds: int, clients: int) -> dict:
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(clients),
            "-d",
            f"{seconds}s",
            "--latency",
            "-H",
            f"Cookie: {cookie}",
            f"http://{HOST}:{port}{path}",
        ],
        capture_output=True,
        text=True,
    ).stdout
    return wrk_figures(out)


def wrk_figures(out: str) -> dict:
    """Throughput, median and 99th-percentile latency, and non-2xx answers, from wrk's --latency report."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def ms(label: str) -> float:
        value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": ms("50%"), "p99": ms("99%"), "errors": int(errors.group(1)) if errors else 0}


def with_threads(port: int, path: str, cookie: str, seconds: int, clients: int) -> dict:
    latencies: list[float] = []
    errors = [0]
    stop = time.time() + seconds
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port)
        mine = []
        while time.time() < stop:
            t = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - t) * 1000)
            if response.status != 200:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    return {
        "rps": len(latencies) / seconds,
        "p50": statistics.median(latencies),
        "p99": latencies[int(0.99 * (len(latencies) - 1))],
        "errors": errors[0],
    }


def row_counts(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="backstride-web-"))
    db = tmp / "demo.sqlite3"
    env = dict(os.environ, BACKSTRIDE_DB=str(db), BACKSTRIDE_CACHE_DIR=str(tmp / "cache"))
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "backstride", "demo", "--no-serve"], env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "backstride", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(port)
        cookie = sign_in(port, "runner", "backstride-demo")
        load = with_wrk if shutil.which("wrk") else with_threads
        tool = "wrk" if load is with_wrk else "python threads"
        for path in ("/ping/", "/today/"):  # warm every worker up on both pages
            load(port, path, cookie, 3, args.clients)
        before = row_counts(db)
        results = {path: load(port, path, cookie, args.seconds, args.clients) for path in ("/ping/", "/today/")}
        after = row_counts(db)
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(
        f"gunicorn 4 workers x 2 threads on SQLite, {args.clients} concurrent clients, {args.seconds} s each ({tool})"
    )
    for path, r in results.items():
        print(
            f"  {path:8s} {r['rps']:8.1f} req/s   p50 {r['p50']:6.1f} ms   p99 {r['p99']:6.1f} ms   "
            f"non-2xx {r['errors']}"
        )
    ratio = results["/today/"]["rps"] / results["/ping/"]["rps"]
    changed = {t: (before[t], after[t]) for t in before if before[t] != after.get(t)}
    print(
        f"today / floor throughput: {ratio:.2f} (target >= 0.5); today p99 {results['/today/']['p99']:.1f} ms "
        f"(target < 100 ms)"
    )
    print(f"rows changed by the GETs: {changed or 'none'}")
    print(f"first view after a write (the page cache is empty): median {cold_render_ms(db):.1f} ms, in process")


def cold_render_ms(db: Path, times: int = 20) -> float:
    """What the first request after a log costs: replay the runner's history and render the page."""
    os.environ["BACKSTRIDE_DB"] = str(db)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backstride.web.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    client.force_login(User.objects.get(username="runner"))
    samples = []
    for _ in range(times):
        cache.clear()
        t = time.perf_counter()
        assert client.get("/today/").status_code == 200
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


if __name__ == "__main__":
    main()
