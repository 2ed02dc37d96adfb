"""The planner's promises, checked on the example path and on random weeks (hypothesis)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from conftest import NOW, PROFILE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offhours.catalog import default_catalog
from offhours.domain.path import build_path
from offhours.domain.planner import (
    Block,
    MilestoneSpec,
    TopicWork,
    assess_milestones,
    fits,
    milestone_deadlines,
    place,
    split_units,
    topic_work,
    weekly_capacity,
)
from offhours.domain.stack import build_stack
from offhours.domain.supply import DEAD_TIME, Busy, free_windows
from offhours.profile import DAYS, Availability, Slot, parse_profile

CATALOG = default_catalog()
LONDON = ZoneInfo("Europe/London")


def path_work(kind: str = "apply-at-work", domain: str | None = "finance") -> list[TopicWork]:
    path = build_path(CATALOG, goal_kinds=[kind], domain=domain)
    return topic_work(CATALOG, path, build_stack(CATALOG, path.slugs(), style=None, dead_time_share=0.4))


WORK = path_work()


def check_plan(blocks: list[Block], availability: Availability, tz: ZoneInfo, busy: list[Busy],
               work: list[TopicWork]) -> None:
    """Every promise the issue names, for one plan."""
    by_topic = {w.slug: w for w in work}
    per_day: dict[date, int] = defaultdict(int)
    per_week: dict[date, int] = defaultdict(int)
    learned: dict[str, datetime] = {}
    for b in blocks:
        if b.activity == "learn":
            learned[b.topic] = max(learned.get(b.topic, b.end), b.end)
    shortest, longest = availability.block_minutes
    for i, b in enumerate(blocks):
        local_start, local_end = b.start.astimezone(tz), b.end.astimezone(tz)
        day = local_start.date()
        assert DAYS[day.weekday()] not in availability.rest_days
        assert any(DAYS[day.weekday()] in s.days and s.context == b.context and s.start <= local_start.time()
                   and local_end.time() <= s.end for s in availability.slots), f"{b} is outside its slot"
        if b.activity == "review":
            assert 5 <= b.minutes <= longest
        else:
            assert fits(b.activity, b.context, by_topic[b.topic])
            low = 15 if b.context in DEAD_TIME else shortest
            assert low <= b.minutes <= longest
        assert not any(x.start < b.end and b.start < x.end for x in busy), f"{b} overlaps busy time"
        if i + 1 < len(blocks):
            assert b.end <= blocks[i + 1].start, "blocks overlap"
        per_day[day] += b.minutes
        per_week[day - timedelta(days=day.weekday())] += b.minutes
        for prereq in by_topic[b.topic].prerequisites if b.activity != "review" else ():  # learned first
            if prereq in by_topic:
                assert prereq in learned and learned[prereq] <= b.start, f"{b.topic} starts before {prereq}"
    assert all(m <= availability.max_daily_minutes for m in per_day.values())
    assert all(m <= availability.weekly_minutes for m in per_week.values())


def test_split_units() -> None:
    assert [(u.activity, u.minutes) for u in split_units(300, "exercise")] == [
        ("learn", 180), ("exercise", 90), ("quiz", 30)]
    assert [(u.activity, u.minutes) for u in split_units(300, "project", done=200)] == [
        ("project", 70), ("quiz", 30)]


def test_the_example_week_keeps_every_promise() -> None:
    availability = parse_profile(PROFILE, source="p", now=NOW).availability
    busy = [Busy(datetime(2026, 12, 5, 10, 0, tzinfo=UTC), datetime(2026, 12, 5, 11, 0, tzinfo=UTC))]
    windows = free_windows(availability, LONDON, date(2026, 11, 30), date(2027, 5, 30), busy=busy)
    blocks, left = place(WORK, windows, daily_minutes=availability.max_daily_minutes,
                         weekly_minutes=availability.weekly_minutes, block_minutes=availability.block_minutes)
    check_plan(blocks, availability, LONDON, busy, WORK)
    capacity = weekly_capacity(windows, availability.max_daily_minutes, availability.weekly_minutes)
    assert left, "this much work does not fit in six months at 5 h a week"
    assert sum(b.minutes for b in blocks) >= 0.9 * sum(capacity.values())
    commute = [b for b in blocks if b.context == "commute"]
    assert commute and all(b.activity == "learn" and b.resource for b in commute)
    first_each_day: dict[date, time] = {}
    for b in commute:
        first_each_day.setdefault(b.start.astimezone(LONDON).date(), b.start.astimezone(LONDON).time())
    assert set(first_each_day.values()) == {time(7, 40)}, "07:40 in GMT and in BST alike"


def test_replanning_keeps_valid_blocks_and_their_ids() -> None:
    availability = parse_profile(PROFILE, source="p", now=NOW).availability
    windows = free_windows(availability, LONDON, date(2026, 11, 30), date(2027, 1, 31))
    kwargs = {"daily_minutes": 90, "weekly_minutes": 300, "block_minutes": (30, 60)}
    first, _ = place(WORK, windows, **kwargs)  # type: ignore[arg-type]
    again, _ = place(WORK, windows, previous=first, **kwargs)  # type: ignore[arg-type]
    assert [(b.id, b.start) for b in again] == [(b.id, b.start) for b in first]
    # The first block is missed: its work moves forward, and the plan stays sound.
    missed = first[0]
    later = [w for w in windows if w.start >= first[1].start]
    replanned, _ = place(WORK, later, previous=first[1:], **kwargs)  # type: ignore[arg-type]
    assert any(b.topic == missed.topic and b.activity == missed.activity for b in replanned)
    check_plan(replanned, availability, LONDON, [], WORK)
    assert len({b.id for b in replanned}) == len(replanned)


def test_impossible_goal_reports_the_shortfall_arithmetic() -> None:
    # 3 h/week for the whole career-change path in a month.
    availability = parse_profile(PROFILE.replace("weekly_minutes = 300", "weekly_minutes = 180"),
                                 source="p", now=NOW).availability
    work = path_work("career-change", None)
    start, deadline = date(2026, 11, 30), date(2026, 12, 30)
    windows = free_windows(availability, LONDON, start, deadline)
    blocks, left = place(work, windows, daily_minutes=90, weekly_minutes=180, block_minutes=(30, 60))
    capacity = weekly_capacity(windows, 90, 180)
    demand = sum(w.minutes for w in work)
    spec = MilestoneSpec("m-1", "Everything", 1, deadline, tuple(w.slug for w in work))
    [plan] = assess_milestones([spec], {w.slug: w.minutes for w in work}, left, blocks, capacity, today=start,
                               horizon=deadline, local_date=lambda d: d.astimezone(LONDON).date())
    assert not plan.feasible
    assert plan.shortfall_minutes == demand - sum(capacity.values())
    assert plan.extra_minutes_per_week >= plan.shortfall_minutes / 5
    assert plan.earliest_date is not None and plan.earliest_date > deadline
    assert sum(left.values()) >= demand - sum(b.minutes for b in blocks) > 0


def test_milestone_deadlines_spread_in_proportion() -> None:
    dates = milestone_deadlines(date(2027, 1, 1), date(2027, 12, 31), [100, 100, 200])
    assert dates == [date(2027, 4, 2), date(2027, 7, 2), date(2027, 12, 31)]


@st.composite
def weeks(draw: st.DrawFn) -> tuple[Availability, list[Busy], ZoneInfo]:
    tz = ZoneInfo(draw(st.sampled_from(["Europe/London", "America/New_York", "Asia/Kolkata"])))
    slots: list[Slot] = []
    for context, hour in (("commute", 7), ("lunch", 12), ("evening", 19), ("weekend", 9)):
        if draw(st.booleans()):
            days = ["sat"] if context == "weekend" else draw(
                st.lists(st.sampled_from(DAYS[:5]), min_size=1, max_size=5, unique=True))
            length = draw(st.integers(20, 150))
            start = time(hour, draw(st.sampled_from([0, 15, 30])))
            end_minutes = hour * 60 + start.minute + length
            slots.append(Slot(days=days, start=start, end=time(end_minutes // 60, end_minutes % 60),
                              context=context))
    if not slots:
        slots.append(Slot(days=["sat"], start=time(9), end=time(11), context="desk"))
    shortest = draw(st.sampled_from([20, 30]))
    weekly = draw(st.integers(60, 900))
    availability = Availability(weekly_minutes=weekly, max_daily_minutes=min(weekly, draw(st.integers(30, 180))),
                                block_minutes=(shortest, draw(st.integers(shortest, 90))),
                                rest_days=["sun"], slots=slots)
    base = datetime(2026, 3, 2, tzinfo=UTC)  # the weeks around the March DST changes
    busy = []
    for _ in range(draw(st.integers(0, 25))):
        start = base + timedelta(minutes=draw(st.integers(0, 28 * 24 * 60)))
        busy.append(Busy(start, start + timedelta(minutes=draw(st.integers(15, 240)))))
    return availability, busy, tz


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weeks())
def test_random_weeks_keep_every_promise(week: tuple[Availability, list[Busy], ZoneInfo]) -> None:
    availability, busy, tz = week
    windows = free_windows(availability, tz, date(2026, 3, 2), date(2026, 3, 29), busy=busy)
    blocks, _ = place(WORK, windows, daily_minutes=availability.max_daily_minutes,
                      weekly_minutes=availability.weekly_minutes, block_minutes=availability.block_minutes)
    check_plan(blocks, availability, tz, busy, WORK)


def test_review_time_is_reserved_on_the_commute_first() -> None:
    availability = parse_profile(PROFILE, source="p", now=NOW).availability
    windows = free_windows(availability, LONDON, date(2026, 11, 30), date(2026, 12, 6))
    reviews = {date(2026, 12, 1): 12, date(2026, 12, 5): 7}
    blocks, _ = place(WORK, windows, daily_minutes=90, weekly_minutes=300, block_minutes=(30, 60),
                      review_minutes=reviews)
    check_plan(blocks, availability, LONDON, [], WORK)
    review = [b for b in blocks if b.activity == "review"]
    assert [(b.start.astimezone(LONDON).strftime("%a %H:%M"), b.minutes, b.context) for b in review] == [
        ("Tue 07:40", 15, "commute"), ("Sat 09:00", 10, "desk")]
    assert review[0].id == "b-review-20261201"
