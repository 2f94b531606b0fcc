"""Progress charts as matplotlib SVG, embedded as images with a text alternative.

Each chart is an <img> whose source is a data: URI, so the page's content security policy
(which forbids inline styles) does not apply to the SVG's own styling.
"""

from __future__ import annotations

import base64
import io
from html import escape

from django.utils.translation import gettext as _

from backstride.core.units import in_units

COLOURS = {"line": "#1f5f8b", "bar": "#2e8b57", "target": "#b03a2e", "grid": "#d0d7de", "cap": "#2b2b2b"}


def _figure(title: str, panels: int = 1):
    """A figure of one chart, or of `panels` charts one above the other over the same weeks (a list of axes)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 10, "axes.spines.top": False, "axes.spines.right": False})
    fig, axes = plt.subplots(panels, 1, figsize=(6, 2.6 * panels), dpi=100, sharex=True, squeeze=False)
    axes = [row[0] for row in axes]
    axes[0].set_title(title, loc="left", fontsize=11)
    for ax in axes:
        ax.grid(axis="y", color=COLOURS["grid"], linewidth=0.6)
    return plt, fig, axes[0] if panels == 1 else axes


def _empty(ax, message: str) -> None:
    ax.set_yticks([])
    ax.set_xticks([])
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#56616d")


def _whole_weeks(ax, weeks: list[int]) -> None:
    """One tick per program week, with room for a bar either side."""
    ax.set_xlim(min(weeks) - 0.6, max(weeks) + 0.6)
    step = max(1, len(weeks) // 12)
    ax.set_xticks(weeks[::step])


def _img(plt, fig, alt: str, name: str) -> str:
    buffer = io.StringIO()
    height = round(fig.get_figheight() * 100)
    fig.tight_layout()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    encoded = base64.b64encode(buffer.getvalue().encode()).decode()
    return (
        f'<img class="chart" data-chart="{name}" src="data:image/svg+xml;base64,{encoded}" '
        f'alt="{escape(alt)}" width="600" height="{height}">'
    )


def pain_trend(progress: dict) -> str:
    rows = progress["pain_trend"]
    plt, fig, ax = _figure(_("Morning pain, weekly average (0-10)"))
    if rows:
        ax.plot([r["week"] for r in rows], [r["mean_morning_pain"] for r in rows], marker="o", color=COLOURS["line"])
        ax.set_ylim(0, 10)
        ax.set_xlabel(_("week"))
        _whole_weeks(ax, [r["week"] for r in rows])
    else:
        _empty(ax, _("No check-ins yet"))
    alt = _("Weekly morning pain: ") + (
        "; ".join(f"{_('week')} {r['week']}: {r['mean_morning_pain']}" for r in rows) or _("no check-ins yet")
    )
    return _img(plt, fig, alt, "pain_trend")


def odi(progress: dict) -> str:
    rows = [r for r in progress["odi"] if r["percent"] is not None]
    plt, fig, ax = _figure(_("Oswestry disability (%)"))
    if rows:
        ax.plot(range(len(rows)), [r["percent"] for r in rows], marker="s", color=COLOURS["line"])
        ax.set_xticks(range(len(rows)), [r["date"][5:] for r in rows])
        ax.set_ylim(0, 100)
    else:
        _empty(ax, _("No scores yet"))
    alt = _("Oswestry scores: ") + ("; ".join(f"{r['date']}: {r['percent']} %" for r in rows) or _("none yet"))
    return _img(plt, fig, alt, "odi")


def adherence(progress: dict) -> str:
    rows = progress["adherence"]["weeks"]
    plt, fig, ax = _figure(_("Core sessions per week"))
    if rows:
        weeks = [r["week"] for r in rows]
        ax.bar(weeks, [r["sessions"] for r in rows], color=COLOURS["bar"], width=0.6, label=_("done"))
        ax.plot(
            weeks, [r["planned"] for r in rows], linestyle="--", marker="_", color=COLOURS["target"], label=_("planned")
        )
        ax.set_ylim(0, max(max(r["planned"] for r in rows), max(r["sessions"] for r in rows)) + 1)
        ax.set_xlabel(_("week"))
        ax.legend(loc="upper left", fontsize=8, frameon=False, ncol=2)
        _whole_weeks(ax, weeks)
        ax.yaxis.get_major_locator().set_params(integer=True)
    else:
        _empty(ax, _("No sessions yet"))
    alt = _("Sessions done per week: ") + (
        "; ".join(f"{_('week')} {r['week']}: {r['sessions']}/{r['planned']}" for r in rows) or _("none yet")
    )
    return _img(plt, fig, alt, "adherence")


def _percent(change: float | None) -> str:
    return "" if change is None else f"{change * 100:+.0f} %"


def load_weeks(progress: dict) -> tuple[str, list[dict]]:
    """What the load chart and its table show, week by week: the distance against a distance cap, or the minutes
    against a time cap when the plan sets only time (the walk-run weeks)."""
    weeks = progress.get("load", {}).get("weeks", [])
    # walk weeks cap both at 0; walk-run weeks cap time alone; volume weeks cap distance alone
    by_time = any(w["minutes_cap"] for w in weeks) and not any(w["km_cap"] for w in weeks)
    return ("minutes" if by_time else "km"), weeks


def load(progress: dict) -> str:
    """Weekly running against the plan's cap, weeks more than 30 % up over two weeks marked, and session load."""
    units = progress.get("units", "km")
    measure, weeks = load_weeks(progress)
    if measure == "minutes":
        title = _("Running per week (minutes) against the plan")
    elif units == "mi":
        title = _("Running per week (miles) against the plan")
    else:
        title = _("Running per week (km) against the plan")
    plt, fig, (ax, below) = _figure(title, panels=2)
    if weeks:
        _against_cap(ax, weeks, measure, units)
        _session_load(below, weeks)
    else:
        _empty(ax, _("No weeks yet"))
        below.set_visible(False)
    return _img(plt, fig, load_alt(weeks, measure), "load")


