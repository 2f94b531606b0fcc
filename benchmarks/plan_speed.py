"""How long one plan takes: 1,000 varied intakes, median and p99 per plan.

Run on demand: python benchmarks/plan_speed.py [--count N]
Target: median under 5 ms per plan.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import statistics
import time
from pathlib import Path
from typing import get_args

from backstride.core.assessment import assess
from backstride.core.calendar import DAYS
from backstride.core.intake import Activity, EquipmentName, parse_intake
from backstride.core.library import load_library
from backstride.core.planner import build_plan
from backstride.core.profile import build_profile

ROOT = Path(__file__).resolve().parent.parent
ACTIVITIES = list(get_args(Activity))
EQUIPMENT = list(get_args(EquipmentName))


def varied_intake(rng: random.Random, base: dict) -> dict:
    d = json.loads(json.dumps(base))
    d["start_date"] = (dt.date(2026, 12, 1) + dt.timedelta(days=rng.randrange(365))).isoformat()
    d["pain"]["now"] = rng.randint(0, 6)
    d["pain"]["worst_last_week"] = rng.randint(d["pain"]["now"], 10)
    d["pain"]["pain_below_knee"] = rng.random() < 0.2
    d["aggravated_by"] = rng.sample(ACTIVITIES, rng.randint(0, 4))
    d["eased_by"] = rng.sample(ACTIVITIES, rng.randint(0, 2))
    d["equipment"] = rng.sample(EQUIPMENT, rng.randint(0, len(EQUIPMENT)))
    days = sorted(rng.sample(DAYS, rng.randint(1, 7)), key=DAYS.index)
    d["availability"] = {"days": days, "minutes_per_session": rng.choice([10, 15, 20, 30, 45, 60])}
    status = rng.choice(["running_pain_free", "running_with_pain", "stopped_due_to_pain"])
    run_days = sorted(rng.sample(DAYS, rng.randint(1, 5)), key=DAYS.index)
    if status == "stopped_due_to_pain":
        d["running"] = {
            "status": status,
            "runs_per_week": 0,
            "weekly_km": 0,
            "run_days": run_days,
            "walk_30_min_comfortable": rng.random() < 0.5,
        }
    else:
        km = rng.randint(10, 80)
        d["running"] = {
            "status": status,
            "runs_per_week": len(run_days),
            "weekly_km": km,
            "long_run_km": round(km * 0.35, 1),
            "run_days": run_days,
            "long_run_day": rng.choice(run_days),
            "pain_during_run": rng.randint(0, 7),
        }
    return d


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    base = json.loads((ROOT / "examples" / "intake-sam.json").read_text())
    rng = random.Random(20261126)
    intakes = [parse_intake(varied_intake(rng, base)) for _ in range(args.count)]
    library = load_library()
    build_plan(intakes[0], build_profile(intakes[0]), library)  # warm caches once

    plan_ms, assess_ms = [], []
    for intake in intakes:
        t0 = time.perf_counter()
        build_plan(intake, build_profile(intake), library)
        t1 = time.perf_counter()
        assess(intake, library)
        t2 = time.perf_counter()
        plan_ms.append((t1 - t0) * 1000)
        assess_ms.append((t2 - t1) * 1000)

    print(f"python {platform.python_version()} on {platform.machine()}, {args.count} varied intakes")
    for label, values in (("profile + plan", plan_ms), ("full assessment (screen, scores, plan)", assess_ms)):
        print(
            f"{label:40s} median {statistics.median(values):6.2f} ms   p99 {percentile(values, 99):6.2f} ms"
            f"   max {max(values):6.2f} ms"
        )
    verdict = "meets" if statistics.median(plan_ms) < 5 else "MISSES"
    print(f"target: median under 5 ms per plan: {verdict}")


if __name__ == "__main__":
    main()
