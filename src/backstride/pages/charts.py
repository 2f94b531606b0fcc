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

COLOURS = {"line": "#1f5f8b", "bar": "#2e8b57", "target": "#b03a2e", "grid": "#d0d7de"}


def _figure(title: str):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 10, "axes.spines.top": False, "axes.spines.right": False})
    fig, ax = plt.subplots(figsize=(6, 2.6), dpi=100)
    ax.set_title(title, loc="left", fontsize=11)
    ax.grid(axis="y", color=COLOURS["grid"], linewidth=0.6)
    return plt, fig, ax


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
    fig.tight_layout()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    encoded = base64.b64encode(buffer.getvalue().encode()).decode()
    return (
        f'<img class="chart" data-chart="{name}" src="data:image/svg+xml;base64,{encoded}" '
        f'alt="{escape(alt)}" width="600" height="260">'
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


def running(progress: dict) -> str:
    rows = progress["running"]
    units = progress.get("units", "km")
    plt, fig, ax = _figure(_("Running per week (miles)") if units == "mi" else _("Running per week (km)"))
    if any(r["km"] for r in rows):
        ax.bar([r["week"] for r in rows], [in_units(r["km"], units) for r in rows], color=COLOURS["line"], width=0.6)
        ax.set_ylim(bottom=0)
        ax.set_xlabel(_("week"))
        _whole_weeks(ax, [r["week"] for r in rows])
    else:
        _empty(ax, _("No runs logged yet"))
    alt = _("Distance per week: ") + (
        "; ".join(f"{_('week')} {r['week']}: {r['distance']}" for r in rows) or _("no runs yet")
    )
    return _img(plt, fig, alt, "running")


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
        "running": running(progress),
        "endurance": endurance(progress),
    }
