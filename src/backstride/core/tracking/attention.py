"""What a clinician should look at first, worked out when a runner logs (so the roster only reads)."""

from __future__ import annotations

import datetime as dt
import statistics

from . import load
from .events import History
from .state import ProgramState

PAIN_RISE_POINTS = 1.0  # weekly mean morning pain up by a point (the same rule as the adaptation)
WINDOW = dt.timedelta(days=7)

# Most urgent first; the roster sorts by the first flag a runner has.
ORDER = (
    "red_flag",
    "flare_up",
    "pain_rising",
    "load_jump",
    "sessions_missed",
    "maintenance_lapsed",  # worked out by the reminders' job, not at a log: a lapsed runner logs nothing
    "outcome_due",
    "startback_risk",
    "no_log",
)


def attention(
    program,
    history: History,
    state: ProgramState,
    day: dt.date,
    outcomes_due: list[dict],
    startback_risk: str | None = None,
) -> dict:
    week_ago, fortnight_ago = day - WINDOW, day - 2 * WINDOW
    recent = [c.pain for c in history.checkins if week_ago < c.date <= day]
    before = [c.pain for c in history.checkins if fortnight_ago < c.date <= week_ago]
    rising = bool(recent and before and statistics.mean(recent) - statistics.mean(before) >= PAIN_RISE_POINTS)
    rising = rising or state.pain_rise_since is not None  # held 2 points above the settled level
    planned = 0
    for n in range(1, 8):
        d = day - dt.timedelta(days=n)
        session = program.session_for(d, state) if d >= program.start else None
        planned += session is not None and session["kind"] in ("trunk_strength", "maintenance", "reentry")
    done = sum(1 for s in history.sessions if day - WINDOW <= s.date < day)
    dates = [x.date for x in (*history.sessions, *history.checkins, *history.runs)]
    # running up more than 30 % over two weeks (Nielsen et al. 2014): this week so far, else the last whole week
    jump = load.latest_jump(load.weekly(program.start, day, recent_runs(program.start, day, history.runs)))
    return {
        "red_flag": state.paused.status if state.paused else None,
        "paused_because": state.paused.cause if state.paused else None,
        "flare_up": state.flare_start.isoformat() if state.flare_start else None,
        "pain_rising": rising,
        "load_jump": jump is not None,
        "two_week_change": jump,
        "sessions_missed": max(planned - done, 0),
        "outcome_due": [o["kind"] for o in outcomes_due],
        "last_log": max(dates).isoformat() if dates else None,
        "mean_morning_pain": round(statistics.mean(recent), 1) if recent else None,
        # medium or high STarT Back risk: a physiotherapist alongside the program (Hill et al. 2011)
        "startback_risk": startback_risk,
    }


def recent_runs(start: dt.date, day: dt.date, runs) -> list:
    """The runs the latest two-week rise is worked out from: the last two program weeks and the two
    weeks before each (a long history's earlier weeks cannot change it)."""
    weeks_back = (day - start).days // 7 - (load.WEEKS_APART + 1)
    first = start + dt.timedelta(weeks=max(weeks_back, 0))
    return [r for r in runs if r.date >= first]
