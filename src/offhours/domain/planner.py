"""The planner: fit the path's work into the learner's free windows, and say plainly what cannot fit.

Demand is the path's topics split into units (learn, then exercise or project, then a quiz). Supply is
the free windows (see supply.py) under the daily and weekly caps. Placement is earliest-deadline-first
over the prerequisite order: windows are filled in time order with the first unit whose topic is
unblocked and whose activity suits the window's context, alternating between two topics so a learner is
not stuck in one area. Replanning first keeps every earlier planned block that is still valid (same id,
same time), then fills what is left, so the future changes as little as it can.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from offhours.catalog import Catalog
from offhours.domain.path import LearningPath
from offhours.domain.stack import StackEntry
from offhours.domain.supply import DEAD_TIME, MIN_DEAD_TIME_BLOCK, Window

Activity = Literal["learn", "review", "exercise", "project", "quiz"]
BlockStatus = Literal["planned", "done", "skipped", "missed"]
LEARN_SHARE, PRACTICE_SHARE = 0.6, 0.3  # the rest of a topic's time is its quiz
ACTIVE_TOPICS = 2  # how many topics run side by side
ALREADY_DONE = datetime.min.replace(tzinfo=UTC)  # finish time of topics completed before this plan


@dataclass(frozen=True)
class Block:
    id: str
    start: datetime  # aware UTC
    end: datetime
    topic: str
    activity: Activity
    context: str
    resource: str | None
    milestone: str
    status: BlockStatus = "planned"

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class TopicWork:
    """One topic of the path as the planner sees it."""

    slug: str
    area: str
    minutes: int
    prerequisites: tuple[str, ...]
    milestone: str
    practice: Literal["exercise", "project"] = "exercise"
    desk_resource: str | None = None
    commute_resource: str | None = None  # audio or video: no keyboard, maybe no screen
    lunch_resource: str | None = None  # short and phone-friendly


def topic_work(catalog: Catalog, path: LearningPath, stack: Sequence[StackEntry]) -> list[TopicWork]:
    """The path's unfinished topics as planner work, with the stack's resources for each context."""
    entries = {e.topic: e for e in stack}
    work = []
    for t in path.topics:
        if t.status == "done":
            continue
        e = entries.get(t.slug)
        work.append(TopicWork(
            t.slug, t.area, round(t.hours * 60), catalog.topics[t.slug].prerequisites, f"m-{t.milestone + 1}",
            "project" if catalog.areas[t.area].kind == "domain" else "exercise",
            e.primary.id if e and e.primary else None,
            e.on_the_go.id if e and e.on_the_go else None,
            e.on_the_phone.id if e and e.on_the_phone else None,
        ))
    return work


@dataclass(frozen=True)
class MilestoneSpec:
    id: str
    title: str
    goal: int  # 1-based goal number
    deadline: date
    topics: tuple[str, ...]


@dataclass(frozen=True)
class MilestonePlan:
    id: str
    title: str
    goal: int
    deadline: date
    planned_finish: date | None
    feasible: bool
    shortfall_minutes: int
    extra_minutes_per_week: int  # fix 1: this much more a week would make the deadline
    earliest_date: date | None  # fix 2: the earliest date at the current pace
    minutes: int


@dataclass(frozen=True)
class Plan:
    blocks: tuple[Block, ...]
    milestones: tuple[MilestonePlan, ...]
    unscheduled_minutes: int  # work that did not fit before the horizon
    horizon: date


@dataclass
class _Unit:
    activity: Activity
    minutes: int


@dataclass
class _TopicState:
    work: TopicWork
    units: list[_Unit]
    ordinal: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    last_used: int = -1
    learned_at: datetime | None = None  # when its last learn block ends: dependents may start from then

    @property
    def remaining(self) -> int:
        return sum(u.minutes for u in self.units)


def split_units(minutes: int, practice: Literal["exercise", "project"], done: int = 0) -> list[_Unit]:
    """A topic's time as learn, then practice, then quiz; minutes already done come off the front."""
    learn = round(minutes * LEARN_SHARE)
    drill = round(minutes * PRACTICE_SHARE)
    units = [_Unit("learn", learn), _Unit(practice, drill), _Unit("quiz", minutes - learn - drill)]
    for unit in units:
        taken = min(done, unit.minutes)
        unit.minutes -= taken
        done -= taken
    return [u for u in units if u.minutes > 0]


def block_id(topic: str, activity: str, ordinal: int) -> str:
    """Stable across replans: the n-th block of a topic's activity keeps its id."""
    return "b-" + hashlib.sha1(f"{topic}|{activity}|{ordinal}".encode()).hexdigest()[:10]


