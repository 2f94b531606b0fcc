"""Read-only views of a runner's program: today, the plan with its changes, progress.

Nothing here writes: the adaptation is replayed in memory for the day asked about.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import statistics
from collections.abc import Callable

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from backstride import __version__
from backstride.core.planner.running import WALK_RUN_STAGES, pain_rule
from backstride.core.planner.volume import running_summary
from backstride.core.questionnaires import endurance as endurance_q
from backstride.core.tracking import load, outcomes
from backstride.core.tracking.decisions import ADJUSTED
from backstride.core.units import distance

from . import models as m
from . import plan_marks as marks
from .program import plain_rows, state_for
from .services import active_plan, red_flags_due

RECENT_DECISIONS = 5
VIEW_SECONDS = 6 * 3600
MAINTENANCE_WEEKS_SHOWN = 4  # how far ahead the plan page lists the weekly session after week 8


def as_change(decision: dict) -> dict:
    """A decision as "what changed and why" shows it: marked when a clinician made it."""
    by_clinician = decision["kind"] == ADJUSTED or bool((decision.get("details") or {}).get("author"))
    return decision | {"by_clinician": by_clinician}


def changes_by_day(changes: list[dict]) -> list[dict]:
    """Changes (newest first) gathered under each day, the newest day first, as the pages list them."""
    days: list[dict] = []
    for change in changes:
        if not days or days[-1]["date"] != change["date"]:
            days.append({"date": change["date"], "day": dt.date.fromisoformat(change["date"]), "changes": []})
        days[-1]["changes"].append(change)
    return days


# Raised when what a view holds changes shape or wording, so that a server upgraded in place never
# serves an entry the old code kept (entries live VIEW_SECONDS); the release's version is in the key too.
VIEW_FORMAT = 3


def code_mark() -> str:
    """What marks a cached entry as made by this code: the release and the views' format."""
    return f"{__version__}.{VIEW_FORMAT}"


def view_key(kind: str, runner: m.Runner, day: dt.date) -> str:
    """The cache key of one view of a runner's program as it stands (its version) on a day."""
    born = runner.created_at.timestamp()  # ids are reused by a new database; this is not
    return f"view:{code_mark()}:{kind}:{runner.id}:{born}:{runner.version}:{day.isoformat()}:{get_language()}"


def version_cached(kind: str) -> Callable:
    """Keep a view in the shared cache, per runner, program version, day and language.

    Every write that changes what these views show bumps the runner's version, so an entry is
    never stale: after a write the old key is simply no longer asked for. The web pages and the
    API read the same entries.
    """

    def wrap(build: Callable[[m.Runner, dt.date], dict]) -> Callable[[m.Runner, dt.date], dict]:
        @functools.wraps(build)
        def view(runner: m.Runner, day: dt.date) -> dict:
            # the version as stored: a runner loaded before someone else's write must not read the old entry
            stored = m.Runner.objects.filter(pk=runner.pk).values_list("version", flat=True).first()
            runner.version = runner.version if stored is None else stored
            key = view_key(kind, runner, day)
            found = cache.get(key)
            if found is None:
                found = build(runner, day)
                cache.set(key, found, VIEW_SECONDS)
            return found

        return view

    return wrap


TWO_WEEK_LOAD_FLAG = load.TWO_WEEK_CHANGE_FLAG  # Nielsen et al. 2014, kept under its old name


