"""Charts and the shareable report for a mentor or study buddy (HTML that stands alone, or Markdown)."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from offhours.domain.achievements import ACHIEVEMENTS
from offhours.errors import InputError

if TYPE_CHECKING:
    from offhours.coach import Coach


CHART_TITLES = {
    "weekly-minutes.svg": "Minutes studied and planned per week",
    "burn-up.svg": "Burn-up: hours done against the path's scope",
    "heatmap.svg": "Study days over the past year",
    "mastery.svg": "Mastery by area",
    "retention.svg": "Flashcard retention per week",
}


def charts(coach: Coach, only: str | None = None) -> dict[str, str]:
    """Every progress chart as SVG text, by file name; `only` draws just that one (drawing is the slow part)."""
    from offhours.integrations import charts as draw

    stored = coach.profile()
    tz = ZoneInfo(stored.profile.timezone)
    today = coach.now().astimezone(tz).date()
    learner_id = stored.learner_id
    minutes = coach.store.minutes_by_day(learner_id, date(1970, 1, 1))
    monday = today - timedelta(days=today.weekday())
    blocks = [b for b, _ in coach.store.load_blocks(learner_id)]
    weeks = []
    for back in range(11, -1, -1):
        start = monday - timedelta(weeks=back)
        end = start + timedelta(days=7)
        planned = sum(b.minutes for b in blocks if start <= b.start.astimezone(tz).date() < end)
        done = sum(m for d, m in minutes.items() if start <= d < end)
        weeks.append((start, planned, done))
    progress = coach.progress()
    scope = round(coach.path().total_hours * 60)
    cumulative, running = [], 0
    for day in sorted(d for d in minutes if d >= stored.start_date):
        running += minutes[day]
        cumulative.append((day, running))
    goal = stored.profile.goals[0]
    last = progress.milestones[-1] if progress.milestones else None
    retention: list[tuple[date, float | None]] = []
    answers = coach.store.review_answers(learner_id)
    for back in range(11, -1, -1):
        start = monday - timedelta(weeks=back)
        week = [r > 1 for at, r, mature in answers
                if mature and start <= at.astimezone(tz).date() < start + timedelta(days=7)]
        retention.append((start, sum(week) / len(week) if week else None))
    makers: dict[str, Callable[[], str]] = {
        "weekly-minutes.svg": lambda: draw.weekly_minutes(weeks),
        "burn-up.svg": lambda: draw.burn_up(cumulative, scope, goal.deadline, last.eta if last else None, goal.title),
        "heatmap.svg": lambda: draw.heatmap(minutes, today),
        "mastery.svg": lambda: draw.mastery_by_area(progress.mastery_by_area),
        "retention.svg": lambda: draw.retention(retention),
    }
    return {name: make() for name, make in makers.items() if only is None or name == only}


def write_charts(coach: Coach, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, svg in charts(coach).items():
        path = folder / name
        path.write_text(svg, encoding="utf-8")
        written.append(path)
    return written


@dataclass(frozen=True)
class ReportData:
    name: str
    first: date
    last: date
    minutes: int
    days_studied: int
    by_topic: list[tuple[str, int]]
    milestones: list[tuple[str, date, date | None, bool]]
    wins: list[str]
    struggles: list[str]
    next_week: list[tuple[str, int]]
    streak: int
    xp: int


def report_data(coach: Coach, period: str) -> ReportData:
    stored = coach.profile()
    tz = ZoneInfo(stored.profile.timezone)
    today = coach.now().astimezone(tz).date()
    first = today - timedelta(days=6 if period == "week" else 29)
    learner_id = stored.learner_id
    entries = coach.store.study_entries(learner_id, first, today)
    by_topic = Counter[str]()
    for _, topic, m in entries:
        by_topic[topic] += m
    progress = coach.progress()

    def in_period(moment: datetime) -> bool:
        return first <= moment.astimezone(tz).date() <= today

    titles = {a.id: a.title for a in ACHIEVEMENTS}
    wins = [f"Achievement: {titles.get(a, a)}" for a, at in coach.store.achievements(learner_id).items()
            if in_period(at)]
    attempts = coach.store.attempts(learner_id)
    passed = {slug for slug, status, at in attempts if status == "pass"}
    wins += [f"Passed {slug.replace('project/', 'project ')}" for slug in sorted(
        {s for s, status, at in attempts if status == "pass" and in_period(at)})]
    wins += [f"Proficient or better: {t}" for t, level in progress.mastery.items()
             if level in ("proficient", "mastered") and by_topic.get(t)]
    struggles = [f"Question: {e['text']}" for e in coach.store.journal_entries(learner_id)
                 if "question" in e["tags"] and in_period(e["created_at"])]
    struggles += [f"Not passed yet: {slug}" for slug in sorted({s for s, status, at in attempts
                                                                 if in_period(at)} - passed)]
    upcoming = Counter[str]()
    for block, _ in coach.store.load_blocks(learner_id):
        if block.status == "planned" and today < block.start.astimezone(tz).date() <= today + timedelta(days=7):
            upcoming[block.topic] += block.minutes
    return ReportData(
        stored.profile.name, first, today, sum(by_topic.values()), len({d for d, _, _ in entries}),
        by_topic.most_common(), [(m.title, m.deadline, m.eta, not m.at_risk) for m in progress.milestones],
        wins, struggles, upcoming.most_common(), progress.streak.days, progress.xp)


def _markdown(data: ReportData, chart_links: dict[str, str]) -> str:
    lines = [f"# Learning report: {data.name}", "", f"{data.first:%d %b %Y} to {data.last:%d %b %Y}", "",
             f"**{data.minutes / 60:.1f} hours** on {data.days_studied} day(s); streak {data.streak} day(s); "
             f"{data.xp} XP.", "", "## What was studied", ""]
    lines += [f"- {topic}: {m} min" for topic, m in data.by_topic] or ["- nothing logged in this period"]
    lines += ["", "## Milestones", "", "| milestone | deadline | ETA at the current pace | on track |",
              "|---|---|---|---|"]
    lines += [f"| {t} | {d} | {e or 'no pace yet'} | {'yes' if ok else 'no'} |" for t, d, e, ok in data.milestones]
    lines += ["", "## Wins", ""] + ([f"- {w}" for w in data.wins] or ["- (none this period)"])
    lines += ["", "## Struggles and open questions", ""] + ([f"- {s}" for s in data.struggles] or ["- (none)"])
    lines += ["", "## Next week", ""] + ([f"- {t}: {m} min planned" for t, m in data.next_week]
                                         or ["- nothing planned yet: run `offhours plan`"])
    lines += ["", "## Charts", ""] + [f"![{name}]({link})" for name, link in chart_links.items()]
    return "\n".join(lines) + "\n"


def _html(data: ReportData, svgs: dict[str, str]) -> str:
    md = _markdown(data, {})
    body = []
    in_list = in_table = False
    for line in md.splitlines():
        if line.startswith("|---"):
            continue
        if in_list and not line.startswith("- "):
            body.append("</ul>")
            in_list = False
        if in_table and not line.startswith("|"):
            body.append("</table>")
            in_table = False
        if line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.startswith("## "):
            if line[3:] != "Charts":
                body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("- "):
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(line[2:])}</li>")
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            tag = "th" if not in_table else "td"
            if not in_table:
                body.append("<table>")
                in_table = True
            body.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in cells) + "</tr>")
        elif line.strip():
            text = html.escape(line).replace("**", "")
            body.append(f"<p>{text}</p>")
    if in_list:
        body.append("</ul>")
    if in_table:
        body.append("</table>")
    body.append("<h2>Charts</h2>")
    body += [f'<figure class="chart" id="{name[:-4]}">{svg[svg.index("<svg"):]}</figure>' for name, svg in svgs.items()]
    style = ("body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}"
             "figure.chart svg{max-width:100%;height:auto}")
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Learning report: "
            f"{html.escape(data.name)}</title><style>{style}</style></head><body>\n" + "\n".join(body)
            + "\n</body></html>\n")


def write_report(coach: Coach, out: Path, period: str = "week") -> Path:
    """HTML (charts inline, one file) or Markdown (charts as SVG files beside it), chosen by the suffix."""
    if period not in ("week", "month"):
        raise InputError(f"period: expected week or month, got {period!r}")
    if out.suffix.lower() not in (".html", ".md"):
        raise InputError("--out must end in .html or .md", where=str(out))
    if not out.parent.is_dir():
        raise InputError("folder does not exist", where=str(out.parent))
    data = report_data(coach, period)
    svgs = charts(coach)
    if out.suffix.lower() == ".html":
        out.write_text(_html(data, svgs), encoding="utf-8")
    else:
        folder = out.with_name(out.stem + "-charts")
        folder.mkdir(exist_ok=True)
        for name, svg in svgs.items():
            (folder / name).write_text(svg, encoding="utf-8")
        out.write_text(_markdown(data, {name: f"{folder.name}/{name}" for name in svgs}), encoding="utf-8")
    return out
