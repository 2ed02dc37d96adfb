"""Reading a work calendar (.ics) into busy time, with `icalendar` and `recurring-ical-events`.

Rules: cancelled events and free (TRANSP:TRANSPARENT) timed events are not busy; all-day events mark days
off (holidays and vacation are exported as "free" all-day events, yet nobody studies on the commute then).
A series whose recurrence cannot be expanded is never dropped silently: it is named, and its time of day
is treated as busy on every day of its span, so no study block lands in a real meeting.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from offhours.errors import InputError


@dataclass(frozen=True)
class BusyEvent:
    start: datetime  # aware, UTC
    end: datetime
    summary: str


@dataclass(frozen=True)
class UnreadableSeries:
    uid: str
    summary: str
    reason: str
    blocked: str  # what offhours blocks instead, in words


@dataclass(frozen=True)
class CalendarBusy:
    events: tuple[BusyEvent, ...]
    days_off: frozenset[date]  # dates (in the learner's timezone) covered by all-day events
    unreadable: tuple[UnreadableSeries, ...]

    def within(self, start: datetime, end: datetime, tz: ZoneInfo) -> CalendarBusy:
        first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
        return CalendarBusy(tuple(e for e in self.events if e.end > start and e.start < end),
                            frozenset(d for d in self.days_off if first <= d <= last), self.unreadable)

    def to_json(self) -> dict[str, Any]:
        return {"events": [[e.start.isoformat(), e.end.isoformat(), e.summary] for e in self.events],
                "days_off": sorted(d.isoformat() for d in self.days_off),
                "unreadable": [[u.uid, u.summary, u.reason, u.blocked] for u in self.unreadable]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CalendarBusy:
        return cls(tuple(BusyEvent(datetime.fromisoformat(a), datetime.fromisoformat(b), s)
                         for a, b, s in data["events"]),
                   frozenset(date.fromisoformat(d) for d in data["days_off"]),
                   tuple(UnreadableSeries(*u) for u in data["unreadable"]))


def parse_calendar(data: bytes, *, source: str) -> icalendar.Calendar:
    """Parse .ics bytes; raise InputError naming the file when it is not a readable calendar."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise InputError(f"not a valid iCalendar file: {exc}", where=source) from None
    if calendar.name != "VCALENDAR":
        raise InputError("not a valid iCalendar file: it does not start with BEGIN:VCALENDAR", where=source)
    return calendar


def _is_free(component: Any) -> bool:
    return str(component.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT"


def _is_cancelled(component: Any) -> bool:
    return str(component.get("STATUS", "")).upper() == "CANCELLED"


def _as_utc(value: date | datetime, tz: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(UTC)
    return datetime.combine(value, time(0), tz).astimezone(UTC)


def _collect(occurrences: Iterable[Any], tz: ZoneInfo, events: list[BusyEvent], days_off: set[date]) -> None:
    for event in occurrences:
        if _is_cancelled(event):
            continue
        start = event["DTSTART"].dt
        end = event["DTEND"].dt if "DTEND" in event else None
        summary = str(event.get("SUMMARY", "busy"))
        if not isinstance(start, datetime):  # all-day: a day off, free or not
            last = end if isinstance(end, date) and end > start else start + timedelta(days=1)
            day = start
            while day < last:
                days_off.add(day)
                day += timedelta(days=1)
            continue
        if _is_free(event):
            continue
        if end is None:
            end = start + (event["DURATION"].dt if "DURATION" in event else timedelta(0))
        events.append(BusyEvent(_as_utc(start, tz), _as_utc(end, tz), summary))


def _by_uid(calendar: icalendar.Calendar) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for index, component in enumerate(calendar.walk("VEVENT")):
        groups[str(component.get("UID", f"no-uid-{index}"))].append(component)
    return groups


def _sub_calendar(calendar: icalendar.Calendar, components: list[Any]) -> icalendar.Calendar:
    sub = icalendar.Calendar()
    for key, value in calendar.items():
        sub.add(key, value)
    for timezone in calendar.walk("VTIMEZONE"):
        sub.add_component(timezone)
    for component in components:
        sub.add_component(component)
    return sub


def _fallback(components: list[Any], start: datetime, end: datetime, tz: ZoneInfo,
              events: list[BusyEvent]) -> str:
    """Block the series' time of day on every day it could fall on; say what was blocked."""
    master = next((c for c in components if "RECURRENCE-ID" not in c), components[0])
    first = master["DTSTART"].dt
    if not isinstance(first, datetime):
        return "nothing (an all-day series)"
    length = (master["DTEND"].dt - first) if "DTEND" in master else timedelta(hours=1)
    local_tz = first.tzinfo if first.tzinfo else tz
    day = max(first.astimezone(tz).date(), start.astimezone(tz).date())
    summary = str(master.get("SUMMARY", "busy"))
    until = _raw_until(master)
    last = min(end.astimezone(tz).date(), until) if until else end.astimezone(tz).date()
    while day <= last:
        begin = datetime.combine(day, first.time(), local_tz)
        events.append(BusyEvent(begin.astimezone(UTC), (begin + length).astimezone(UTC), summary))
        day += timedelta(days=1)
    span = f"from {first:%Y-%m-%d}" + (f" to {until:%Y-%m-%d}" if until else "")
    return f"{first:%H:%M}-{(first + length):%H:%M} every day {span}"


def _raw_until(component: Any) -> date | None:
    """The UNTIL date of a recurrence rule the library could not read, taken from the raw text."""
    match = re.search(r"UNTIL=(\d{8})", component.to_ical().decode("utf-8", "replace"))
    return datetime.strptime(match[1], "%Y%m%d").date() if match else None


def busy_between(calendar: icalendar.Calendar, start: datetime, end: datetime, tz: ZoneInfo) -> CalendarBusy:
    """Busy time and days off between two instants; `tz` is the learner's (for floating times and dates)."""
    events: list[BusyEvent] = []
    days_off: set[date] = set()
    unreadable: list[UnreadableSeries] = []
    window = (start.astimezone(UTC), end.astimezone(UTC))
    try:
        _collect(recurring_ical_events.of(calendar).between(*window), tz, events, days_off)
    except (recurring_ical_events.InvalidCalendar, ValueError, TypeError, KeyError):
        # One bad series spoils the whole query: expand series by series to find and name it.
        events.clear()
        days_off.clear()
        for uid, components in _by_uid(calendar).items():
            try:
                query = recurring_ical_events.of(_sub_calendar(calendar, components))
                _collect(query.between(*window), tz, events, days_off)
            except (recurring_ical_events.InvalidCalendar, ValueError, TypeError, KeyError) as exc:
                if all(_is_cancelled(c) or _is_free(c) for c in components):
                    continue
                blocked = _fallback(components, window[0], window[1], tz, events)
                unreadable.append(UnreadableSeries(uid, str(components[0].get("SUMMARY", "busy")),
                                                   str(exc).splitlines()[0][:200], blocked))
    events = [e for e in events if e.end > window[0] and e.start < window[1]]
    events.sort(key=lambda e: (e.start, e.end))
    return CalendarBusy(tuple(events), frozenset(days_off), tuple(unreadable))