def running_for(program, state, day: dt.date, runner_units: str = "km") -> dict:
    week = program.week_of(day)
    weeks = program.plan["weeks"]
    guide = weeks[min(max(week, 1), len(weeks)) - 1]["running"]
    # after a held or advanced week, the day stands for another day of the plan: that day's run, dated today
    plan_day = program.effective(day).isoformat()
    runs_today = (
        [r | {"date": day.isoformat()} for r in guide["runs"] if r["date"] == plan_day]
        if 1 <= week <= len(weeks)
        else []
    )
    out = {"status": guide["status"], "mode": guide["mode"], "pain_rule": pain_rule(), "runs_today": runs_today}
    if state.paused:
        return out | {"mode": "paused", "summary": _("No running until a clinician has seen you."), "runs_today": []}
    if state.in_flare(day):
        return out | {
            "mode": "settle_down",
            "summary": _("Walking only during the settle-down block."),
            "runs_today": [],
        }
    if program.walk_run:
        if state.walk_run_from is None:
            # walk-run waits for the runner's own logs, whatever week the calendar shows
            missing = _(" and ").join(state.walk_run_missing)
            return out | {
                "mode": "walk",
                "summary": _("Walking only for now: walk-run starts once you have {missing}.").format(missing=missing),
                "runs_today": [],
                "walk_run_missing": list(state.walk_run_missing),
            }
        run_min, walk_min, reps = WALK_RUN_STAGES[state.run_stage]
        stage = state.run_stage + 1
        summary = (
            _(
                "Walk-run stage {stage}: run {run} min, walk {walk} min, {reps} times; "
                "at least one rest day between runs."
            ).format(stage=stage, run=run_min, walk=walk_min, reps=reps)
            if walk_min
            else _("Stage {stage}: {run} min of easy continuous running.").format(stage=stage, run=run_min)
        )
        return out | {"mode": "walk_run", "summary": summary, "stage": state.run_stage + 1}
    caps = [w["running"]["weekly_km_cap"] for w in weeks]
    planned = max(min(week, len(caps)) - 1, 0)
    index = min(state.run_pos, planned)
    cap = caps[index] if index >= 0 else caps[0] * (0.8**-index)
    # the planner's own words for the week, with the cap the runs have earned so far
    summary = running_summary(guide["mode"], cap, runner_units)
    if round(cap, 1) < round(caps[planned], 1):  # the plan's weeks may share a cap: only a lower one is held
        summary += " " + _("Held below the plan's {distance} until your runs settle.").format(
            distance=distance(caps[planned], runner_units)
        )
        out["runs_today"] = held_runs(runs_today, cap / caps[planned], runner_units)
    return out | {"summary": summary, "weekly_km_cap": round(cap, 1)}


def held_runs(runs: list[dict], share: float, units: str) -> list[dict]:
    """The planned runs cut to the share of the plan's cap the runs have earned, so that a held week's
    runs add up to its cap, not to the plan's (their words name the distance, so they change with it)."""
    out = []
    for run in runs:
        km = run.get("km")
        if not km or share >= 1 or run.get("kind") == "race":  # the race is its own distance
            out.append(run)
            continue
        held = math.floor(km * share * 10) / 10  # down to 100 m, as the planner rounds
        words = run["description"].replace(distance(km, units), distance(held, units), 1)
        out.append(run | {"km": held, "description": words})
    return out


@version_cached("today")
def today_view(runner: m.Runner, day: dt.date) -> dict:
    from backstride.core.education import lesson_of_the_day

    plan = active_plan(runner)
    program, history, state = state_for(runner, plan, day)
    week = program.week_of(day)
    session = program.session_for(day, state)
    done = any(s.date == day for s in history.sessions)
    checked_in = any(c.date == day for c in history.checkins)
    due = outcomes_due(runner, plan, day, state)
    daily = None
    if 1 <= week <= len(plan.data["weeks"]) and not state.paused and not state.in_flare(day):
        daily = plan.data["weeks"][week - 1]["daily_mobility"]
    lesson = None
    if not state.paused:  # a referral comes first: no reading about "hurt is not harm" while it stands
        # The plan day, so held or advanced weeks keep the lessons in step with the program's week.
        found = lesson_of_the_day(
            plan.start_date,
            program.effective(day),
            plan.assessment.result["startback"]["risk"],
            flare_up=state.in_flare(day),
        )
        lesson = {"slug": found.slug, "title": found.title, "summary": found.summary} if found else None
    return {
        "runner": runner.name,
        "date": day.isoformat(),
        "week": week,
        "starts": plan.start_date.isoformat(),  # week 1's first day: before it, week is 0
        "phase": _phase(plan.data, week, state, day),
        "paused": state.paused.as_dict() if state.paused else None,
        "flare_up": {"since": state.flare_start.isoformat(), "reason": state.flare_reason}
        if state.flare_start
        else None,
        "session": session,
        "session_logged": done,
        "daily_mobility": daily,
        "running": _this_week(
            _runs_done(running_for(program, state, day, runner.units), history),
            history,
            plan.start_date,
            day,
            runner.units,
        ),
        "runs_to_rate": runs_to_rate(runner, day),
        "checkin": {"due": not checked_in and not state.paused, "red_flags_due": red_flags_due(runner, day)},
        "outcomes_due": due,
        "nudges": shown_nudges(state.nudges[-3:], session, day),
        "recent_changes": [as_change(d.as_dict()) for d in reversed(state.decisions[-RECENT_DECISIONS:])],
        "lesson": lesson,
    }


