"""Training load (CLINICAL.md section 7): what the runner did and how hard, beside what the plan allowed.

Weekly running distance and time (runs only: a walk is not run volume) against the plan's caps, the change over
two weeks, session load (effort × minutes, runs and trunk sessions together) and the acute:chronic workload ratio,
which is advice only. Plain values in and out: it runs on every progress page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from .events import RunReport

TWO_WEEK_CHANGE_FLAG = 0.30  # Nielsen et al. 2014: more injuries above a 30 % rise over two weeks (CLINICAL.md s7)
WEEKS_APART = 2  # this week against the week two before it (Nielsen et al. 2014, CLINICAL.md s7)
ACUTE_DAYS = 7  # ACWR's acute load: the last 7 days (CLINICAL.md s7)
CHRONIC_DAYS = 28  # ACWR's chronic load: the 28-day average of weekly load; none before 28 days (CLINICAL.md s7)
ACWR_BAND = (0.8, 1.3)  # Gabbett 2016; criticised as a statistical artefact (Lolli 2019; Impellizzeri 2021)
# Rolling averages, coupled: the acute 7 days lie inside the chronic 28 days (the variant CLINICAL.md s7 asks to name)
ACWR_VARIANT = "rolling_averages_coupled"
ACWR_DAYS_KEPT = 28  # the ratio by day for the last four weeks: enough to read a trend, small enough for every page


@dataclass(frozen=True)
class WeekCap:
    """The plan's running limit for one program week: a distance, a time, or both; None where it sets none."""

    km: float | None = None
    minutes: float | None = None


@dataclass(frozen=True)
class Bout:
    """One session that counts as load: a run or a trunk session, with its session RPE when it was given."""

    date: dt.date
    kind: str  # "run" or "trunk"
    minutes: float
    effort: int | None  # Borg CR10 for the whole session; None when the runner has not rated it

    @property
    def load(self) -> float | None:
        return None if self.effort is None else self.effort * self.minutes


def caps_from_plan(weeks: Sequence[dict]) -> list[WeekCap]:
    """Each plan week's cap as the plan set it: km for volume weeks, running minutes for walk-run weeks."""
    out = []
    for week in weeks:
        running = week["running"]
        timed = [r for r in running.get("runs", []) if "run_minutes" in r]
        minutes = sum(r["run_minutes"] * r["repeats"] for r in timed) if timed else None
        if running.get("mode") == "walk":
            minutes = 0  # no running yet: any run is over the plan
        out.append(WeekCap(running.get("weekly_km_cap"), minutes))
    return out


def run_bouts(runs: Iterable[RunReport]) -> list[Bout]:
    """Runs as load; walks are left out like they are left out of run volume."""
    return [Bout(r.date, "run", r.minutes, r.effort) for r in runs if not r.walk]


def change(now: float, before: float) -> float | None:
    """The rise from `before` to `now` as a fraction (0.35 is 35 % up); None when there was nothing before."""
    return round(now / before - 1, 2) if before > 0 else None


def _passes(value: float | None) -> bool:
    return value is not None and value > TWO_WEEK_CHANGE_FLAG


