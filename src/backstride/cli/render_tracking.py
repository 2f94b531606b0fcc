"""Human-readable output of today, the plan with its changes, and progress."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from backstride.core import labels
from backstride.core.i18n import _, ngettext
from backstride.core.labels import label

from .render import dose_text


def render_today(console: Console, v: dict) -> None:
    if v["week"] < 1:
        console.print(f"[bold]{v['runner']}[/bold], {v['date']}: before week 1 (your program starts on {v['starts']})")
    else:
        console.print(f"[bold]{v['runner']}[/bold], {v['date']}: week {v['week']}, {label('phase', v['phase'])}")
    if v["paused"]:
        reasons = "".join(f"\n  • {r}" for r in v["paused"].get("reasons", []))
        console.print(Panel(v["paused"]["message"] + reasons, title="Program paused", border_style="bold red"))
        return
    if v["flare_up"]:
        console.print(
            Panel(
                f"Flare-up since {v['flare_up']['since']}: {v['flare_up']['reason']}. Gentle "
                "movement and walking only until it settles.",
                border_style="yellow",
            )
        )
    session = v["session"]
    if session:
        table = Table(
            title=f"Today's session ({label('session_kind', session['kind'])}, about {session['minutes']} min)"
            + (" - logged" if v["session_logged"] else ""),
            title_justify="left",
        )
        table.add_column("exercise")
        table.add_column("dose")
        table.add_column("change")
        for e in session["exercises"]:
            planned = e.get("planned")
            change = ""
            if planned:
                name = "" if planned["slug"] == e["slug"] else f"{planned['name']} "
                change = f"planned: {name}{dose_text(planned)}"
            table.add_row(e["name"], dose_text(e), change)
        console.print(table)
        if session.get("note"):
            console.print(session["note"])
        for item in session.get("left_out", []):
            console.print(f"Left out: {item['name']} ({item['reason']}).")
    else:
        console.print("No trunk session today.")
    if v["daily_mobility"]:
        names = ", ".join(e["name"] for e in v["daily_mobility"]["exercises"])
        console.print(f"Daily mobility (about {v['daily_mobility']['minutes']} min): {names}")
    run = v["running"]
    console.print(f"Running: {run['summary']}")
    for r in run["runs_today"]:
        console.print(f"  Today: {r['description']}" + (" (done)" if r.get("done") else ""))
    week = run.get("this_week")
    if week and week["runs"]:
        left = f"; up to {week['left']} left" if week["left"] else ""
        runs = ngettext("{n} run", "{n} runs", week["runs"]).format(n=week["runs"])
        console.print(f"  This week so far: {week['distance']} in {runs}{left}.")
    for r in v.get("runs_to_rate", []):
        what = "walk" if r["walk"] else "run"
        console.print(
            f"How did it feel? The {r['distance']} {what} of {r['date']} ({r['minutes']} min) from {r['source']}: "
            f"'backstride log rating --run {r['id']} --pain-during N --effort N'"
        )
    if v.get("lesson"):
        console.print(f"Read today: {v['lesson']['title']} (backstride learn {v['lesson']['slug']})")
    if v["checkin"]["due"]:
        extra = " with this week's red-flag questions" if v["checkin"]["red_flags_due"] else ""
        console.print(f"Check-in due: 'backstride checkin --pain N'{extra}.")
    hints = {
        "odi": "backstride log odi --file FILE",
        "psfs": "backstride log psfs --rating 'ACTIVITY=N'",
        "endurance": "backstride log endurance --flexor S --extensor S --side-right S --side-left S",
    }
    for item in v["outcomes_due"]:
        console.print(f"{item['message']} Log it with '{hints[item['kind']]}'.")
    for n in v["nudges"]:
        console.print(f"[yellow]{n['message']}[/yellow]")
    if v["recent_changes"]:
        console.print("\n[bold]Latest changes[/bold]")
        for c in v["recent_changes"]:
            console.print(f"  {c['date']}: {c['reason']}")


def render_plan_view(console: Console, v: dict) -> None:
    console.print(f"[bold]{v['runner']}[/bold]: plan {v['start_date']} to {v['end_date']}")
    if v.get("paused"):
        reasons = "".join(f"\n  • {r}" for r in v["paused"].get("reasons", []))
        console.print(Panel(v["paused"]["message"] + reasons, title="Program paused", border_style="bold red"))
    for week in v["weeks"]:
        table = Table(title=f"Week {week['number']}: {week['phase_title']}", title_justify="left")
        table.add_column("date")
        table.add_column("planned")
        table.add_column("now")
        for s in week["sessions"]:
            planned = ", ".join(f"{e['name']} {dose_text(e)}" for e in s["planned"]["exercises"][:4])
            now = ""
            if s["adapted"]:
                changed = [e for e in s["adapted"]["exercises"] if e.get("planned")]
                now = "; ".join(f"{e['name']} {dose_text(e)}" for e in changed[:4])
                now = now or label("session_kind", s["adapted"]["kind"])
            table.add_row(f"{s['planned']['day']} {s['planned']['date']}", planned + " …", now)
        console.print(table)
        console.print(f"  Running: {week['running']['summary']}")
    console.print("\n[bold]What changed and why[/bold]")
    for c in v["changes"] or [{"date": "", "reason": "Nothing yet: the plan adapts as you log."}]:
        console.print(f"  {c['date']} {c['reason']}")


def render_progress(console: Console, v: dict) -> None:
    console.print(f"[bold]{v['runner']}[/bold]: progress to {v['date']}")
    table = Table("week", "morning pain", "sessions", "km", "run minutes", title="By week", title_justify="left")
    pain = {p["week"]: p["mean_morning_pain"] for p in v["pain_trend"]}
    for row, run in zip(v["adherence"]["weeks"], v["running"], strict=False):
        table.add_row(
            str(row["week"]),
            str(pain.get(row["week"], "-")),
            f"{row['sessions']}/{row['planned']}",
            str(run["km"]),
            str(run["minutes"]),
        )
    console.print(table)
    if v["pain_change"]:
        pc = v["pain_change"]
        console.print(f"Pain: {pc['from']}/10 at the start, {pc['to']}/10 this week: {label('verdict', pc['verdict'])}")
    odi = ", ".join(f"{o['date']}: {labels.percent(o['percent'])}" for o in v["odi"] if o["percent"] is not None)
    console.print(f"Oswestry: {odi or 'not scored yet'}")
    if v["odi_change"]:
        console.print(f"  change: {label('verdict', v['odi_change']['verdict'])}")
    for e in v["endurance"]:
        r = e["ratios"]
        console.print(
            f"Endurance {e['date']}: flexion/extension {r['flexion_extension']['value']}, "
            f"right/left {r['right_left']['value']}"
        )
    console.print(f"Weeks in a row with a core session: {v['adherence']['weeks_in_a_row']}")
    if v.get("load"):
        render_load(console, v["load"])


def _percent(value: int | None) -> str:
    return labels.percent(value, empty="-")


def render_load(console: Console, load: dict) -> None:
    """Running against the plan's caps, the change over two weeks and session load; the ACWR as advice."""
    table = Table(
        _("week"),
        _("distance"),
        _("cap"),
        _("minutes"),
        _("time cap"),
        _("2-week change (distance)"),
        _("2-week change (time)"),
        _("load"),
        _("no effort"),
        title=_("Training load"),
        title_justify="left",
    )
    for w in load["weeks"]:
        change = _percent(w["change_minutes_percent"]) + (" " + _("(over 30 %)") if w["flag"] else "")
        table.add_row(
            str(w["week"]),
            w["distance"],
            w["cap_distance"] or "-",
            str(w["minutes"]),
            "-" if w["minutes_cap"] is None else str(w["minutes_cap"]),
            _percent(w["change_km_percent"]),
            change,
            str(w["load"]),
            str(w["unrated"]),
        )
    console.print(table)
    acwr = load["acwr"]
    if acwr["latest"] is None:
        console.print(
            _("Acute:chronic workload ratio: needs 28 days of history, shown from {day}.").format(
                day=acwr["available_from"]
            )
        )
    elif acwr["latest"]["ratio"] is None:
        console.print(
            _(
                "The acute:chronic workload ratio cannot be worked out: no session of the last 28 days has an "
                "effort rating."
            )
        )
    else:
        ratio = acwr["latest"]["ratio"]
        console.print(
            _(
                "Acute:chronic workload ratio (rolling averages, coupled: the last 7 days' load over the weekly "
                "average of the last 28 days): {ratio}."
            ).format(ratio=ratio)
        )
    console.print(
        _(
            "Advice only: its 0.8-1.3 band (Gabbett 2016) has been criticised as a statistical artefact "
            "(Lolli 2019; Impellizzeri 2021)."
        )
    )
    if load["unrated"]:
        console.print(
            _("Sessions without an effort rating: {n}; they are left out of the load, not guessed.").format(
                n=load["unrated"]
            )
        )