def shown_nudges(nudges, session: dict | None, day: dt.date) -> list[dict]:
    """The nudges for today's page; "no core session last week, the next is on Monday" is not
    shown on that Monday above the session itself, nor once a week has gone by."""
    out = []
    for nudge in nudges:
        if nudge.kind == "missed_core_week" and (
            (session and session["kind"] == "maintenance") or (day - nudge.date).days >= 7
        ):
            continue
        out.append(nudge.as_dict())
    return out


def maintenance_sessions(program, state, end: dt.date, day: dt.date) -> list[dict]:
    """The weekly sessions after the 8 weeks, for the next few weeks, as they stand now; none while paused."""
    if state.paused:
        return []
    first = max(day, end + dt.timedelta(days=1))
    out = []
    for n in range(MAINTENANCE_WEEKS_SHOWN * 7):
        d = first + dt.timedelta(days=n)
        session = program.session_for(d, state)
        if session is not None and session["kind"] == "maintenance":
            out.append(session | {"week": program.week_of(d)})
    return out


OUTCOME_DATES = "SELECT kind, date FROM runners_outcomemeasure WHERE runner_id = %s ORDER BY date, id"


def outcomes_due(runner: m.Runner, plan: m.Plan, day: dt.date, state) -> list[dict]:
    if state.paused:
        return []
    recorded: dict[str, list[dt.date]] = {}
    for kind, d in plain_rows(OUTCOME_DATES, runner.pk):  # on every write: plain SQL (see program.history_for)
        recorded.setdefault(kind, []).append(d)
    intake = plan.assessment.intake
    if intake.get("endurance"):
        recorded.setdefault("endurance", []).append(plan.start_date)
    has_psfs = bool(intake.get("psfs")) or "psfs" in recorded
    # no maximal endurance tests during a flare-up, nor before the start for a highly irritable back
    irritability = plan.assessment.result.get("profile", {}).get("irritability", "normal")
    return outcomes.due(plan.start_date, day, recorded, has_psfs, state.in_flare(day), irritability)


def _phase(plan: dict, week: int, state, day: dt.date) -> str:
    if state.paused:
        return "paused"
    if state.in_flare(day):
        return "settle_down"
    if state.in_reentry(day):
        return "reentry"
    if week > len(plan["weeks"]):
        return "maintenance"
    return plan["weeks"][max(week, 1) - 1]["phase"]


@version_cached("plan")
def plan_view(runner: m.Runner, day: dt.date) -> dict:
    plan = active_plan(runner)
    program, history, state = state_for(runner, plan, day)
    dates = [dt.date.fromisoformat(s["date"]) for w in plan.data["weeks"] for s in w["sessions"]]
    logged = marks.logs_by_session(dates, tuple(s for s in history.sessions if s.date <= day))
    weeks = []
    for week in plan.data["weeks"]:
        sessions = []
        for s in week["sessions"]:
            d = dt.date.fromisoformat(s["date"])
            # the next week as it stands now; later weeks follow the plan from wherever you are then
            adapted = program.session_for(d, state) if day <= d <= day + dt.timedelta(days=7) else None
            adapted = adapted if _differs(adapted, s) else None
            log = logged.get(d)
            # what the runner did, where they logged it; else the session as it stands or as planned
            shown = (
                marks.exercises_done(s, log, program.library, program.ladders) if log else (adapted or s)["exercises"]
            )
            sessions.append(
                {
                    "planned": s,
                    "adapted": adapted,
                    "status": marks.status_of(s, log, d, day),
                    "logged_on": log.date.isoformat() if log else None,
                    "exercises": shown,
                }
            )
        weeks.append(
            {k: week[k] for k in ("number", "phase", "phase_title", "start_date", "end_date")}
            | {"sessions": sessions, "running": week_running(program, state, history, week, day, runner.units)}
        )
    # newest first: the latest change is what a runner or clinician opens the page to see
    rows = m.Decision.objects.filter(runner=runner).order_by("-date", "-id")
    # listed without their details (the API's DecisionOut says so), which only say whether a clinician made it
    stored = [
        {k: v for k, v in as_change(d).items() if k != "details"} | {"date": d["date"].isoformat()}
        for d in rows.values("date", "target", "kind", "reason", "details")
    ]
    return {
        "runner": runner.name,
        "start_date": plan.data["start_date"],
        "end_date": plan.data["end_date"],
        "weeks": weeks,
        "maintenance": plan.data["maintenance"],
        "maintenance_sessions": maintenance_sessions(program, state, dt.date.fromisoformat(plan.data["end_date"]), day),
        "changes": stored or [as_change(d.as_dict()) for d in reversed(state.decisions)],
        "episodes": [e.as_dict() for e in state.episodes],
        "paused": state.paused.as_dict() if state.paused else None,
    }


