"""Streaks through rest days and freezes, XP, pace and ETA arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

from offhours.domain.motivation import counted_days, eta, streak, weekly_pace, xp

MONDAY = date(2026, 11, 2)
SUNDAY = 6


def days(*offsets: int) -> set[date]:
    return {MONDAY + timedelta(days=o) for o in offsets}


def test_a_day_counts_with_ten_minutes_or_twenty_reviews() -> None:
    counted = counted_days({MONDAY: 9, MONDAY + timedelta(1): 10}, {MONDAY + timedelta(2): 20, MONDAY: 5})
    assert counted == days(1, 2)


def test_rest_days_do_not_break_a_streak() -> None:
    studied = days(0, 1, 2, 3, 4, 5, 7, 8)  # Sunday (6) is a rest day
    assert streak(studied, {SUNDAY}, MONDAY + timedelta(8)).days == 8
    assert streak(studied, set(), MONDAY + timedelta(8)).days == 2  # no rest day: six days, then a gap
    weekly = days(*range(7), 8, 9)  # seven days earn a freeze, which covers the missed eighth day
    assert streak(weekly, set(), MONDAY + timedelta(9)).days == 9


def test_a_missed_day_without_freezes_resets() -> None:
    s = streak(days(0, 1, 3, 4), set(), MONDAY + timedelta(4))
    assert s.days == 2 and s.longest == 2 and s.freezes_used == 0


def test_today_still_open_keeps_the_streak() -> None:
    assert streak(days(0, 1, 2), set(), MONDAY + timedelta(3)).days == 3
    assert streak(days(0, 1, 2), set(), MONDAY + timedelta(4)).days == 0


def test_freezes_are_earned_weekly_and_capped() -> None:
    studied = days(*range(21), 22, 24)  # 21 days in a row earns three freezes, capped at two
    s = streak(studied, set(), MONDAY + timedelta(24))
    assert s.freezes_used == 2 and s.days == 23 and s.freezes_left == 0
    assert streak(days(*range(21), 22, 24, 26), set(), MONDAY + timedelta(26)).days == 1  # none left for 25


def test_xp() -> None:
    assert xp(minutes=90, reviews=40, quiz_right=3, exercises_passed=1, projects_passed=0) == 90 + 40 + 15 + 50


def test_pace_weights_recent_weeks_more() -> None:
    minutes = {MONDAY - timedelta(weeks=1): 300, MONDAY - timedelta(weeks=2): 100}
    pace = weekly_pace(minutes, MONDAY, weeks=2)
    assert pace == (1 * 100 + 2 * 300) / 3
    assert weekly_pace({}, MONDAY, fallback=240) == 240


def test_eta_and_the_fix() -> None:
    on_time = eta(600, 300, MONDAY, MONDAY + timedelta(weeks=3))
    assert on_time.eta == MONDAY + timedelta(days=14) and not on_time.at_risk
    late = eta(1200, 200, MONDAY, MONDAY + timedelta(weeks=4))
    assert late.eta == MONDAY + timedelta(days=42) and late.at_risk
    assert late.extra_minutes_per_week == 100  # 1200 over 4 weeks needs 300 a week; the pace is 200
    stalled = eta(100, 0, MONDAY, MONDAY + timedelta(weeks=1))
    assert stalled.eta is None and stalled.at_risk and stalled.extra_minutes_per_week == 100
