"""How long does a `backstride` command take from start to finish, as a user runs it?

Run on demand:  python benchmarks/cli_startup.py [--runs N]
Times a fresh process each run: `backstride --help`, `backstride exercises --json`, and
`backstride today --json` for a runner with a year of logs (seeded as benchmarks/today_speed.py does).
Prints the median and the slowest wall time, and the median CPU time of the process (user + system):
on a busy machine the wall time includes waiting for the processor, the CPU time does not.
Targets: --help under 0.3 s and today --json under 0.5 s (median wall time of 10 runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from today_speed import DAYS, seed_year, setup_django

TARGETS = {"--help": 0.3, "today --json": 0.5}


def backstride() -> list[str]:
    """The console script next to this Python, as a user runs it (else the module)."""
    script = Path(sys.executable).with_name("backstride")
    if script.exists():
        return [str(script)]
    found = shutil.which("backstride")
    return [found] if found else [sys.executable, "-m", "backstride"]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict, runs: int) -> tuple[list[float], list[float]]:
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm up: bytecode, the library cache
    wall, cpu = [], []
    for _ in range(runs):
        c, t = children_cpu(), time.perf_counter()
        out = subprocess.run(command, env=env, capture_output=True, text=True)
        wall.append(time.perf_counter() - t)
        cpu.append(children_cpu() - c)
        if out.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{out.stderr}")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="fresh processes per command (default 10)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="backstride-startup-"))
    db = str(tmp / "bench.sqlite3")
    setup_django(db)
    start = dt.date(2026, 1, 5)
    seed_year(start)
    last = (start + dt.timedelta(days=DAYS - 1)).isoformat()
    print(f"database: {db}, one runner with a year of logs; command: {' '.join(backstride())}")

    env = dict(os.environ, BACKSTRIDE_CACHE_DIR=str(tmp / "cache"))
    for name in ("DJANGO_SETTINGS_MODULE", "BACKSTRIDE_DB", "DATABASE_URL"):
        env.pop(name, None)  # as a user runs it: the command picks its own settings and is told the database
    commands = {
        "--help": ["--help"],
        "exercises --json": ["exercises", "--json"],
        "today --json": ["today", "--json", "--date", last, "--db", db],
    }
    missed = []
    for label, extra in commands.items():
        wall, cpu = timed([*backstride(), *extra], env, args.runs)
        target = TARGETS.get(label)
        verdict = ""
        if target is not None:
            met = statistics.median(wall) < target
            verdict = f"   target < {target} s: {'met' if met else 'MISSED'}"
            if not met:
                missed.append(label)
        print(
            f"backstride {label:17s} {args.runs} runs: median {statistics.median(wall):.3f} s   "
            f"max {max(wall):.3f} s   (CPU median {statistics.median(cpu):.3f} s){verdict}"
        )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("targets: all met" if not missed else f"targets MISSED: {', '.join(missed)}")


if __name__ == "__main__":
    main()