RUNS_ON_HOLD = ("paused", "settle_down", "walk")  # running modes in which no planned run goes ahead


def week_running(program, state, history, week: dict, day: dt.date, units: str) -> dict:
    """A plan week's running as the plan, the clinician's record, the CLI and the API show it.

    The week that holds `day` reads as Today does (the same words, cap and runs so far); the days
    ahead in it lose their runs while running is on hold. Other weeks read as planned.
    """
    running = _runs_done(week["running"], history, "runs")
    first, last = dt.date.fromisoformat(week["start_date"]), dt.date.fromisoformat(week["end_date"])
    if not first <= day <= last:
        return running | {"adapted": False}
    now = running_for(program, state, day, units)
    shown = {k: now[k] for k in ("mode", "summary") if k in now}
    if "weekly_km_cap" in now or now["mode"] in RUNS_ON_HOLD:
        shown["weekly_km_cap"] = now.get("weekly_km_cap")
    # what was run stays as it was; each day ahead has the run Today will show on it (none while running is
    # on hold, a shorter one in a held week, the plan's other day after a held or advanced week)
    runs = [r for r in running["runs"] if r["date"] < day.isoformat() or r["done"]]
    done = {r["date"] for r in runs}
    for n in range((last - day).days + 1):
        ahead = day + dt.timedelta(days=n)
        if ahead.isoformat() not in done:
            runs += [r | {"done": False} for r in running_for(program, state, ahead, units)["runs_today"]]
    held = _this_week(now, history, program.start, day, units)["this_week"]
    return running | shown | {"runs": runs, "adapted": True, "this_week": held}


