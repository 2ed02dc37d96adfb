"""The coach's planning use cases: plan, today, now, done/skip/log.

Functions of the coach, kept beside coach.py so each file stays readable; the faces only ever call
`Coach` methods, which delegate here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from offhours.domain import srs
from offhours.domain.path import LearningPath, prerequisite_closure
from offhours.domain.planner import (
    Activity,
    Block,
    MilestonePlan,
    MilestoneSpec,
    TopicWork,
    assess_milestones,
    fits,
    milestone_deadlines,
    place,
    resource_for,
    topic_work,
    weekly_capacity,
)
from offhours.domain.supply import Busy, Window, free_windows, local_instant
from offhours.errors import InputError, NotFoundError
from offhours.profile import DAYS

if TYPE_CHECKING:
    from offhours.coach import Coach

DEFAULT_WEEKS_CAP = 52


@dataclass(frozen=True)
class PlanView:
    timezone: str
    blocks: tuple[Block, ...]
    milestones: tuple[MilestonePlan, ...]
    unscheduled_minutes: int
    horizon: date
    weekly_capacity: int  # minutes a week the learner's slots and caps allow, on average
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    topic: str
    activity: str
    minutes: int
    resource: str | None
    why: str


# ---- building the plan ------------------------------------------------------------------------------------

def _topic_work(coach: Coach, path: LearningPath) -> list[TopicWork]:
    return topic_work(coach.catalog, path, coach.stack(path))


def milestone_specs(coach: Coach, path: LearningPath, start: date) -> list[MilestoneSpec]:
    """Each path milestone belongs to the earliest-deadline goal that needs it; dates spread per goal."""
    goals = coach.profile().profile.goals
    needs = [prerequisite_closure(coach.catalog, coach.catalog.goal_kinds[g.kind].targets) for g in goals]
    order = sorted(range(len(goals)), key=lambda i: goals[i].deadline)
    owner: dict[int, int] = {}
    for m in path.milestones:
        owner[m.index] = next((i for i in order if needs[i] & set(m.topics)), order[0])
    specs: list[MilestoneSpec] = []
    for goal_index, goal in enumerate(goals):
        mine = [m for m in path.milestones if owner[m.index] == goal_index]
        if not mine:
            continue
        dates = milestone_deadlines(start, goal.deadline, [round(m.hours * 60) for m in mine])
        specs.extend(MilestoneSpec(f"m-{goal_index + 1}-{m.index + 1}", m.title, goal_index + 1, d, m.topics)
                     for m, d in zip(mine, dates, strict=True))
    return sorted(specs, key=lambda s: min(path.slugs().index(t) for t in s.topics))

def plan(coach: Coach, weeks: int | None = None, *, save: bool = True) -> PlanView:
    """Build or refresh the plan: keep done and past blocks, move missed work forward, change little.
    With save=False nothing is written: the stored blocks are shown, the milestones are as a replan would
    assess them now (the week page uses this, so looking at the plan never changes it)."""
    stored = coach.profile()
    profile, learner_id = stored.profile, stored.learner_id
    tz = ZoneInfo(profile.timezone)
    now = coach.now()
    today = max(now.astimezone(tz).date(), stored.start_date)
    last_deadline = max(g.deadline for g in profile.goals)
    if weeks is not None and not 1 <= weeks <= 104:
        raise InputError(f"--weeks: expected 1 to 104, got {weeks}")
    horizon = today + timedelta(weeks=weeks) if weeks else min(
        max(last_deadline, today + timedelta(weeks=1)), today + timedelta(weeks=DEFAULT_WEEKS_CAP))
    start_instant = max(now, datetime.combine(today, datetime.min.time(), tz))

    existing = [b for b, _ in coach.store.load_blocks(learner_id)]
    missed = [b.id for b in existing if b.status == "planned" and b.end <= now]
    running = [b for b in existing if b.status == "planned" and b.start < now < b.end]
    future = [b for b in existing if b.status == "planned" and b.start >= now]
    history = [replace(b, status="missed") if b.id in missed else b for b in existing
               if b.status != "planned" or b.id in missed]

    busy_info = coach.calendar_busy(start_instant - timedelta(days=1), datetime.combine(
        horizon + timedelta(days=2), datetime.min.time(), tz))
    busy = [Busy(e.start, e.end) for e in busy_info.events] if busy_info else []
    busy += [Busy(b.start, b.end) for b in running]
    avail = profile.availability
    windows = free_windows(avail, tz, today, horizon, busy=busy, days_off=busy_info.days_off if busy_info else (),
                           not_before=start_instant, buffer_minutes=avail.buffer_minutes)

    path = coach.path()
    work = _topic_work(coach, path)
    done = coach.store.minutes_by_topic(learner_id)
    specs = milestone_specs(coach, path, stored.start_date)
    milestone_of = {t: s.id for s in specs for t in s.topics}
    work = [replace(w, milestone=milestone_of.get(w.slug, "")) for w in work]
    used = coach.store.minutes_by_day(learner_id, today - timedelta(days=today.weekday()))
    deck = [s for s in coach.store.deck_states(learner_id).values() if not srs.is_new(s)]
    reviews = {day: round(m) for day, _, m in srs.forecast(deck, today, (horizon - today).days + 1, tz) if m >= 1}
    planned, left = place(work, windows, daily_minutes=avail.max_daily_minutes,
                          weekly_minutes=avail.weekly_minutes, block_minutes=avail.block_minutes,
                          done_minutes=done, already_used=used, previous=[*history, *running, *future],
                          review_minutes=reviews)
    if save:
        coach.store.save_plan(learner_id, [*running, *planned], missed=missed, now=now)

    capacity = weekly_capacity(windows, avail.max_daily_minutes, avail.weekly_minutes)
    remaining = {w.slug: max(0, w.minutes - done.get(w.slug, 0)) for w in work}
    milestones = assess_milestones(specs, remaining, left, planned, capacity, today=today, horizon=horizon,
                                   local_date=lambda moment: moment.astimezone(tz).date())
    days = max(1, (horizon - today).days + 1)
    warnings = [f"Could not read the recurrence of '{u.summary}' in your calendar ({u.reason}); "
                f"treating {u.blocked} as busy." for u in (busy_info.unreadable if busy_info else ())]
    week_start = today - timedelta(days=today.weekday())
    shown = [b for b in coach.store.load_blocks(learner_id) if b[0].start.astimezone(tz).date() >= week_start]
    return PlanView(profile.timezone, tuple(b for b, _ in shown), tuple(milestones), sum(left.values()), horizon,
                    min(avail.weekly_minutes, round(sum(capacity.values()) * 7 / days)), tuple(warnings))

# ---- the week, as a calendar ----------------------------------------------------------------------------

@dataclass(frozen=True)
class BusySpan:
    """Time the week view greys out: working hours, a work-calendar event, or a whole day off."""

    start: datetime  # aware UTC
    end: datetime
    kind: Literal["work", "event", "day-off"]
    label: str


@dataclass(frozen=True)
class WeekView:
    timezone: str
    week_start: date  # a Monday, in the learner's timezone
    today: date
    blocks: tuple[Block, ...]  # stored blocks of the week, whatever their status
    busy: tuple[BusySpan, ...]
    free: tuple[Window, ...]  # the learner's slots this week less the calendar's events: where study can go
    milestones: tuple[MilestonePlan, ...]  # as a replan would assess them now (nothing is written)
    has_plan: bool  # whether any block was ever planned
    weekly_capacity: int
    warnings: tuple[str, ...]


def week(coach: Coach, day: date | None = None) -> WeekView:
    """The week containing `day` (default today): its blocks, busy time and free slots, and the milestones."""
    stored = coach.profile()
    profile = stored.profile
    tz = ZoneInfo(profile.timezone)
    today = coach.now().astimezone(tz).date()
    monday = (day or today) - timedelta(days=(day or today).weekday())
    days = [monday + timedelta(days=i) for i in range(7)]
    start, end = local_instant(monday, time.min, tz), local_instant(monday + timedelta(days=7), time.min, tz)
    stored_blocks = [b for b, _ in coach.store.load_blocks(stored.learner_id)]
    blocks = tuple(b for b in stored_blocks if start <= b.start < end)
    calendar = coach.calendar_busy(start, end)
    events = calendar.events if calendar else ()
    days_off = calendar.days_off if calendar else frozenset()
    busy = [BusySpan(e.start, e.end, "event", e.summary) for e in events]
    busy += [BusySpan(local_instant(d, time.min, tz), local_instant(d + timedelta(days=1), time.min, tz),
                      "day-off", "Day off") for d in days if d in days_off]
    avail = profile.availability
    if avail.work_hours:
        busy += [BusySpan(local_instant(d, avail.work_hours[0], tz), local_instant(d, avail.work_hours[1], tz),
                          "work", "Working hours") for d in days
                 if DAYS[d.weekday()] in avail.work_days and d not in days_off]
    free = free_windows(avail, tz, days[0], days[-1], busy=[Busy(e.start, e.end) for e in events],
                        days_off=days_off, buffer_minutes=avail.buffer_minutes)
    preview = plan(coach, save=False)
    return WeekView(profile.timezone, monday, today, blocks, tuple(sorted(busy, key=lambda b: b.start)),
                    tuple(free), preview.milestones, bool(stored_blocks), preview.weekly_capacity, preview.warnings)


# ---- the day ----------------------------------------------------------------------------------------------

def _block(coach: Coach, block_id: str) -> Block:
    learner_id = coach.profile().learner_id
    found = next((b for b, _ in coach.store.load_blocks(learner_id) if b.id == block_id), None)
    if found is None:
        raise NotFoundError(f"no block {block_id!r}; see `offhours today` or `offhours plan`")
    return found

def today_blocks(coach: Coach) -> tuple[list[Block], list[Block]]:
    """(today's blocks still ahead or already marked, past blocks of the last week waiting for done or skip)."""
    stored = coach.profile()
    tz = ZoneInfo(stored.profile.timezone)
    now = coach.now()
    today = now.astimezone(tz).date()
    since = datetime.combine(today - timedelta(days=8), datetime.min.time(), tz)  # a day to spare around DST
    blocks = [b for b, _ in coach.store.load_blocks(stored.learner_id, since)]
    waiting = [b for b in blocks if b.status == "planned" and b.end <= now
               and b.start.astimezone(tz).date() >= today - timedelta(days=7)]
    todays = [b for b in blocks if b.start.astimezone(tz).date() == today and b not in waiting]
    return todays, waiting

def mark_block(coach: Coach, block_id: str, status: str) -> Block:
    block = _block(coach, block_id)
    if block.status in ("done", "skipped"):
        raise InputError(f"block {block_id} is already {block.status}")
    tz = ZoneInfo(coach.profile().profile.timezone)
    log = None
    if status == "done":
        log = {"topic": block.topic, "minutes": block.minutes, "activity": block.activity,
               "day": block.start.astimezone(tz).date(), "block_id": block.id}
    coach.store.set_block_status(coach.profile().learner_id, block_id, status, now=coach.now(), log=log)
    return _block(coach, block_id)

def log_study(coach: Coach, topic: str, minutes: int, day: date | None = None, note: str | None = None) -> None:
    if topic not in coach.catalog.topics:
        raise NotFoundError(f"unknown topic {topic!r}; see `offhours topics`")
    if not 1 <= minutes <= 720:
        raise InputError(f"--minutes: expected 1 to 720, got {minutes}")
    stored = coach.profile()
    today = coach.now().astimezone(ZoneInfo(stored.profile.timezone)).date()
    day = day or today
    if day > today:
        raise InputError(f"--date: {day} is in the future")
    coach.store.add_log(stored.learner_id, topic=topic, minutes=minutes, activity="learn", day=day,
                       now=coach.now(), note=note)

def suggest(coach: Coach, minutes: int, where: str = "desk") -> list[Suggestion]:
    """What fits `minutes` here and now: the next planned work first, then the path's next units."""
    if not 5 <= minutes <= 240:
        raise InputError(f"--minutes: expected 5 to 240, got {minutes}")
    if where not in ("commute", "lunch", "desk", "evening", "weekend"):
        raise InputError(f"--where: expected commute, lunch, desk, evening or weekend, got {where!r}")
    path = coach.path()
    work = {w.slug: w for w in _topic_work(coach, path)}
    done = coach.store.minutes_by_topic(coach.profile().learner_id)
    learned = {t.slug for t in path.topics if t.status == "done"}
    out: list[Suggestion] = []
    for t in path.topics:
        w = work.get(t.slug)
        if w is None or any(p in work and p not in learned and done.get(p, 0) < work[p].minutes * 0.6
                            for p in w.prerequisites):
            continue
        activities: tuple[Activity, ...] = ("learn", w.practice, "quiz")
        for activity in activities:
            if fits(activity, where, w):
                out.append(Suggestion(t.slug, activity, minutes, resource_for(w, activity, where),
                                      f"next on your path ({t.title})"))
                break
        if len(out) >= 3:
            break
    return out
