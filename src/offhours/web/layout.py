"""Geometry for the plan and map pages: where things go on screen. Presentation only; the data comes from
the coach (WeekView, MilestonePlan, KnowledgeMap) and nothing here decides what the learner should do."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from offhours.coach_plan import WeekView
from offhours.coach_progress import MapTopic
from offhours.domain.planner import Block, MilestonePlan

# ---- the week grid ----------------------------------------------------------------------------------------

DEFAULT_HOURS = (8, 18)  # shown when the week has nothing in it


@dataclass(frozen=True)
class WeekItem:
    """One thing drawn in a day column; top and height are percentages of the column."""

    kind: str  # "block", "work", "event", "day-off" or "free"
    start: datetime  # local
    end: datetime
    label: str
    top: float = 0.0
    height: float = 0.0
    block: Block | None = None


@dataclass(frozen=True)
class DayColumn:
    day: date
    is_today: bool
    day_off: bool
    items: tuple[WeekItem, ...]  # in time order, so the stacked (phone) layout reads as a list

    @property
    def blocks(self) -> tuple[WeekItem, ...]:
        return tuple(i for i in self.items if i.kind == "block")


@dataclass(frozen=True)
class WeekGrid:
    first_hour: int
    last_hour: int
    days: tuple[DayColumn, ...]

    @property
    def hours(self) -> list[tuple[int, float]]:
        """(hour, top in percent) for the labels of the hour gutter."""
        span = self.last_hour - self.first_hour
        return [(h, (h - self.first_hour) / span * 100) for h in range(self.first_hour, self.last_hour)]


def _per_day(start: datetime, end: datetime, tz: ZoneInfo) -> list[tuple[date, datetime, datetime]]:
    """Split a UTC span into local pieces, one per day it touches."""
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    pieces = []
    day = local_start.date()
    while True:
        day_end = datetime.combine(day + timedelta(days=1), time.min, tz)
        piece_start = max(local_start, datetime.combine(day, time.min, tz))
        piece_end = min(local_end, day_end)
        if piece_end > piece_start:
            pieces.append((day, piece_start, piece_end))
        if local_end <= day_end:
            return pieces
        day += timedelta(days=1)


def _minute_of_day(moment: datetime, day: date) -> int:
    """Minutes since local midnight of `day` (24*60 for the next midnight)."""
    if moment.date() > day:
        return 24 * 60
    return moment.hour * 60 + moment.minute


def week_grid(view: WeekView) -> WeekGrid:
    tz = ZoneInfo(view.timezone)
    days = [view.week_start + timedelta(days=i) for i in range(7)]
    raw: dict[date, list[WeekItem]] = defaultdict(list)
    for b in view.blocks:
        for day, s, e in _per_day(b.start, b.end, tz):
            raw[day].append(WeekItem("block", s, e, b.activity, block=b))
    for busy in view.busy:
        for day, s, e in _per_day(busy.start, busy.end, tz):
            raw[day].append(WeekItem(busy.kind, s, e, busy.label))
    for w in view.free:
        for day, s, e in _per_day(w.start, w.end, tz):
            raw[day].append(WeekItem("free", s, e, w.context))
    timed = [(_minute_of_day(i.start, d), _minute_of_day(i.end, d)) for d in days for i in raw[d]
             if i.kind != "day-off"]
    if timed:
        first = max(0, min(s for s, _ in timed) // 60)
        last = min(24, math.ceil(max(e for _, e in timed) / 60))
    else:
        first, last = DEFAULT_HOURS
    span = (last - first) * 60
    columns = []
    for day in days:
        placed = []
        for item in raw[day]:
            begin = max(_minute_of_day(item.start, day), first * 60)
            finish = min(_minute_of_day(item.end, day), last * 60)
            if finish <= begin and item.kind != "block":
                continue
            top = (begin - first * 60) / span * 100
            placed.append(WeekItem(item.kind, item.start, item.end, item.label, round(top, 3),
                                   round(max(finish - begin, 0) / span * 100, 3), item.block))
        order = {"day-off": 0, "work": 1, "free": 2, "event": 3, "block": 4}
        placed.sort(key=lambda i: (i.start, order[i.kind]))
        columns.append(DayColumn(day, day == view.today, any(i.kind == "day-off" for i in placed), tuple(placed)))
    return WeekGrid(first, last, tuple(columns))


# ---- the milestone timeline -------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineRow:
    milestone: MilestonePlan
    bar_left: float  # percentages of the track
    bar_width: float
    deadline_at: float
    open_ended: bool  # no finish date at all (no time in the week to do it)


@dataclass(frozen=True)
class Timeline:
    rows: tuple[TimelineRow, ...]
    ticks: tuple[tuple[float, str], ...]
    today_at: float
    first: date
    last: date


def timeline(milestones: tuple[MilestonePlan, ...], today: date) -> Timeline | None:
    """Milestones one after the other: a bar from the previous finish to this one's, a mark at its deadline."""
    if not milestones:
        return None
    ends = [d for m in milestones for d in (m.deadline, m.planned_finish, m.earliest_date) if d is not None]
    first = min([today, *ends])
    last = max(ends) + timedelta(days=7)
    span = max(1, (last - first).days)

    def at(day: date) -> float:
        return round((day - first).days / span * 100, 3)

    rows, previous = [], today
    for m in milestones:
        finish = m.planned_finish or m.earliest_date
        end = finish or last
        start = min(previous, end)
        rows.append(TimelineRow(m, at(start), max(at(end) - at(start), 0.5), at(m.deadline), finish is None))
        previous = max(previous, end)
    ticks = tuple(t for t in _ticks(first, last, at) if t[0] <= 88)  # a label needs room to its right
    return Timeline(tuple(rows), ticks, at(today), first, last)