def _this_week(running: dict, history, start: dt.date, day: dt.date, units: str) -> dict:
    """What this plan week's runs add up to so far, and what is left of its cap (walks are not run volume)."""
    first = start + dt.timedelta(days=((day - start).days // 7) * 7) if day >= start else day
    runs = [r for r in history.runs if first <= r.date <= day and not r.walk]
    km = round(sum(r.km for r in runs), 1)
    week = {"km": km, "distance": distance(km, units), "runs": len(runs), "left": None}
    cap = running.get("weekly_km_cap")
    if cap is not None:
        week["left"] = distance(max(cap - km, 0.0), units)
    return running | {"this_week": week}


def _runs_done(running: dict, history, key: str = "runs_today") -> dict:
    """Each planned run marked done when a run or walk was logged or imported on its day."""
    days = {r.date.isoformat() for r in history.runs}
    return running | {key: [run | {"done": run["date"] in days} for run in running[key]]}


def runs_to_rate(runner: m.Runner, day: dt.date) -> list[dict]:
    """Recorded runs still waiting for how they felt: today's page asks for each."""
    from .recorded import unrated_runs

    return [
        {
            "id": r.id,
            "date": r.date.isoformat(),
            "km": r.km,
            "distance": distance(r.km, runner.units),
            "minutes": round(r.minutes),
            "walk": r.walk,
            "sport": r.sport,
            "source": r.source_name,
        }
        for r in unrated_runs(runner, day)
    ]


def _differs(adapted: dict | None, planned: dict) -> bool:
    """Whether the session as it stands now is not the one planned (another kind, or any exercise changed)."""
    if adapted is None:
        return False
    if adapted["kind"] != planned["kind"]:
        return True
    return any("planned" in e for e in adapted["exercises"])


def _weekly(start: dt.date, items, value) -> dict[int, list]:
    out: dict[int, list] = {}
    for item in items:
        week = (item.date - start).days // 7 + 1
        out.setdefault(week, []).append(value(item))
    return out


@version_cached("progress")
def progress_view(runner: m.Runner, day: dt.date) -> dict:
    plan = active_plan(runner)
    program, history, state = state_for(runner, plan, day)
    start = plan.start_date
    intake = plan.assessment.intake
    mornings = _weekly(start, [c for c in history.checkins if c.date <= day], lambda c: c.pain)
    pain_trend = [
        {"week": w, "mean_morning_pain": round(statistics.mean(v), 1), "checkins": len(v)}
        for w, v in sorted(mornings.items())
    ]
    recent = [c.pain for c in history.checkins if day - dt.timedelta(days=7) < c.date <= day]

    # Oswestry percents are whole numbers; the measure's value column is a float for every kind
    odi_rows = [
        (d, round(v) if v is not None else None)
        for d, v in m.OutcomeMeasure.objects.filter(runner=runner, kind="odi").values_list("date", "value")
    ]
    baseline_odi = plan.assessment.result["odi"]["percent"]
    odi = [{"date": start.isoformat(), "percent": baseline_odi, "source": "intake"}] + [
        {"date": d.isoformat(), "percent": v, "source": "questionnaire"} for d, v in odi_rows
    ]
    latest_odi = odi_rows[-1][1] if odi_rows else None

    endurance = []
    if intake.get("endurance"):
        endurance.append({"date": start.isoformat()} | intake["endurance"])
    endurance += [
        {"date": d.isoformat()} | data
        for d, data in m.OutcomeMeasure.objects.filter(runner=runner, kind="endurance").values_list("date", "data")
    ]
    for row in endurance:
        times = endurance_q.EnduranceTimes(
            row["flexor_seconds"],
            row["extensor_seconds"],
            row["side_right_seconds"],
            row["side_left_seconds"],
            row.get("variant", "home"),
        )
        row["ratios"] = endurance_q.ratios(times)

    psfs = (
        [{"date": start.isoformat(), "activities": {a["activity"]: a["score"] for a in intake["psfs"]}}]
        if intake.get("psfs")
        else []
    )
    psfs += [
        {"date": d.isoformat(), "activities": data}
        for d, data in m.OutcomeMeasure.objects.filter(runner=runner, kind="psfs").values_list("date", "data")
    ]

    sessions = _weekly(start, [s for s in history.sessions if s.date <= day], lambda s: s)
    planned = {w["number"]: sum(1 for s in w["sessions"] if s["kind"] == "trunk_strength") for w in plan.data["weeks"]}
    current_week = max((day - start).days // 7 + 1, 0)
    adherence = []
    for w in range(1, current_week + 1):
        adherence.append({"week": w, "sessions": len(sessions.get(w, [])), "planned": planned.get(w, 1)})
    streak = 0
    for row in reversed(adherence[:-1] if adherence and not sessions.get(current_week) else adherence):
        if row["sessions"] == 0:
            break
        streak += 1

    trunk = [load.Bout(s.date, "trunk", program_minutes(program, s.date), s.effort) for s in history.sessions]
    training = load.training_load(start, day, history.runs, trunk, load.caps_from_plan(plan.data["weeks"]))
    # the weekly running rows as before (km, minutes, trunk load, the two-week change), now read from the load
    volume = []
    for row in training["weeks"]:
        row["distance"] = distance(row["km"], runner.units)
        row["cap_distance"] = None if row["km_cap"] is None else distance(row["km_cap"], runner.units)
        for key in ("km", "minutes"):  # whole percents, as the tables show them
            found = row[f"change_{key}"]
            row[f"change_{key}_percent"] = None if found is None else round(found * 100)
        shown = {"week": row["week"], "km": row["km"], "distance": row["distance"]}
        volume.append(shown | {"minutes": row["minutes"], "trunk_load": row["trunk_load"]})
        if row["change_km"] is not None:
            volume[-1] |= {"two_week_change": row["change_km"], "two_week_flag": row["flag"]}
    return {
        "runner": runner.name,
        "date": day.isoformat(),
        "units": runner.units,
        "pain_trend": pain_trend,
        "pain_change": outcomes.pain_change(intake["pain"]["now"], recent),
        "odi": odi,
        "odi_change": outcomes.odi_change(baseline_odi, latest_odi),
        "endurance": endurance,
        "psfs": psfs,
        "adherence": {
            "weeks": adherence,
            "weeks_in_a_row": streak,
            "sessions_total": sum(r["sessions"] for r in adherence),
        },
        "running": volume,
        "load": training,
        "episodes": [e.as_dict() for e in state.episodes],
    }


def program_minutes(program, day: dt.date) -> int:
    """Minutes of the session a log stands for: trunk load is effort × minutes (session RPE)."""
    session = program.sessions_by_date.get(day.isoformat())
    return session["minutes"] if session else program.plan["maintenance"]["minutes"]
