"""Human-readable output of today, the plan with its changes, and progress."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from .render import dose_text


def render_today(console: Console, v: dict) -> None:
    console.print(f"[bold]{v['runner']}[/bold], {v['date']}: week {v['week']}, {v['phase'].replace('_', ' ')}")
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
            title=f"Today's session ({session['kind'].replace('_', ' ')}, about {session['minutes']} min)"
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
        console.print(f"  Today: {r['description']}")
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
                now = "; ".join(f"{e['name']} {dose_text(e)}" for e in changed[:4]) or s["adapted"]["kind"]
            table.add_row(f"{s['planned']['day']} {s['planned']['date']}", planned + " …", now)
        console.print(table)
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
        console.print(f"Pain: {pc['from']}/10 at the start, {pc['to']}/10 this week: {pc['verdict'].replace('_', ' ')}")
    odi = ", ".join(f"{o['date']}: {o['percent']} %" for o in v["odi"] if o["percent"] is not None)
    console.print(f"Oswestry: {odi or 'not scored yet'}")
    if v["odi_change"]:
        console.print(f"  change: {v['odi_change']['verdict'].replace('_', ' ')}")
    for e in v["endurance"]:
        r = e["ratios"]
        console.print(
            f"Endurance {e['date']}: flexion/extension {r['flexion_extension']['value']}, "
            f"right/left {r['right_left']['value']}"
        )
    console.print(f"Weeks in a row with a core session: {v['adherence']['weeks_in_a_row']}")
