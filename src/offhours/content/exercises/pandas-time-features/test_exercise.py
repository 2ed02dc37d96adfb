import csv
import datetime as dt
from collections import Counter

import numpy as np
import pandas as pd
from submission import daily_features

COLUMNS = ["date", "n_events", "day_of_week", "is_weekend", "rolling_mean_7"]
HEADER = "event_id,timestamp,user_id,event_type\n"
EXAMPLE = HEADER + """e01,2024-03-04 09:12:00,u7,page_view
e02,2024-03-04 13:40:10,u2,page_view
e03,2024-03-04 21:05:33,u7,purchase
e04,2024-03-05 08:00:00,u3,page_view
e05,2024-03-07 10:15:00,u9,page_view
e06,2024-03-07 23:59:59,u2,purchase
e07,2024-03-08 07:30:00,u4,page_view
e08,2024-03-08 12:00:00,u4,page_view
e09,2024-03-08 12:05:00,u4,page_view
e10,2024-03-08 19:45:00,u1,page_view
e11,2024-03-10 11:11:11,u5,page_view
e12,2024-03-11 09:00:00,u6,page_view
e13,2024-03-11 17:20:00,u2,purchase
e14,2024-03-12 06:00:00,u8,page_view
e15,2024-03-12 08:30:00,u3,page_view
e16,2024-03-12 09:10:00,u7,page_view
e17,2024-03-12 14:00:00,u9,purchase
e18,2024-03-12 20:00:00,u1,page_view
"""


def _write(name, text):
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(text)
    return name


def _days(frame):
    return [pd.Timestamp(d).strftime("%Y-%m-%d") for d in frame["date"]]


def _check_shape(got, what):
    assert isinstance(got, pd.DataFrame), f"return a pandas DataFrame, got {type(got).__name__}"
    assert list(got.columns) == COLUMNS, f"expected exactly the columns {COLUMNS}, in order, got {list(got.columns)}"
    assert list(got.index) == list(range(len(got))), f"{what}: number the rows 0..n-1, got index {list(got.index)[:10]}"


def _trailing_means(counts):
    """The mean of the 7 counts before each day, NaN while fewer than 7 exist."""
    return [np.nan if i < 7 else float(np.mean(counts[i - 7:i])) for i in range(len(counts))]


def test_example_from_the_task():
    got = daily_features(_write("example.csv", EXAMPLE))
    _check_shape(got, "the example")
    want_days = [f"2024-03-{d:02d}" for d in range(4, 13)]
    assert _days(got) == want_days, f"expected one row per day {want_days}, got {_days(got)}"
    counts = [int(c) for c in got["n_events"]]
    assert counts == [3, 1, 0, 2, 4, 0, 1, 2, 5], f"expected n_events [3, 1, 0, 2, 4, 0, 1, 2, 5], got {counts}"
    assert [int(d) for d in got["day_of_week"]] == [0, 1, 2, 3, 4, 5, 6, 0, 1], "4 March 2024 is a Monday (0)"
    assert [bool(w) for w in got["is_weekend"]] == [False] * 5 + [True, True] + [False] * 2, (
        "only Saturday 9 and Sunday 10 March are weekend days")
    roll = got["rolling_mean_7"].to_numpy(dtype=float)
    assert np.allclose(roll[7:], [11 / 7, 10 / 7]), (
        f"expected rolling_mean_7 {11 / 7:.4f} and {10 / 7:.4f} on 11 and 12 March (the mean of the 7 days BEFORE "
        f"each, not including the day itself), got {np.round(roll[7:], 4).tolist()}")
    assert np.isnan(roll[:7]).all(), (
        "the first 7 rows have no 7 earlier days, so rolling_mean_7 must be NaN there, "
        f"got {np.round(roll[:7], 4).tolist()}")


def test_event_type_filter_and_its_empty_days():
    got = daily_features(_write("example.csv", EXAMPLE), event_type="purchase")
    _check_shape(got, "purchases only")
    counts = [int(c) for c in got["n_events"]]
    assert counts == [1, 0, 0, 1, 0, 0, 0, 1, 1], (
        f"with event_type='purchase' expected n_events [1, 0, 0, 1, 0, 0, 0, 1, 1] for 4-12 March, got {counts}")
    roll = got["rolling_mean_7"].to_numpy(dtype=float)[7:]
    assert np.allclose(roll, [2 / 7, 2 / 7]), (
        f"purchases only: expected rolling_mean_7 {2 / 7:.4f} on 11 and 12 March, got {np.round(roll, 4).tolist()}")
    late = HEADER + ("a,2024-01-02 10:00:00,u1,page_view\nb,2024-01-05 10:00:00,u1,purchase\n"
                     "c,2024-01-09 10:00:00,u1,page_view\n")
    got = daily_features(_write("range.csv", late), event_type="purchase")
    assert _days(got) == ["2024-01-05"], (
        f"the rows run from the first to the last day with a counted event; got days {_days(got)}")


