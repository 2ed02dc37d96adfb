"""Progress charts as standalone SVG, drawn with Matplotlib (Agg backend: no screen needed).

Each function takes plain data and returns SVG text, so the CLI writes files, the report inlines them and
the web page can serve them, all from the same drawing code.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

PALETTE = {"planned": "#c9d6e8", "done": "#2f6db5", "forecast": "#e07b39", "deadline": "#b23b3b"}
LEVEL_COLOURS = {"not-started": "#e6e6e6", "attempted": "#f4d58d", "familiar": "#b8d98b",
                 "proficient": "#5fb36a", "mastered": "#2a7a3b"}


STYLE: dict[Any, Any] = {"font.size": 9, "svg.fonttype": "none", "axes.spines.top": False, "axes.spines.right": False}


def _figure(width: float = 7.0, height: float = 3.0) -> tuple[Any, Any]:
    """A figure of its own, without pyplot: pyplot's global state is not safe when the web server draws
    several charts at once in its worker threads."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with rc_context(STYLE):
        fig = Figure(figsize=(width, height))
        return fig, fig.subplots()


def _svg(fig: Any) -> str:
    from matplotlib import rc_context

    buffer = io.StringIO()
    with rc_context(STYLE):
        fig.tight_layout()
        fig.savefig(buffer, format="svg", metadata={"Date": None})  # no timestamp: the same data, the same file
    return buffer.getvalue()


def weekly_minutes(weeks: Sequence[tuple[date, int, int]]) -> str:
    """(week start, planned minutes, done minutes) per week, as grouped bars."""
    fig, ax = _figure()
    xs = range(len(weeks))
    ax.bar([x - 0.2 for x in xs], [p for _, p, _ in weeks], width=0.4, color=PALETTE["planned"], label="planned")
    ax.bar([x + 0.2 for x in xs], [d for _, _, d in weeks], width=0.4, color=PALETTE["done"], label="done")
    ax.set_xticks(list(xs), [f"{w:%d %b}" for w, _, _ in weeks], rotation=45, ha="right")
    ax.set_ylabel("minutes")
    ax.set_title("Minutes per week: planned and done")
    ax.legend(frameon=False)
    return _svg(fig)


def burn_up(done: Sequence[tuple[date, int]], scope_minutes: int, deadline: date, eta: date | None,
            title: str) -> str:
    """Cumulative minutes done against the goal's scope, with the forecast to the ETA and the deadline."""
    fig, ax = _figure()
    if done:
        ax.step([d for d, _ in done], [m / 60 for _, m in done], where="post", color=PALETTE["done"],
                label="done (h)")
        last_day, last = done[-1]
        if eta is not None and eta > last_day:
            ax.plot([last_day, eta], [last / 60, scope_minutes / 60], linestyle="--", color=PALETTE["forecast"],
                    label=f"forecast: {eta:%d %b %Y}")
    ax.axhline(scope_minutes / 60, color="#888888", linewidth=0.8, label="scope (h)")
    ax.axvline(deadline, color=PALETTE["deadline"], linewidth=1.2, label=f"deadline: {deadline:%d %b %Y}")
    ax.set_ylabel("hours")
    ax.set_title(title)
    ax.legend(frameon=False, loc="upper left")
    fig.autofmt_xdate()
    return _svg(fig)


def heatmap(minutes: Mapping[date, int], today: date, weeks: int = 53) -> str:
    """A GitHub-style grid: one square a day, a column a week, darker for more study."""
    import numpy as np

    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    grid = np.full((7, weeks), np.nan)
    for offset in range((today - start).days + 1):
        day = start + timedelta(days=offset)
        grid[day.weekday(), offset // 7] = minutes.get(day, 0)
    fig, ax = _figure(width=9.0, height=2.0)
    ax.imshow(grid, cmap="Greens", aspect="equal", vmin=0, vmax=max(60, np.nanmax(grid) if minutes else 60))
    ax.set_yticks([0, 2, 4, 6], ["Mon", "Wed", "Fri", "Sun"])
    months = [(i, start + timedelta(weeks=i)) for i in range(weeks)]
    ax.set_xticks([i for i, d in months if d.day <= 7], [f"{d:%b}" for i, d in months if d.day <= 7])
    ax.set_title(f"Study days, the last {weeks} weeks")
    for spine in ax.spines.values():
        spine.set_visible(False)
    return _svg(fig)


def mastery_by_area(counts: Mapping[str, Mapping[str, int]]) -> str:
    """Stacked horizontal bars: how many topics of each area sit at each mastery level."""
    fig, ax = _figure(height=max(2.5, 0.35 * len(counts) + 1))
    areas = list(counts)
    left = [0] * len(areas)
    for level, colour in LEVEL_COLOURS.items():
        values = [counts[a].get(level, 0) for a in areas]
        ax.barh(areas, values, left=left, color=colour, label=level)
        left = [lft + v for lft, v in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("topics")
    ax.set_title("Mastery by area")
    ax.legend(frameon=False, ncol=5, loc="lower center", bbox_to_anchor=(0.5, 1.08))
    return _svg(fig)


def retention(weeks: Sequence[tuple[date, float | None]]) -> str:
    """Share of flashcard answers recalled each week (cards past their learning steps)."""
    fig, ax = _figure()
    points = [(w, r) for w, r in weeks if r is not None]
    if points:
        ax.plot([w for w, _ in points], [100 * r for _, r in points], marker="o", color=PALETTE["done"])
    ax.axhline(90, color="#888888", linewidth=0.8, linestyle=":", label="target 90%")
    ax.set_ylim(0, 100)
    ax.set_ylabel("% recalled")
    ax.set_title("Flashcard retention per week")
    ax.legend(frameon=False)
    fig.autofmt_xdate()
    return _svg(fig)
