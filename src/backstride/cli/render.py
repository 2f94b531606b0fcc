"""Human-readable output of an assessment and a plan, with rich."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

STATUS_STYLE = {"clear": "green", "refer_urgent": "yellow", "refer_emergency": "bold red"}


def dose_text(e: dict) -> str:
    side = " each side" if e.get("per_side") else ""
    sets = f"{e['sets']} × "
    if "reps" in e and "hold_seconds" in e:
        return f"{sets}{e['reps']} reps, {e['hold_seconds']} s holds{side}"
    if "reps" in e:
        return f"{sets}{e['reps']} reps{side}"
    if "hold_seconds" in e:
        return f"{sets}{e['hold_seconds']} s{side}"
    if "minutes" in e:
        return f"{sets}{e['minutes']:g} min"
    return f"{sets}{e['metres']} m{side}"


def render_screening(console: Console, result: dict) -> None:
    s = result["screening"]
    body = s["message"]
    if s["reasons"]:
        body += "\n\nBecause of: " + "; ".join(s["reasons"]) + "."
    console.print(Panel(body, title=f"Screening: {s['status']}", border_style=STATUS_STYLE[s["status"]]))


def render_scores(console: Console, result: dict) -> None:
    sb, odi, p = result["startback"], result["odi"], result["profile"]
    table = Table(show_header=False, box=None)
    table.add_row("STarT Back", f"{sb['total']}/9 (psychosocial {sb['psychosocial']}/5): {sb['risk']} risk")
    odi_text = (
        "not scored (too many sections missing)" if odi["percent"] is None else f"{odi['percent']} % ({odi['band']})"
    )
    table.add_row("Oswestry", f"{odi_text}, {odi['answered_sections']}/10 sections answered")
    table.add_row("Sensitive direction", p["directional_preference"].replace("_", " "))
    table.add_row("Running", p["running_status"].replace("_", " "))
    console.print(table)


def render_plan(console: Console, plan: dict) -> None:
    console.print(
        f"\n[bold]Your 8-week plan[/bold], {plan['start_date']} to {plan['end_date']}: "
        f"{plan['sessions_per_week']} sessions a week on {', '.join(plan['session_days'])}"
    )
    for week in plan["weeks"]:
        sessions = week["sessions"]
        title = f"Week {week['number']} ({week['start_date']}): {week['phase_title']}"
        if sessions:
            dates = ", ".join(f"{s['day']} {s['date'][5:]}" for s in sessions)
            title += f"\nsessions on {dates}, about {sessions[0]['minutes']} min each"
        table = Table(title=title, title_justify="left")
        table.add_column("exercise")
        table.add_column("dose")
        if sessions:
            for e in sessions[0]["exercises"]:
                table.add_row(e["name"], dose_text(e))
        console.print(table)
        if week["daily_mobility"]:
            names = ", ".join(e["name"] for e in week["daily_mobility"]["exercises"])
            console.print(f"  Daily mobility (about {week['daily_mobility']['minutes']} min): {names}")
        console.print(f"  Running: {week['running']['summary']}")
    m = plan["maintenance"]
    console.print(
        f"\n[bold]From week {m['from_week']}[/bold] ({m['start_date']}): one core session a week "
        f"for good, about {m['minutes']} min: " + ", ".join(e["name"] for e in m["exercises"])
    )
    if plan.get("goal_race"):
        console.print(f"Goal race: {plan['goal_race']['name']}. {plan['goal_race']['note']}")
    for item in plan["advice"]:
        console.print(f"• {item['message']}")


def render_assessment(console: Console, result: dict) -> None:
    render_screening(console, result)
    render_scores(console, result)
    if result["plan"] is None:
        console.print("\n[bold]No plan:[/bold] the program does not start until a clinician has seen you.")
    else:
        render_plan(console, result["plan"])
