"""Planner figures: speed against a busy real calendar, fill ratio, and a missed-blocks simulation.

    python benchmarks/planner.py [--learners 1000]

1. Plan a career-change path for 26 weeks against rie__issue_173 (677 events) from ../shared, through
   the real coach and a temporary SQLite home: median of 5 runs (target <= 1 s); then a replan after a
   missed day (target <= 0.2 s).
2. Fill: when demand exceeds supply, the share of available minutes the plan uses (target >= 97%).
3. Simulation: learners who miss 20% of their blocks at random; share of milestones met when they
   replan every week versus when they keep following the original plan.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from offhours.catalog import default_catalog
from offhours.coach import Coach
from offhours.domain.path import build_path
from offhours.domain.planner import Block, place, topic_work
from offhours.domain.stack import build_stack
from offhours.domain.supply import free_windows
from offhours.profile import Availability, Slot, profile_from_dict
from offhours.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
CALENDAR = SHARED / "data" / "calendars" / "rie__issue_173_only_modifications_error.ics"
START = datetime(2024, 1, 8, 5, 0, tzinfo=UTC)  # the calendar's busiest months

PROFILE = {
    "name": "Benchmark", "timezone": "Europe/Paris", "mode": "structured", "domain": "software-engineering",
    "goals": [{"kind": "career-change", "title": "Become an ML engineer", "deadline": "2024-12-20"}],
    "availability": {
        "weekly_minutes": 420, "max_daily_minutes": 120, "work_days": ["mon", "tue", "wed", "thu", "fri"],
        "work_hours": "09:00-18:00", "rest_days": ["sun"],
        "slots": [
            {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "07:45", "end": "08:30", "context": "commute"},
            {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "12:30", "end": "13:30", "context": "lunch"},
            {"days": ["mon", "wed", "thu"], "start": "19:00", "end": "21:00", "context": "evening"},
            {"days": ["sat"], "start": "09:00", "end": "13:00", "context": "weekend"},
        ],
    },
}


def timed(fn: object, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def speed_and_fill() -> None:
    if not CALENDAR.exists():
        print("speed: ../shared calendar not present, skipped")
        return
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), database_url=f"sqlite:///{home}/offhours.db")
        clock = {"now": START}
        coach = Coach.open(settings, clock=lambda: clock["now"])
        coach.init_profile(profile_from_dict(PROFILE, source="bench", now=START))
        coach.import_calendar(CALENDAR)
        first = timed(lambda: coach.plan(weeks=26), 5)
        view = coach.plan(weeks=26)
        print(f"plan, career-change, 26 weeks, 677-event calendar: median {first * 1000:.0f} ms (target <= 1000 ms); "
              f"{len(view.blocks)} blocks")
        clock["now"] = START + timedelta(days=1, hours=16)  # a day passes with nothing marked done
        replan = timed(lambda: coach.plan(weeks=26), 1)
        print(f"replan after a missed day: {replan * 1000:.0f} ms (target <= 200 ms)")
        placed = sum(b.minutes for b in view.blocks if b.status == "planned")
        print(f"fill (demand exceeds supply: {view.unscheduled_minutes} min left over): "
              f"{placed} planned of about {view.weekly_capacity * 26} available minutes "
              f"= {placed / max(1, view.weekly_capacity * 26):.1%} (target >= 97%)")
        coach.close()


def random_availability(rng: random.Random) -> Availability:
    weekdays = ["mon", "tue", "wed", "thu", "fri"]
    slots = [Slot(days=weekdays, start="07:30", end=f"08:{rng.choice([0, 10, 20]):02d}", context="commute")]
    if rng.random() < 0.6:
        slots.append(Slot(days=rng.sample(weekdays, 2), start="12:30", end="13:00", context="lunch"))
    slots.append(Slot(days=rng.sample(weekdays, rng.randint(1, 3)), start="20:00", end="21:00", context="evening"))
    slots.append(Slot(days=["sat"], start="09:00", end=f"{rng.randint(10, 12)}:00", context="weekend"))
    weekly = rng.choice([180, 240, 300, 360, 420])
    return Availability(weekly_minutes=weekly, max_daily_minutes=min(weekly, 90), rest_days=["sun"], slots=slots)


def done_by(plan_blocks: list[Block], deadline: date, misses: set[str], tz: ZoneInfo) -> dict[str, int]:
    """Minutes per topic actually studied by a deadline (missed blocks do not count)."""
    done: dict[str, int] = {}
    for b in plan_blocks:
        if b.id not in misses and b.status != "missed" and b.start.astimezone(tz).date() <= deadline:
            done[b.topic] = done.get(b.topic, 0) + b.minutes
    return done


def simulate(learners: int, weeks: int = 12, miss_rate: float = 0.2) -> None:
    catalog = default_catalog()
    rng = random.Random(7)
    tz = ZoneInfo("Europe/London")
    start = date(2027, 1, 4)
    met_replan = met_fixed = total = 0
    began = time.perf_counter()
    for _ in range(learners):
        avail = random_availability(rng)
        kind = rng.choice(["apply-at-work", "foundations", "build-and-deploy"])
        path = build_path(catalog, goal_kinds=[kind], domain=None)
        work = topic_work(catalog, path, build_stack(catalog, path.slugs(), style=None, dead_time_share=0.4))
        end = start + timedelta(weeks=weeks) - timedelta(days=1)
        windows = free_windows(avail, tz, start, end)
        blocks, _ = place(work, windows, daily_minutes=avail.max_daily_minutes, weekly_minutes=avail.weekly_minutes,
                          block_minutes=avail.block_minutes)
        # Three milestones with some slack: each holds the topics the original plan finishes by 75% of
        # the time to its deadline (deadlines at weeks 4, 8 and 12).
        finish: dict[str, date] = {}
        placed: dict[str, int] = {}
        for b in blocks:
            placed[b.topic] = placed.get(b.topic, 0) + b.minutes
            finish[b.topic] = max(finish.get(b.topic, start), b.start.astimezone(tz).date())
        complete = [t.slug for t in path.topics if placed.get(t.slug, 0) >= 0.99 * round(t.hours * 60)]
        deadlines = [start + timedelta(days=round(7 * weeks * k / 3) - 1) for k in (1, 2, 3)]
        thirds = [[t for t in complete if finish[t] <= start + timedelta(days=round(0.75 * (d - start).days))]
                  for d in deadlines]
        if not thirds[0]:
            continue
        misses = {b.id for b in blocks if rng.random() < miss_rate}

        fixed_done = [done_by(blocks, d, misses, tz) for d in deadlines]
        # Replanning weekly: what was done stays, the rest of the plan is rebuilt from the next week.
        history: list[Block] = []
        current = blocks
        for week in range(1, weeks):
            cut = start + timedelta(weeks=week)
            past = [b for b in current if b.start.astimezone(tz).date() < cut]
            history += [replace(b, status="missed" if b.id in misses else "done") for b in past]
            done_minutes: dict[str, int] = {}
            for b in history:
                if b.status != "missed":
                    done_minutes[b.topic] = done_minutes.get(b.topic, 0) + b.minutes
            later = [w for w in windows if w.day >= cut]
            future = [b for b in current if b.start.astimezone(tz).date() >= cut]
            current, _ = place(work, later, daily_minutes=avail.max_daily_minutes,
                               weekly_minutes=avail.weekly_minutes, block_minutes=avail.block_minutes,
                               done_minutes=done_minutes, previous=[*history, *future])
            misses |= {b.id for b in current if b.id not in misses and rng.random() < miss_rate
                       and b.start.astimezone(tz).date() < cut + timedelta(weeks=1)}
        replanned = [b for b in history if b.status != "missed"] + current
        replan_done = [done_by(replanned, d, misses, tz) for d in deadlines]
        need = {t.slug: round(t.hours * 60) for t in path.topics}
        for topics, fixed, replan in zip(thirds, fixed_done, replan_done, strict=True):
            total += 1
            met_fixed += all(fixed.get(t, 0) >= 0.99 * need[t] for t in topics)
            met_replan += all(replan.get(t, 0) >= 0.99 * need[t] for t in topics)
    elapsed = time.perf_counter() - began
    print(f"simulation: {learners} learners x {weeks} weeks, {miss_rate:.0%} of blocks missed at random "
          f"({elapsed:.0f} s): milestones met {met_replan / total:.1%} with weekly replanning vs "
          f"{met_fixed / total:.1%} following the original plan ({total} milestones)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=1000)
    args = parser.parse_args()
    speed_and_fill()
    simulate(args.learners)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