def test_no_matching_events_gives_an_empty_table():
    got = daily_features(_write("example.csv", EXAMPLE), event_type="refund")
    assert isinstance(got, pd.DataFrame), f"return a DataFrame even when nothing matches, got {type(got).__name__}"
    assert len(got) == 0 and list(got.columns) == COLUMNS, (
        f"no event matches: expected an empty DataFrame with columns {COLUMNS}, "
        f"got {len(got)} rows, {list(got.columns)}")


def test_unsorted_rows_and_midnight():
    text = HEADER + """x1,2024-06-03 00:00:00,u1,page_view
x2,2024-06-01 23:59:59,u1,page_view
x3,2024-06-02 00:00:01,u1,page_view
x4,2024-06-01 00:00:00,u1,page_view
x5,2024-06-03 12:00:00,u1,page_view
"""
    got = daily_features(_write("unsorted.csv", text))
    pairs = list(zip(_days(got), [int(c) for c in got["n_events"]], strict=True))
    want = [("2024-06-01", 2), ("2024-06-02", 1), ("2024-06-03", 2)]
    assert pairs == want, f"expected (day, n_events) {want} (sort by time; 23:59:59 is still that day), got {pairs}"


def test_bundled_log_matches_a_plain_python_count():
    with open("events.csv", newline="", encoding="utf-8") as handle:
        per_day = Counter(dt.date.fromisoformat(row["timestamp"][:10]) for row in csv.DictReader(handle))
    first, last = min(per_day), max(per_day)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    want = [per_day.get(d, 0) for d in days]
    got = daily_features()  # the default path is the bundled events.csv
    _check_shape(got, "the bundled log")
    assert _days(got) == [d.isoformat() for d in days], (
        f"expected every day from {first} to {last} ({len(days)} rows, the outage days included), got {len(got)} rows")
    assert np.issubdtype(got["n_events"].dtype, np.integer), (
        f"`n_events` should be integers, got {got['n_events'].dtype}")
    counts = [int(c) for c in got["n_events"]]
    if counts != want:
        day = next(d for d, a, b in zip(days, counts, want, strict=True) if a != b)
        raise AssertionError(f"n_events differs from a direct count of the events, first on {day}")
    assert [int(x) for x in got["day_of_week"]] == [d.weekday() for d in days], "day_of_week: Monday is 0, Sunday 6"
    assert [bool(x) for x in got["is_weekend"]] == [d.weekday() >= 5 for d in days], "is_weekend: Saturday and Sunday"
    roll = got["rolling_mean_7"].to_numpy(dtype=float)
    assert np.allclose(roll, _trailing_means(want), equal_nan=True), (
        "rolling_mean_7 on day t must be the mean of n_events on days t-7 .. t-1 (NaN for the first 7 rows); "
        f"got {roll[7:10]} on the 8th-10th days, expected {_trailing_means(want)[7:10]}")


def test_features_never_see_the_day_they_describe():
    with open("events.csv", encoding="utf-8") as handle:
        original = handle.read()
    before = daily_features()
    last_day = _days(before)[-1]
    middle = _days(before)[40]
    extra = "".join(f"z{i},{day} 12:00:00,u1,page_view\n" for day in (last_day, middle) for i in range(300))
    after = daily_features(_write("more_events.csv", original + extra))
    assert len(after) == len(before), "adding events inside the date range must not add rows"
    a = before["rolling_mean_7"].to_numpy(dtype=float)
    b = after["rolling_mean_7"].to_numpy(dtype=float)
    changed = [d for d, x, y in zip(_days(before), a, b, strict=True) if not np.isclose(x, y, equal_nan=True)]
    want = _days(before)[41:48]
    assert changed == want, (
        f"300 extra events on {middle} and on the last day {last_day} should change rolling_mean_7 only on the 7 "
        f"days after {middle}; it changed on {changed[:10]} (a day's own count must not enter its features)")
