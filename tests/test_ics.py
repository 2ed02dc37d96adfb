"""Work calendars: real exports from Google, Outlook/Exchange, Thunderbird, Zimbra, plus written edge cases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import shared_file

from offhours.errors import InputError
from offhours.integrations.ics import busy_between, parse_calendar

LONDON = ZoneInfo("Europe/London")


def read(name: str, start: datetime, end: datetime, tz: ZoneInfo = LONDON):  # type: ignore[no-untyped-def]
    path = shared_file(f"data/calendars/{name}")
    return busy_between(parse_calendar(path.read_bytes(), source=str(path)), start, end, tz)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def test_exdates_remove_occurrences() -> None:
    busy = read("rie__issue_20_exdate_ignored.ics", utc(2019, 10, 1), utc(2020, 3, 1))
    berlin = ZoneInfo("Europe/Berlin")
    starts = [e.start.astimezone(berlin) for e in busy.events]
    assert starts and all(s.weekday() == 1 and (s.hour, s.minute) == (16, 15) for s in starts)
    excluded = {date(2019, 10, 15), date(2019, 10, 22), date(2019, 11, 5), date(2019, 11, 19)}
    assert not excluded & {s.date() for s in starts}


def test_weekly_series_keeps_wall_clock_time_across_dst() -> None:
    chicago = ZoneInfo("America/Chicago")
    busy = read("rie__issue_48_dst.ics", utc(2021, 3, 1), utc(2021, 3, 31), chicago)
    by_offset = {e.start.astimezone(chicago).utcoffset() for e in busy.events}
    assert by_offset == {timedelta(hours=-6), timedelta(hours=-5)}, "the DST change falls in this window"
    before = [e for e in busy.events if e.start < utc(2021, 3, 14, 8)]
    after = [e for e in busy.events if e.start > utc(2021, 3, 15)]
    local = lambda evs: {e.start.astimezone(chicago).strftime("%H:%M") for e in evs}  # noqa: E731
    assert local(before) & local(after), "the same local times recur on both sides of the change"
    assert {e.start.strftime("%H:%M") for e in before} != {e.start.strftime("%H:%M") for e in after}


def test_x_wr_timezone_only_calendar() -> None:
    busy = read("rie__x_wr_timezone_simple_events_issue_59.ics", utc(2021, 12, 1), utc(2022, 1, 1))
    new_york = ZoneInfo("America/New_York")
    assert [e.start.astimezone(new_york).strftime("%d %H:%M") for e in busy.events] == ["22 12:00", "22 21:00"]


def test_windows_zone_name_from_exchange() -> None:
    busy = read("icalendar__timezone_same_start.ics", utc(2017, 2, 1), utc(2017, 3, 1))
    assert [(e.start, e.end) for e in busy.events] == [(utc(2017, 2, 24, 20, 0), utc(2017, 2, 24, 20, 30))]


def test_holidays_are_days_off() -> None:
    busy = read("rie__Germany_Holidays.ics", utc(2019, 1, 1), utc(2020, 1, 1))
    assert date(2019, 1, 1) in busy.days_off and date(2019, 12, 25) in busy.days_off
    assert busy.events == ()


def test_the_busy_google_export() -> None:
    paris = ZoneInfo("Europe/Paris")
    busy = read("rie__issue_173_only_modifications_error.ics", utc(2024, 1, 1), utc(2024, 7, 1), paris)
    assert len(busy.events) > 100 and not busy.unreadable
    assert all(e.end >= e.start and e.start.tzinfo == UTC for e in busy.events)


def test_zimbra_rdate_period_and_overrides() -> None:
    busy = read("icaljs__recur_instances.ics", utc(2012, 1, 1), utc(2014, 1, 1), ZoneInfo("America/Los_Angeles"))
    assert len(busy.events) > 10


def test_an_unreadable_series_is_named_and_its_time_blocked() -> None:
    busy = read("icalendar__issue_165_missing_event.ics", utc(2015, 7, 1), utc(2015, 8, 1))
    [series] = busy.unreadable
    assert series.summary == "Sprint 25 Daily Standup" and "UNTIL" in series.reason
    assert series.blocked == "10:00-10:30 every day from 2015-07-03 to 2015-07-22"
    assert len(busy.events) == 20 and busy.events[0].start == utc(2015, 7, 3, 8, 0)


EDGE_CASES = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//offhours tests//EN
BEGIN:VEVENT
UID:standup
DTSTART;TZID=Europe/London:20261019T093000
DTEND;TZID=Europe/London:20261019T094500
RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=10
EXDATE;TZID=Europe/London:20261021T093000
SUMMARY:Stand-up
END:VEVENT
BEGIN:VEVENT
UID:standup
RECURRENCE-ID;TZID=Europe/London:20261022T093000
DTSTART;TZID=Europe/London:20261022T140000
DTEND;TZID=Europe/London:20261022T141500
SUMMARY:Stand-up (moved)
END:VEVENT
BEGIN:VEVENT
UID:cancelled
DTSTART:20261020T120000Z
DTEND:20261020T130000Z
STATUS:CANCELLED
SUMMARY:Cancelled lunch talk
END:VEVENT
BEGIN:VEVENT
UID:free
DTSTART:20261020T150000Z
DTEND:20261020T160000Z
TRANSP:TRANSPARENT
SUMMARY:Focus time (free)
END:VEVENT
BEGIN:VEVENT
UID:vacation
DTSTART;VALUE=DATE:20261026
DTEND;VALUE=DATE:20261028
SUMMARY:Vacation
END:VEVENT
END:VCALENDAR
"""


def test_written_edge_cases_across_the_london_dst_change() -> None:
    busy = busy_between(parse_calendar(EDGE_CASES, source="edge.ics"), utc(2026, 10, 1), utc(2026, 11, 30), LONDON)
    local = [(e.start.astimezone(LONDON).strftime("%a %d %H:%M"), e.summary) for e in busy.events]
    assert ("Wed 21 09:30", "Stand-up") not in local  # EXDATE
    assert ("Thu 22 14:00", "Stand-up (moved)") in local and ("Thu 22 09:30", "Stand-up") not in local
    assert ("Mon 26 09:30", "Stand-up") in local  # after the clocks went back, still 09:30 local
    assert busy.events[0].start == utc(2026, 10, 19, 8, 30) and any(e.start == utc(2026, 10, 26, 9, 30)
                                                                     for e in busy.events)
    assert len(busy.events) == 9  # ten occurrences less the excluded one
    assert not any("Cancelled" in s or "free" in s for _, s in local)
    assert busy.days_off == {date(2026, 10, 26), date(2026, 10, 27)}


@pytest.mark.parametrize("data", [b"", b"hello", b"BEGIN:VEVENT\nEND:VEVENT\n", b"BEGIN:VCALENDAR\nBEGIN:VEVENT\n"])
def test_malformed_files_are_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"bad\.ics: not a valid iCalendar file"):
        parse_calendar(data, source="bad.ics")