def weekly(
    start: dt.date,
    day: dt.date,
    runs: Iterable[RunReport],
    trunk: Iterable[Bout] = (),
    caps: Sequence[WeekCap] = (),
) -> list[dict]:
    """Program weeks 1 to the week of `day`: running against the cap, the two-week change, and session load."""
    weeks = max((day - start).days // 7 + 1, 0)
    rows = [
        {"week": w, "km": 0.0, "minutes": 0.0, "run_load": 0.0, "trunk_load": 0.0, "sessions": 0, "unrated": 0}
        for w in range(1, weeks + 1)
    ]
    runs = [r for r in runs if not r.walk and start <= r.date <= day]
    for run in runs:
        row = rows[(run.date - start).days // 7]
        row["km"] += run.km
        row["minutes"] += run.minutes
    for bout in [*run_bouts(runs), *trunk]:
        if not start <= bout.date <= day:
            continue
        row = rows[(bout.date - start).days // 7]
        row["sessions"] += 1
        if bout.load is None:
            row["unrated"] += 1
        else:
            row[f"{bout.kind}_load"] += bout.load
    for i, row in enumerate(rows):
        cap = caps[i] if i < len(caps) else WeekCap()
        before = rows[i - WEEKS_APART] if i >= WEEKS_APART else None
        change_km = change(row["km"], before["km"]) if before else None
        change_minutes = change(row["minutes"], before["minutes"]) if before else None
        row["km_cap"], row["minutes_cap"] = cap.km, cap.minutes
        row["change_km"], row["change_minutes"] = change_km, change_minutes
        row["flag"] = _passes(change_km) or _passes(change_minutes)
    for row in rows:
        row["km"], row["minutes"] = round(row["km"], 1), round(row["minutes"])
        row["run_load"], row["trunk_load"] = round(row["run_load"]), round(row["trunk_load"])
        row["load"] = row["run_load"] + row["trunk_load"]
        row["over_cap"] = (row["km_cap"] is not None and row["km"] > row["km_cap"]) or (
            row["minutes_cap"] is not None and row["minutes"] > row["minutes_cap"]
        )
    return rows


def latest_jump(rows: Sequence[dict]) -> dict | None:
    """The two-week rise that stands for now: this week's once it passes the limit (it can only grow as the week
    goes on), else last week's, the latest whole week. None when neither passes."""
    for row in reversed(rows[-2:]):
        if row["flag"]:
            return {"week": row["week"], "change_km": row["change_km"], "change_minutes": row["change_minutes"]}
    return None


def acwr(start: dt.date, day: dt.date, bouts: Iterable[Bout]) -> dict:
    """The acute:chronic workload ratio by day (rolling averages, coupled), from day 28 of the history on.

    Acute: the load of the last 7 days. Chronic: the load of the last 28 days as a weekly average (divided by 4).
    Sessions without an effort are not given one: they are left out and counted, so the ratio says what it misses.
    """
    bouts = [b for b in bouts if b.date <= day]
    first = min([start, *(b.date for b in bouts)])
    out = {
        "variant": ACWR_VARIANT,
        "band": list(ACWR_BAND),
        "acute_days": ACUTE_DAYS,
        "chronic_days": CHRONIC_DAYS,
        "available_from": (first + dt.timedelta(days=CHRONIC_DAYS - 1)).isoformat(),
        "days": [],
        "latest": None,
    }
    span = (day - first).days + 1
    if span < CHRONIC_DAYS:
        return out
    daily = [0.0] * span
    for bout in bouts:
        daily[(bout.date - first).days] += bout.load or 0.0
    total = [0.0, *accumulate(daily)]  # total[i]: the load of the first i days
    for i in range(max(CHRONIC_DAYS - 1, span - ACWR_DAYS_KEPT), span):
        acute = total[i + 1] - total[i + 1 - ACUTE_DAYS]
        chronic = (total[i + 1] - total[i + 1 - CHRONIC_DAYS]) / (CHRONIC_DAYS / ACUTE_DAYS)
        ratio = round(acute / chronic, 2) if chronic > 0 else None
        out["days"].append(
            {
                "date": (first + dt.timedelta(days=i)).isoformat(),
                "acute": round(acute),
                "chronic": round(chronic),
                "ratio": ratio,
                "in_band": None if ratio is None else ACWR_BAND[0] <= ratio <= ACWR_BAND[1],
            }
        )
    window = day - dt.timedelta(days=CHRONIC_DAYS - 1)
    unrated = sum(1 for b in bouts if b.effort is None and window <= b.date)
    out["latest"] = out["days"][-1] | {"unrated": unrated}
    return out


def training_load(
    start: dt.date, day: dt.date, runs: Iterable[RunReport], trunk: Iterable[Bout], caps: Sequence[WeekCap]
) -> dict:
    """Everything the progress pages show about load, in one plain dict."""
    runs, trunk = [r for r in runs if r.date <= day], [b for b in trunk if b.date <= day]
    weeks = weekly(start, day, runs, trunk, caps)
    return {
        "weeks": weeks,
        "flag_above": TWO_WEEK_CHANGE_FLAG,
        "latest_jump": latest_jump(weeks),
        "unrated": sum(w["unrated"] for w in weeks),
        "acwr": acwr(start, day, [*run_bouts(runs), *trunk]),
    }
