"""Supply: slots on their days in the learner's timezone, minus busy time, across DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from conftest import NOW, PROFILE

from offhours.domain.supply import Busy, free_windows
from offhours.profile import parse_profile

AVAILABILITY = parse_profile(PROFILE, source="p", now=NOW).availability  # commute mon-fri 07:40-08:20, sat desk
LONDON = ZoneInfo("Europe/London")


def local(w_start: datetime, tz: ZoneInfo = LONDON) -> str:
    return w_start.astimezone(tz).strftime("%a %H:%M")


def test_commute_stays_0740_across_the_autumn_change() -> None:
    # Clocks go back in London on Sunday 25 October 2026.
    windows = free_windows(AVAILABILITY, LONDON, date(2026, 10, 19), date(2026, 11, 1))
    commutes = [w for w in windows if w.context == "commute"]
    assert len(commutes) == 10
    assert {w.start.astimezone(LONDON).time() for w in commutes} == {time(7, 40)}
    assert {w.start.astimezone(UTC).time() for w in commutes} == {time(6, 40), time(7, 40)}
    assert all(w.minutes == 40 for w in commutes)
    saturdays = [w for w in windows if w.context == "desk"]
    assert [w.minutes for w in saturdays] == [180, 180]


def test_new_york_spring_change() -> None:
    new_york = ZoneInfo("America/New_York")  # clocks go forward on Sunday 8 March 2026
    windows = free_windows(AVAILABILITY, new_york, date(2026, 3, 2), date(2026, 3, 13))
    assert {w.start.astimezone(new_york).strftime("%H:%M") for w in windows if w.context == "commute"} == {"07:40"}
    assert {w.start.astimezone(UTC).strftime("%H:%M") for w in windows if w.context == "commute"} == {
        "12:40", "11:40"}


def test_rest_days_and_days_off() -> None:
    windows = free_windows(AVAILABILITY, LONDON, date(2026, 12, 21), date(2026, 12, 27),
                           days_off=[date(2026, 12, 25)])
    days = {w.day for w in windows}
    assert date(2026, 12, 25) not in days  # a holiday: no commute
    assert date(2026, 12, 27) not in days  # Sunday is a rest day


def test_busy_events_cut_windows_with_a_buffer_for_desk_work() -> None:
    day = date(2026, 12, 5)  # a Saturday: desk 09:00-12:00
    meeting = Busy(datetime(2026, 12, 5, 10, 0, tzinfo=UTC), datetime(2026, 12, 5, 10, 30, tzinfo=UTC))
    windows = free_windows(AVAILABILITY, LONDON, day, day, busy=[meeting])
    assert [(local(w.start), local(w.end)) for w in windows] == [("Sat 09:00", "Sat 09:50"),
                                                                   ("Sat 10:40", "Sat 12:00")]
    tight = Busy(datetime(2026, 12, 5, 9, 15, tzinfo=UTC), datetime(2026, 12, 5, 11, 45, tzinfo=UTC))
    assert free_windows(AVAILABILITY, LONDON, day, day, busy=[tight]) == []  # leftovers under 30 min


def test_not_before_trims_today() -> None:
    windows = free_windows(AVAILABILITY, LONDON, date(2026, 12, 7), date(2026, 12, 7),
                           not_before=datetime(2026, 12, 7, 7, 55, tzinfo=UTC))
    assert [(local(w.start), w.minutes) for w in windows] == [("Mon 07:55", 25)]
