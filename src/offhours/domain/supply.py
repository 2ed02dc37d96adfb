"""Supply: when the learner can study. Their slots, on their days, minus the work calendar's busy time.

Slots are wall-clock times in the learner's timezone, so a 07:40 commute stays 07:40 across a
daylight-saving change; each window is turned into UTC only at the end. Work hours are busy time only
outside the slots the learner declared (a lunch slot inside the working day is real), so they never cut a
slot; calendar events always do, with a short buffer before and after for desk work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from offhours.profile import DAYS, Availability

DEAD_TIME = ("commute", "lunch")  # no keyboard: audio, short videos, flashcards
MIN_DEAD_TIME_BLOCK = 15  # minutes; a shorter gap on the train is not worth a block


@dataclass(frozen=True)
class Window:
    """A stretch of free study time in one slot on one day."""

    start: datetime  # aware UTC
    end: datetime
    context: str
    day: date  # the learner's local date

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class Busy:
    start: datetime  # aware UTC
    end: datetime


def local_instant(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of a wall-clock time on a local date (a time skipped by DST moves forward)."""
    return datetime.combine(day, clock, tz).astimezone(UTC)


def _subtract(start: datetime, end: datetime, busy: Sequence[Busy]) -> list[tuple[datetime, datetime]]:
    pieces = [(start, end)]
    for b in busy:
        if b.end <= start or b.start >= end:
            continue
        next_pieces = []
        for s, e in pieces:
            if b.end <= s or b.start >= e:
                next_pieces.append((s, e))
                continue
            if b.start > s:
                next_pieces.append((s, b.start))
            if b.end < e:
                next_pieces.append((b.end, e))
        pieces = next_pieces
    return pieces


def free_windows(
    availability: Availability,
    tz: ZoneInfo,
    first_day: date,
    last_day: date,
    *,
    busy: Iterable[Busy] = (),
    days_off: Iterable[date] = (),
    not_before: datetime | None = None,
    buffer_minutes: int = 10,
) -> list[Window]:
    """Every free window from first_day to last_day (local dates, inclusive), in time order."""
    busy_sorted = sorted(busy, key=lambda b: b.start)
    off = set(days_off)
    shortest_desk = availability.block_minutes[0]
    windows: list[Window] = []
    day = first_day
    while day <= last_day:
        weekday = DAYS[day.weekday()]
        if weekday not in availability.rest_days:
            for slot in availability.slots:
                if weekday not in slot.days or (day in off and slot.context != "weekend"):
                    continue
                start, end = local_instant(day, slot.start, tz), local_instant(day, slot.end, tz)
                if not_before is not None:
                    start = max(start, not_before)
                if end <= start:
                    continue
                pad = timedelta(minutes=0 if slot.context in DEAD_TIME else buffer_minutes)
                relevant = [Busy(b.start - pad, b.end + pad) for b in busy_sorted
                            if b.start - pad < end and b.end + pad > start]
                shortest = MIN_DEAD_TIME_BLOCK if slot.context in DEAD_TIME else shortest_desk
                for s, e in _subtract(start, end, relevant):
                    if (e - s) >= timedelta(minutes=shortest):
                        windows.append(Window(s, e, slot.context, day))
        day += timedelta(days=1)
    windows.sort(key=lambda w: w.start)
    return windows