def _against_cap(ax, weeks: list[dict], measure: str, units: str) -> None:
    def shown(value):
        return in_units(value, units) if measure == "km" else value

    numbers = [w["week"] for w in weeks]
    done = [shown(w[measure]) for w in weeks]
    flagged = [w["flag"] for w in weeks]
    ax.bar(numbers, done, width=0.6, color=[COLOURS["target"] if f else COLOURS["line"] for f in flagged])
    # flagged weeks are hatched as well as red, so the mark does not rest on colour alone
    ax.bar(numbers, [d if f else 0 for d, f in zip(done, flagged, strict=True)], width=0.6, fill=False, hatch="//")
    capped = [(w["week"], shown(w[f"{measure}_cap"])) for w in weeks if w[f"{measure}_cap"] is not None]
    if capped:
        ax.hlines(
            [c for _w, c in capped],
            [n - 0.4 for n, _c in capped],
            [n + 0.4 for n, _c in capped],
            colors=COLOURS["cap"],
            linestyles="--",
            linewidth=1.5,
        )
    for w, height in zip(weeks, done, strict=True):
        change = w[f"change_{measure}"] if w[f"change_{measure}"] is not None else w["change_minutes"]
        if w["flag"]:  # the change over two weeks, written above each week past 30 %
            ax.annotate(
                _percent(change), (w["week"], height), ha="center", va="bottom", fontsize=8, color=COLOURS["target"]
            )
    ax.set_ylim(0, max([*done, *(c for _w, c in capped), 1]) * 1.25)
    _legend(
        ax,
        [
            ("bar", COLOURS["line"], _("done")),
            ("line", COLOURS["cap"], _("plan's cap")),
            ("hatch", COLOURS["target"], _("more than 30 % up over two weeks")),
        ],
    )


def _session_load(ax, weeks: list[dict]) -> None:
    numbers = [w["week"] for w in weeks]
    if not any(w["load"] for w in weeks):
        ax.set_title(_("Session load (effort × minutes)"), loc="left", fontsize=10)
        _empty(ax, _("No effort ratings yet: rate a session or run to see its load"))
        return
    runs = [w["run_load"] for w in weeks]
    ax.bar(numbers, runs, color=COLOURS["line"], width=0.6)
    ax.bar(numbers, [w["trunk_load"] for w in weeks], bottom=runs, color=COLOURS["bar"], width=0.6)
    ax.set_title(_("Session load (effort × minutes)"), loc="left", fontsize=10)
    ax.set_ylim(0, max([w["load"] for w in weeks] + [1]) * 1.25)
    ax.set_xlabel(_("week"))
    _legend(ax, [("bar", COLOURS["line"], _("runs")), ("bar", COLOURS["bar"], _("trunk sessions"))])
    _whole_weeks(ax, numbers)


def _legend(ax, entries: list[tuple[str, str, str]]) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Line2D([], [], color=colour, linestyle="--", label=label)
        if kind == "line"
        else Patch(facecolor=colour, hatch="//" if kind == "hatch" else None, label=label)
        for kind, colour, label in entries
    ]
    ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False, ncol=len(handles))


def load_alt(weeks: list[dict], measure: str) -> str:
    """The chart's numbers in words, week by week: what the table beside it shows."""
    parts = []
    for w in weeks:
        done = w["distance"] if measure == "km" else _("%(n)d min") % {"n": w["minutes"]}
        limit = w["cap_distance"] if measure == "km" else w["minutes_cap"]
        limit = _("%(n)d min") % {"n": limit} if measure == "minutes" and limit is not None else limit
        text = _("week %(week)d: %(done)s") % {"week": w["week"], "done": done}
        if limit is not None:
            text += " " + _("(cap %(cap)s)") % {"cap": limit}
        if w["over_cap"]:
            text += ", " + _("over the plan's cap")
        if w["flag"]:
            text += ", " + _("more than 30 % up over two weeks")
        parts.append(text + ", " + _("load %(load)d") % {"load": w["load"]})
    return _("Running against the plan and session load: ") + ("; ".join(parts) or _("no weeks yet"))


def endurance(progress: dict) -> str:
    rows = progress["endurance"]
    plt, fig, ax = _figure(_("Trunk endurance holds (seconds)"))
    labels = [
        ("flexor_seconds", _("front")),
        ("extensor_seconds", _("back")),
        ("side_right_seconds", _("right side")),
        ("side_left_seconds", _("left side")),
    ]
    if rows:
        for key, label in labels:
            ax.plot(range(len(rows)), [r[key] for r in rows], marker="o", label=label)
        ax.set_xticks(range(len(rows)), [r["date"][5:] for r in rows])
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left", fontsize=8, ncol=4, frameon=False)
    else:
        _empty(ax, _("No tests yet"))
    alt = _("Endurance tests: ") + (
        "; ".join(f"{r['date']}: " + ", ".join(f"{label} {r[key]:g} s" for key, label in labels) for r in rows)
        or _("none yet")
    )
    return _img(plt, fig, alt, "endurance")


def progress_charts(progress: dict) -> dict[str, str]:
    """name -> <img> markup (safe to insert as HTML) for each chart of a progress view."""
    return {
        "pain_trend": pain_trend(progress),
        "odi": odi(progress),
        "adherence": adherence(progress),
        "load": load(progress),
        "endurance": endurance(progress),
    }