def _ticks(first: date, last: date, at: Callable[[date], float]) -> tuple[tuple[float, str], ...]:
    if (last - first).days <= 70:  # a short plan: every Monday
        day = first + timedelta(days=(7 - first.weekday()) % 7)
        step: list[date] = []
        while day <= last:
            step.append(day)
            day += timedelta(days=7)
        return tuple((at(d), f"{d:%d %b}") for d in step)
    months: list[date] = []
    day = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    while day <= last:
        months.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    every = max(1, math.ceil(len(months) / 6))  # at most six labels, so a phone can show them
    return tuple((at(d), f"{d:%b %Y}" if d.month == 1 or i == 0 else f"{d:%b}")
                 for i, d in enumerate(months) if i % every == 0)


# ---- the knowledge map ------------------------------------------------------------------------------------

NODE_W, NODE_H = 128, 36
COL, ROW = 150, 44
BAND_HEAD, BAND_GAP, PAD = 24, 10, 12
LINE_CHARS = 21


@dataclass(frozen=True)
class MapNode:
    topic: MapTopic
    x: int
    y: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str
    d: str  # the SVG path
    strong: bool  # both ends on the learner's path


@dataclass(frozen=True)
class MapBand:
    slug: str
    title: str
    y: int
    height: int


@dataclass(frozen=True)
class MapLayout:
    width: int
    height: int
    bands: tuple[MapBand, ...]
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]


def wrap(title: str, width: int = LINE_CHARS, lines: int = 2) -> tuple[str, ...]:
    """Words onto at most `lines` lines; a line that is still too long ends in an ellipsis."""
    out: list[str] = []
    current = ""
    for word in title.split():
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    out.append(current)
    if len(out) > lines:
        out = [*out[:lines - 1], " ".join(out[lines - 1:])]
    return tuple(line if len(line) <= width else line[:width - 1].rstrip() + "…" for line in out)


def map_layout(areas: tuple[tuple[str, str], ...], topics: tuple[MapTopic, ...]) -> MapLayout:
    """Bands per area in teaching order; columns by prerequisite depth, so every edge runs left to right."""
    columns = {d: i for i, d in enumerate(sorted({t.depth for t in topics}))}
    by_area: dict[str, list[MapTopic]] = defaultdict(list)
    for t in topics:
        by_area[t.area].append(t)
    bands, nodes = [], []
    y = PAD
    for slug, title in areas:
        mine = by_area.get(slug)
        if not mine:
            continue
        stacked: dict[int, int] = defaultdict(int)
        top = y + BAND_HEAD
        for t in mine:
            column = columns[t.depth]
            nodes.append(MapNode(t, PAD + column * COL, top + stacked[column] * ROW, wrap(t.title)))
            stacked[column] += 1
        height = BAND_HEAD + max(stacked.values()) * ROW
        bands.append(MapBand(slug, title, y, height))
        y += height + BAND_GAP
    where = {n.topic.slug: n for n in nodes}
    edges = []
    for n in nodes:
        for prereq in n.topic.prerequisites:
            source = where.get(prereq)
            if source is None:
                continue
            x1, y1 = source.x + NODE_W, source.y + NODE_H // 2
            x2, y2 = n.x, n.y + NODE_H // 2
            bend = max(20, (x2 - x1) // 2)
            edges.append(MapEdge(prereq, n.topic.slug, f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}",
                                 source.topic.on_path and n.topic.on_path))
    width = PAD * 2 + (len(columns) - 1) * COL + NODE_W if columns else 2 * PAD
    return MapLayout(width, y + PAD - BAND_GAP, tuple(bands), tuple(nodes),
                     tuple(sorted(edges, key=lambda e: e.strong)))  # strong edges last, drawn on top
