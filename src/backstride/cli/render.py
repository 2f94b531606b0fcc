"""Human-readable output of an assessment and a plan, with rich."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table

from backstride.core import labels
from backstride.core.labels import label

STATUS_STYLE = {"clear": "green", "refer_urgent": "yellow", "refer_emergency": "bold red"}
# Below this much room beside the slug, the library is listed one exercise to a few lines instead of a table.
LIBRARY_TABLE_ROOM = 36


def dose_text(e: dict) -> str:
    return labels.dose(e)  # the same words as the pages


def render_screening(console: Console, result: dict) -> None:
    s = result["screening"]
    body = s["message"]
    if s["reasons"]:
        body += "\n\nBecause of: " + "; ".join(s["reasons"]) + "."
    title = f"Screening: {label('screening', s['status'])}"
    console.print(Panel(body, title=title, border_style=STATUS_STYLE[s["status"]]))


def render_scores(console: Console, result: dict) -> None:
    sb, odi, p = result["startback"], result["odi"], result["profile"]
    table = Table(show_header=False, box=None)
    risk = label("risk", sb["risk"])
    table.add_row("STarT Back", f"{sb['total']}/9 (psychosocial {sb['psychosocial']}/5): {risk} risk")
    odi_text = "not scored (too many sections missing)"
    if odi["percent"] is not None:
        odi_text = f"{labels.percent(odi['percent'])} ({label('odi_band', odi['band'])})"
    table.add_row("Oswestry", f"{odi_text}, {odi['answered_sections']}/10 sections answered")
    table.add_row("Sensitive direction", label("direction", p["directional_preference"]))
    table.add_row("Running", label("running_status", p["running_status"]))
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
            dates = ", ".join(f"{s['day']} {s['date']}" for s in sessions)
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


def _words(table: str, values: list[str], empty: str) -> str:
    return labels.labels(table, values, empty)


def render_library(console: Console, exercises: list[dict]) -> None:
    """The library by category. The slug is what other commands take, so it is never cut: the other columns wrap."""
    console.print(f"[bold]{len(exercises)} exercises[/bold]")
    categories: dict[str, list[dict]] = {}
    for e in exercises:
        categories.setdefault(e["category"], []).append(e)
    for category, items in categories.items():
        title = f"{label('category', category)} ({len(items)})"
        slug_width = max(len(e["slug"]) for e in items)
        if console.width < slug_width + LIBRARY_TABLE_ROOM:
            _library_list(console, title, items)
            continue
        table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
        table.show_edge = False
        table.add_column("slug", no_wrap=True, min_width=slug_width)
        table.add_column("name", overflow="fold")
        table.add_column("level", no_wrap=True, justify="right")
        table.add_column("equipment", overflow="fold")
        table.add_column("spine loading", overflow="fold")
        for e in items:
            table.add_row(
                e["slug"],
                e["name"],
                str(e["level"]),
                _words("equipment", e["equipment"], labels.no_equipment()),
                _words("spine_loading", e["spine_loading"], "-"),
            )
        console.print()
        console.print(table)


def _library_list(console: Console, title: str, items: list[dict]) -> None:
    """A narrow screen: the slug on its own line (as wide as it needs), the rest wrapped below it."""
    console.print(f"\n[bold]{title}[/bold]")
    for e in items:
        console.print(e["slug"], no_wrap=True, crop=False, overflow="ignore")
        loading = _words("spine_loading", e["spine_loading"], "")
        details = f"{e['name']}; level {e['level']}; {_words('equipment', e['equipment'], labels.no_equipment())}"
        console.print(Padding(details + (f"; loads the spine in {loading}" if loading else ""), (0, 0, 0, 4)))