def fits(activity: Activity, context: str, work: TopicWork) -> bool:
    """Commute: audio and video only. Lunch: short phone-friendly learning, or a quiz. Desk: anything."""
    if context == "commute":
        return activity == "learn" and work.commute_resource is not None
    if context == "lunch":
        return activity == "quiz" or (activity == "learn" and work.lunch_resource is not None)
    return True


def resource_for(work: TopicWork, activity: Activity, context: str) -> str | None:
    if activity != "learn":
        return None
    return {"commute": work.commute_resource, "lunch": work.lunch_resource}.get(context, work.desk_resource)


@dataclass
class _Caps:
    daily: int
    weekly: int
    used_day: dict[date, int] = field(default_factory=lambda: defaultdict(int))
    used_week: dict[date, int] = field(default_factory=lambda: defaultdict(int))

    @staticmethod
    def week_of(day: date) -> date:
        return day - timedelta(days=day.weekday())

    def room(self, day: date) -> int:
        return min(self.daily - self.used_day[day], self.weekly - self.used_week[self.week_of(day)])

    def take(self, day: date, minutes: int) -> None:
        self.used_day[day] += minutes
        self.used_week[self.week_of(day)] += minutes


class _Placer:
    def __init__(self, topics: Sequence[TopicWork], done_minutes: Mapping[str, int], caps: _Caps,
                 block_minutes: tuple[int, int]) -> None:
        self.order = [t.slug for t in topics]
        self.state = {t.slug: _TopicState(t, split_units(t.minutes, t.practice, done_minutes.get(t.slug, 0)))
                      for t in topics}
        for s in self.state.values():
            if not any(u.activity == "learn" for u in s.units):
                s.learned_at = ALREADY_DONE
        self.caps = caps
        self.shortest, self.longest = block_minutes
        self.counter = 0
        self.taken_ids: set[str] = set()
        self.free_ids: dict[tuple[str, str], list[str]] = defaultdict(list)  # ids of dropped blocks, by work

    def ready(self, slug: str, at: datetime) -> bool:
        """Every prerequisite on the path has been learned by `at` (its practice and quiz may trail, so a
        commute can move on to the next topic while the exercises wait for the weekend)."""
        for prereq in self.state[slug].work.prerequisites:
            other = self.state.get(prereq)
            if other is not None and (other.learned_at is None or other.learned_at > at):
                return False
        return True

    def candidates(self, at: datetime, context: str) -> list[_TopicState]:
        """The topics in progress (the first few unblocked ones in path order) that have work for this
        context; when none does, the next unblocked topic that has, so a train ride is not wasted."""
        ready = [self.state[s] for s in self.order if self.state[s].remaining > 0 and self.ready(s, at)]
        fitting = [s for s in ready if any(fits(u.activity, context, s.work) for u in s.units[:2])]
        leading = {s.work.slug for s in ready[:ACTIVE_TOPICS]}
        active = [s for s in fitting if s.work.slug in leading]
        return active or fitting[:1]

    def consume(self, state: _TopicState, activity: Activity, minutes: int, end: datetime) -> None:
        for unit in state.units:
            if unit.activity == activity:
                unit.minutes -= minutes
                break
        state.units = [u for u in state.units if u.minutes > 0]
        state.ordinal[activity] += 1
        self.counter += 1
        state.last_used = self.counter
        if state.learned_at is None and not any(u.activity == "learn" for u in state.units):
            state.learned_at = end

    def length_for(self, context: str, available: int, need: int) -> int:
        shortest = MIN_DEAD_TIME_BLOCK if context in DEAD_TIME else self.shortest
        length = min(available, self.longest, max(need, shortest))
        if 0 < available - length < shortest and available <= self.longest:
            length = available  # a tail too short for a block of its own: a few more minutes on this one
        return length if length >= shortest else 0

    def keep(self, block: Block, windows_by_day: Mapping[date, list[Window]], day: date) -> Block | None:
        """An earlier planned block stays if it still fits: free time, caps, work left, prerequisites."""
        state = self.state.get(block.topic)
        if state is None or not self.ready(block.topic, block.start):
            return None
        unit = next((u for u in state.units[:2] if u.activity == block.activity), None)
        if unit is None:
            return None
        inside = any(w.start <= block.start and block.end <= w.end and w.context == block.context
                     for w in windows_by_day.get(day, []))
        if not inside or self.caps.room(day) < block.minutes or not fits(block.activity, block.context, state.work):
            return None
        self.caps.take(day, block.minutes)
        self.consume(state, block.activity, min(block.minutes, unit.minutes), block.end)
        return block

    def new_id(self, state: _TopicState, activity: Activity) -> str:
        """A block that moved takes back the id it had; new work gets the next unused ordinal."""
        dropped = self.free_ids.get((state.work.slug, activity))
        if dropped:
            return dropped.pop(0)
        ordinal = state.ordinal[activity]
        while block_id(state.work.slug, activity, ordinal) in self.taken_ids:
            ordinal += 1
        state.ordinal[activity] = ordinal
        self.taken_ids.add(block_id(state.work.slug, activity, ordinal))
        return block_id(state.work.slug, activity, ordinal)

    def fill(self, window: Window, start: datetime) -> list[Block]:
        blocks: list[Block] = []
        cursor = start
        while True:
            available = min(int((window.end - cursor).total_seconds() // 60), self.caps.room(window.day))
            options = self.candidates(cursor, window.context)
            if available <= 0 or not options:
                return blocks
            state = min(options, key=lambda s: (s.last_used, self.order.index(s.work.slug)))
            unit = next(u for u in state.units[:2] if fits(u.activity, window.context, state.work))
            length = self.length_for(window.context, available, unit.minutes)
            if length == 0:
                return blocks
            end = cursor + timedelta(minutes=length)
            resource = resource_for(state.work, unit.activity, window.context)
            blocks.append(Block(self.new_id(state, unit.activity), cursor, end, state.work.slug,
                                unit.activity, window.context, resource, state.work.milestone))
            self.caps.take(window.day, length)
            self.consume(state, unit.activity, min(length, unit.minutes), end)
            cursor = end


def place(
    topics: Sequence[TopicWork],
    windows: Sequence[Window],
    *,
    daily_minutes: int,
    weekly_minutes: int,
    block_minutes: tuple[int, int],
    done_minutes: Mapping[str, int] | None = None,
    already_used: Mapping[date, int] | None = None,
    previous: Sequence[Block] = (),
    review_minutes: Mapping[date, int] | None = None,
) -> tuple[list[Block], dict[str, int]]:
    """Place blocks into windows; return them and each topic's minutes left unplaced.

    `review_minutes` is the flashcard time the spaced-repetition forecast expects each day: it is
    reserved first, in the day's first commute or lunch window when there is one."""
    caps = _Caps(daily_minutes, weekly_minutes)
    for day, minutes in (already_used or {}).items():
        caps.take(day, minutes)
    placer = _Placer(topics, done_minutes or {}, caps, block_minutes)
    windows_by_day: dict[date, list[Window]] = defaultdict(list)
    for w in windows:
        windows_by_day[w.day].append(w)
    kept: list[Block] = []
    planned = sorted((b for b in previous if b.status == "planned"), key=lambda b: b.start)
    for block in planned:
        block_day = next((w.day for w in windows if w.start <= block.start < w.end), None)
        if block_day is not None and (still := placer.keep(block, windows_by_day, block_day)) is not None:
            kept.append(still)
    # A dropped block's id goes back to the same work, so a block that merely moves keeps its id (and
    # calendar exports update it in place); other new blocks never take an id seen before.
    kept.extend(_review_blocks(review_minutes or {}, windows_by_day, caps, kept))
    kept_ids = {b.id for b in kept}
    placer.taken_ids = {b.id for b in previous} | kept_ids
    for block in planned:
        if block.id not in kept_ids:
            placer.free_ids[(block.topic, block.activity)].append(block.id)
    blocks = list(kept)
    for window in windows:
        cursor = window.start
        for taken in sorted((b for b in kept if window.start <= b.start < window.end), key=lambda b: b.start):
            if taken.start > cursor:
                gap = replace(window, start=cursor, end=taken.start)
                blocks.extend(placer.fill(gap, cursor))
            cursor = max(cursor, taken.end)
        if cursor < window.end:
            blocks.extend(placer.fill(replace(window, start=cursor), cursor))
    blocks.sort(key=lambda b: b.start)
    left = {slug: s.remaining for slug, s in placer.state.items() if s.remaining > 0}
    return blocks, left


REVIEW_TOPIC = "cards"  # review blocks are for the whole deck, not one topic


def _review_blocks(minutes: Mapping[date, int], windows_by_day: Mapping[date, list[Window]], caps: _Caps,
                   taken: Sequence[Block]) -> list[Block]:
    out = []
    for day in sorted(minutes):
        need = math.ceil(minutes[day] / 5) * 5
        if need <= 0 or day not in windows_by_day:
            continue
        ordered = sorted(windows_by_day[day], key=lambda w: (w.context not in DEAD_TIME, w.start))
        for window in ordered:
            start = max([window.start, *(b.end for b in taken if window.start <= b.start < window.end)])
            length = min(need, int((window.end - start).total_seconds() // 60), caps.room(day))
            if length >= 5:
                caps.take(day, length)
                out.append(Block(f"b-review-{day:%Y%m%d}", start, start + timedelta(minutes=length), REVIEW_TOPIC,
                                 "review", window.context, None, ""))
                break
    return out


# ---- milestones and feasibility -----------------------------------------------------------------------------

def weekly_capacity(windows: Sequence[Window], daily_minutes: int, weekly_minutes: int) -> dict[date, int]:
    """Minutes the learner could study each day (free windows under the caps), keyed by local date."""
    per_day: dict[date, int] = defaultdict(int)
    for w in windows:
        per_day[w.day] += w.minutes
    caps = _Caps(daily_minutes, weekly_minutes)
    capacity: dict[date, int] = {}
    for day in sorted(per_day):
        take = min(per_day[day], caps.room(day))
        caps.take(day, take)
        capacity[day] = take
    return capacity


def _cumulative_at(capacity: Mapping[date, int], day: date, start: date, horizon: date, per_week: float) -> float:
    """Capacity from `start` through `day`; beyond the horizon, extrapolated at the average weekly pace."""
    inside = sum(m for d, m in capacity.items() if start <= d <= min(day, horizon))
    beyond = max(0, (day - horizon).days)
    return inside + per_week * beyond / 7


def assess_milestones(
    specs: Sequence[MilestoneSpec],
    remaining_minutes: Mapping[str, int],
    unplaced: Mapping[str, int],
    blocks: Sequence[Block],
    capacity: Mapping[date, int],
    *,
    today: date,
    horizon: date,
    local_date: Callable[[datetime], date],
) -> list[MilestonePlan]:
    """Planned finish, feasibility, shortfall and the two fixes for each milestone (arithmetic first).

    The shortfall is arithmetic: the work due by the deadline (this milestone and all before it) less the
    minutes the learner's week offers until then. If that fits but the plan still ends late (contexts or
    prerequisites get in the way), the shortfall is the milestone's work placed after its deadline.
    """
    days = max(1, (horizon - today).days + 1)
    per_week = sum(capacity.values()) * 7 / days
    last_block: dict[str, datetime] = {}
    for b in blocks:
        if b.status in ("planned", "done") and (b.topic not in last_block or b.end > last_block[b.topic]):
            last_block[b.topic] = b.end
    plans: list[MilestonePlan] = []
    cumulative = 0
    for spec in specs:
        minutes = sum(remaining_minutes.get(t, 0) for t in spec.topics)
        cumulative += minutes
        earliest = _earliest(capacity, cumulative, today, horizon, per_week)
        finish: date | None
        if any(unplaced.get(t, 0) > 0 for t in spec.topics):
            finish = earliest  # beyond the planned horizon: the arithmetic's projection
        else:
            ends = [local_date(last_block[t]) for t in spec.topics if t in last_block]
            finish = max(ends) if ends else today
        available = _cumulative_at(capacity, spec.deadline, today, horizon, per_week)
        shortfall = max(0, math.ceil(cumulative - available))
        if shortfall == 0 and finish is not None and finish > spec.deadline:
            shortfall = sum(b.minutes for b in blocks if b.topic in spec.topics and b.status == "planned"
                            and local_date(b.end) > spec.deadline) + sum(unplaced.get(t, 0) for t in spec.topics)
        weeks_left = max(1.0, (spec.deadline - today).days / 7)
        extra = math.ceil(shortfall / weeks_left) if shortfall else 0
        feasible = shortfall == 0 and finish is not None and finish <= spec.deadline
        if not feasible and earliest is not None and finish is not None:
            earliest = max(earliest, finish)  # never suggest a date earlier than the plan can deliver
        plans.append(MilestonePlan(spec.id, spec.title, spec.goal, spec.deadline, finish, feasible, shortfall,
                                   extra, finish if feasible else earliest, minutes))
    return plans


def _earliest(capacity: Mapping[date, int], demand: float, today: date, horizon: date,
              per_week: float) -> date | None:
    if demand <= 0:
        return today
    total = 0
    for day in sorted(d for d in capacity if d >= today):
        total += capacity[day]
        if total >= demand:
            return day
    if per_week <= 0:
        return None
    return horizon + timedelta(days=math.ceil((demand - total) / per_week * 7))


def milestone_deadlines(start: date, deadline: date, minutes: Sequence[int]) -> list[date]:
    """Spread a goal's milestone dates before its deadline in proportion to their work."""
    total = sum(minutes) or 1
    span = (deadline - start).days
    dates, cumulative = [], 0
    for m in minutes:
        cumulative += m
        dates.append(start + timedelta(days=max(1, round(span * cumulative / total))))
    dates[-1] = deadline
    return dates
