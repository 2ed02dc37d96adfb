"""Streaks, XP and pace: the numbers that keep a learner going, computed from what they did.

All dates are the learner's local dates. A day counts when they studied at least a small minimum; a
planned rest day never breaks a streak; a missed study day can be covered by a streak freeze, earned one
per full week of streak (at most two held), as Duolingo does.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

MIN_MINUTES = 10  # what makes a day count
MIN_REVIEWS = 20  # ...or this many flashcard answers
FREEZE_EVERY = 7
MAX_FREEZES = 2
XP = {"minute": 1, "review": 1, "quiz_right": 5, "exercise": 50, "project": 200}


@dataclass(frozen=True)
class Streak:
    days: int  # consecutive counted days up to today (today may still be open)
    freezes_left: int
    freezes_used: int
    longest: int


def counted_days(minutes: Mapping[date, int], reviews: Mapping[date, int]) -> set[date]:
    return ({d for d, m in minutes.items() if m >= MIN_MINUTES}
            | {d for d, n in reviews.items() if n >= MIN_REVIEWS})


def streak(studied: Collection[date], rest_weekdays: Collection[int], today: date) -> Streak:
    """Walk from the first study day to today, keeping the streak alive through rest days and freezes.
    Today not studied yet does not break the streak (the day is not over)."""
    if not studied:
        return Streak(0, 0, 0, 0)
    current = longest = used = 0
    freezes = 0
    day = min(studied)
    while day <= today:
        if day in studied:
            current += 1
            if current % FREEZE_EVERY == 0:
                freezes = min(MAX_FREEZES, freezes + 1)
        elif day.weekday() in rest_weekdays or day == today:
            pass  # a planned rest day, or today still open: neither extends nor breaks the streak
        elif freezes > 0 and current > 0:
            freezes -= 1
            used += 1
        else:
            current, freezes = 0, 0
        longest = max(longest, current)
        day += timedelta(days=1)
    return Streak(current, freezes, used, longest)


def xp(minutes: int, reviews: int, quiz_right: int, exercises_passed: int, projects_passed: int) -> int:
    return (minutes * XP["minute"] + reviews * XP["review"] + quiz_right * XP["quiz_right"]
            + exercises_passed * XP["exercise"] + projects_passed * XP["project"])


def weekly_pace(minutes: Mapping[date, int], today: date, weeks: int = 6, fallback: float = 0.0) -> float:
    """Minutes a week at the learner's recent pace, recent weeks weighted more (weights 1, 2, 3, ...).
    The current, unfinished week is left out; with no history yet the fallback (the plan's budget) is used."""
    week_start = today - timedelta(days=today.weekday())
    totals = []
    for back in range(weeks, 0, -1):
        start = week_start - timedelta(weeks=back)
        totals.append(sum(m for d, m in minutes.items() if start <= d < start + timedelta(days=7)))
    if not any(totals):
        return fallback
    weights = range(1, weeks + 1)
    return sum(w * t for w, t in zip(weights, totals, strict=True)) / sum(weights)


@dataclass(frozen=True)
class Eta:
    eta: date | None  # None: no pace at all
    at_risk: bool
    extra_minutes_per_week: int  # what would bring the ETA back to the deadline
    remaining_minutes: int


def eta(remaining_minutes: int, pace_per_week: float, today: date, deadline: date) -> Eta:
    """When the remaining work is done at this pace, and what it would take to make the deadline."""
    if remaining_minutes <= 0:
        return Eta(today, False, 0, 0)
    weeks_left = max((deadline - today).days / 7, 1 / 7)
    needed = math.ceil(remaining_minutes / weeks_left)
    if pace_per_week <= 0:
        return Eta(None, True, needed, remaining_minutes)
    when = today + timedelta(days=math.ceil(remaining_minutes / pace_per_week * 7))
    extra = max(0, math.ceil(needed - pace_per_week))
    return Eta(when, when > deadline, extra if when > deadline else 0, remaining_minutes)
