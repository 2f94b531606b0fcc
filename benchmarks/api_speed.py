"""API reads and writes against the framework's floor, for a runner with a week and with a year of logs.

Run on demand:  python benchmarks/api_speed.py [--seconds 10] [--clients 32] [--workers 2]
Starts `backstride serve` (gunicorn, 2 workers x 2 threads by default) on a fresh SQLite database
with two runners, one a week into the program and one a year in (each with an API token), and
loads with wrk: /ping/ (the smallest signed-in page, the floor), GET /api/v1/today and
/api/v1/plan, and POST /api/v1/sessions (a session log, which replays and stores the program).
The session logs are spread over --runners runners of each kind (a fresh token each request, in
turn), as a server sees them: a runner logs once or twice a day, not hundreds of sessions on one
day (a run sends several thousand logs: each of 40 runners still gets fifty to a hundred that day).
Targets, as ratios of the floor's throughput in the same run: today and plan >= 0.5, a session
log >= 0.3, and a session log for the year-long runner within 1.5x of the week-long one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from today_speed import seed_year, setup_django
from web_speed import HOST, free_port, sign_in, wait_for, wrk_figures

PASSWORD = "a benchmark password"


def account(runner_id: int, username: str, password: str | None = None) -> str:
    """A user for the runner, with an API token; the token. Without a password the account can only
    use its token (hashing a password takes a quarter of a second, on purpose)."""
    from django.contrib.auth import get_user_model

    from backstride.accounts.models import ApiToken
    from backstride.runners.models import Runner

    user = get_user_model().objects.create_user(username, password=password)
    Runner.objects.filter(pk=runner_id).update(user=user)
    _, key = ApiToken.issue(user, "benchmark")
    return key


# Each wrk thread runs its own copy of the script: rotating over the same list, both would send the
# same runner's log at the same moment, a collision a server meets only when one runner logs twice at
# once (the second write then replays under the lock). So each thread takes every WRK_THREADS-th token
# from its own start, and each has fewer connections than runners.
WRK_THREADS = 2
ROTATE = """
tokens = {%s}
threads = 0
setup = function(thread)
  thread:set("start", threads)
  threads = threads + 1
end
request = function()
  local i = start + 1 + (n or 0) * %d
  if i > #tokens then
    n, i = 0, start + 1
  end
  n = (n or 0) + 1
  local headers = {["Authorization"] = "Bearer " .. tokens[i], ["Content-Type"] = "application/json"}
  return wrk.format("POST", nil, headers, %s)
end
"""


def wrk(
    port: int,
    path: str,
    headers: dict,
    seconds: int,
    clients: int,
    body: str | None = None,
    tokens: list[str] | None = None,
) -> dict:
    command = ["wrk", "-t", str(WRK_THREADS), "-c", str(clients), "-d", f"{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    script = None
    if body is not None:
        script = Path(tempfile.mkstemp(suffix=".lua")[1])
        if tokens:  # each request signed by the next runner's token in turn
            script.write_text(ROTATE % (", ".join(json.dumps(t) for t in tokens), WRK_THREADS, json.dumps(body)))
        else:
            script.write_text(f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\n')
        command += ["-s", str(script)]
    out = subprocess.run([*command, f"http://{HOST}:{port}{path}"], capture_output=True, text=True).stdout
    if script:
        script.unlink()
    return wrk_figures(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runners", type=int, default=40, help="runners of each kind the session logs go to")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    tmp = Path(tempfile.mkdtemp(prefix="backstride-api-"))
    db = tmp / "bench.sqlite3"
    os.environ["BACKSTRIDE_CACHE_DIR"] = str(tmp / "cache")
    setup_django(str(db))
    today = dt.date.today()
    year = seed_year(today - dt.timedelta(days=364))
    keys = {"year": account(year, "year")}
    from backstride.runners.models import Runner

    Runner.objects.filter(pk=year).update(name="A year in")
    week = seed_year(today - dt.timedelta(days=6), days=7)
    keys["week"] = account(week, "week", PASSWORD)  # also signs in, for the floor page
    writers: dict[str, list[str]] = {"week": [keys["week"]], "year": [keys["year"]]}
    for n in range(1, args.runners):
        for who, days in (("week", 7), ("year", 365)):
            writers[who].append(account(seed_year(today - dt.timedelta(days=days - 1), days=days), f"{who}{n}"))

    env = dict(os.environ, BACKSTRIDE_DB=str(db))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "backstride", "serve", "--port", str(port), "--workers", str(args.workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    day = today.isoformat()
    log = json.dumps({"date": day, "pain_before": 1, "pain_during": 1, "pain_after": 1, "effort": 4})
    results: dict[str, dict] = {}
    try:
        wait_for(port)
        cookie = {"Cookie": sign_in(port, "week", PASSWORD)}
        bearer = {who: {"Authorization": f"Bearer {key}"} for who, key in keys.items()}
        runs = [("floor  GET /ping/", "/ping/", cookie, None)]
        for who in ("week", "year"):
            runs += [
                (f"{who}   GET /api/v1/today", f"/api/v1/today?date={day}", bearer[who], None),
                (f"{who}   GET /api/v1/plan", f"/api/v1/plan?date={day}", bearer[who], None),
            ]
        for _label, path, headers, body in runs:  # warm every worker on every path first
            wrk(port, path, headers, 3, args.clients, body)
        for label, path, headers, body in runs:
            results[label] = wrk(port, path, headers, args.seconds, args.clients, body)
        # the floor again at the end: the ratios use the faster of its two runs, the stricter comparison
        again = wrk(port, "/ping/", cookie, args.seconds, args.clients)
        if again["rps"] > results["floor  GET /ping/"]["rps"]:
            results["floor  GET /ping/"] = again
        for who in ("week", "year"):  # each worker meets each runner once first, as a long-running server has
            wrk(port, "/api/v1/sessions", {}, 3, args.clients, log, writers[who])
        for who in ("week", "year"):
            label = f"{who}   POST /api/v1/sessions"
            results[label] = wrk(port, "/api/v1/sessions", {}, args.seconds, args.clients, log, writers[who])
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(
        f"gunicorn {args.workers} workers x 2 threads on SQLite, wrk {args.clients} connections, "
        f"{args.seconds} s each; a year-long runner has 365 check-ins, 69 sessions and 156 runs; "
        f"session logs spread over {args.runners} runners of each kind"
    )
    for label, r in results.items():
        print(
            f"  {label:30s} {r['rps']:8.1f} req/s   p50 {r['p50']:7.1f} ms   p99 {r['p99']:7.1f} ms   "
            f"non-2xx {r['errors']}"
        )
    floor = results["floor  GET /ping/"]["rps"]
    print("ratios to the floor:")
    for label, target in (("GET /api/v1/today", 0.5), ("GET /api/v1/plan", 0.5), ("POST /api/v1/sessions", 0.3)):
        for who in ("week", "year"):
            ratio = results[f"{who}   {label}"]["rps"] / floor
            print(f"  {who:5s} {label:24s} {ratio:5.2f}   (target >= {target})")
    posts = {who: results[f"{who}   POST /api/v1/sessions"]["rps"] for who in ("week", "year")}
    print(f"session log, week / year throughput: {posts['week'] / posts['year']:.2f}   (target <= 1.5)")


if __name__ == "__main__":
    main()
