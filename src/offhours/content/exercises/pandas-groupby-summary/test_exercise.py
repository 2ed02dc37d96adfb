import csv
from collections import defaultdict

import numpy as np
import pandas as pd
from submission import monthly_revenue

COLUMNS = ["region", "month", "orders", "revenue", "avg_order_value"]
HEADER = "order_id,order_date,region,product,quantity,unit_price,status\n"
EXAMPLE = HEADER + """A1,2024-01-05,North,Stapler,2,12.40,completed
A1,2024-01-05,North,Notebook A5,4,3.49,completed
A2,2024-01-20,North,Desk lamp,1,34.90,completed
A3,2024-01-21,North,Webcam,1,58.00,cancelled
A4,2024-02-02,North,Headset,1,49.99,completed
A5,2024-01-11,East,Office chair,1,189.00,completed
"""


def _write(name, text):
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(text)
    return name


def _rows(frame):
    """The result as plain (region, month, orders, revenue, avg) tuples, months compared as text."""
    return [(str(r), str(m), int(o), float(v), float(a)) for r, m, o, v, a in
            frame[COLUMNS].itertuples(index=False)]


def _check_rows(got, want, what):
    assert len(got) == len(want), f"{what}: expected {len(want)} region-month rows, got {len(got)}"
    for g, w in zip(got, want, strict=True):
        assert g[:3] == w[:3], f"{what}: expected the row starting {w[:3]} (region, month, orders), got {g[:3]}"
        assert np.isclose(g[3], w[3], atol=0.006), f"{what}: {w[:2]}: expected revenue {w[3]:.2f}, got {g[3]}"
        assert np.isclose(g[4], w[4], atol=0.006), (
            f"{what}: {w[:2]}: expected avg_order_value {w[4]:.2f} (revenue / distinct orders), got {g[4]}")


def test_example_from_the_task():
    got = monthly_revenue(_write("example_orders.csv", EXAMPLE))
    assert isinstance(got, pd.DataFrame), f"return a pandas DataFrame, got {type(got).__name__}"
    assert list(got.columns) == COLUMNS, f"expected exactly the columns {COLUMNS}, in order, got {list(got.columns)}"
    want = [("East", "2024-01", 1, 189.00, 189.00), ("North", "2024-01", 2, 73.66, 36.83),
            ("North", "2024-02", 1, 49.99, 49.99)]
    _check_rows(_rows(got), want, "the example")


def test_lines_of_one_order_count_as_one_order():
    text = HEADER + """B1,2024-03-01,West,Stapler,1,10.00,completed
B1,2024-03-01,West,Stapler,1,10.00,completed
B1,2024-03-01,West,Headset,1,50.00,completed
B2,2024-03-09,West,Webcam,2,20.00,completed
"""
    got = _rows(monthly_revenue(_write("lines.csv", text)))
    _check_rows(got, [("West", "2024-03", 2, 110.00, 55.00)],
                "two orders, the first with three lines: `orders` counts distinct order_id values, not rows")


def test_only_completed_orders_count():
    text = HEADER + """C1,2024-05-02,South,Desk lamp,1,34.90,cancelled
C2,2024-05-03,South,Desk lamp,2,34.90,completed
C3,2024-05-04,South,Desk lamp,3,34.90,returned
C4,2024-06-01,South,Webcam,1,58.00,returned
"""
    got = _rows(monthly_revenue(_write("status.csv", text)))
    _check_rows(got, [("South", "2024-05", 1, 69.80, 69.80)],
                "only the completed order C2 counts (June has no completed order, so no June row)")


def test_sorted_by_region_then_month_with_a_fresh_index():
    text = HEADER + """D1,2024-02-10,West,Stapler,1,12.40,completed
D2,2023-12-30,West,Stapler,1,12.40,completed
D3,2024-01-15,East,Stapler,1,12.40,completed
D4,2024-11-02,East,Stapler,1,12.40,completed
D5,2024-02-01,East,Stapler,1,12.40,completed
"""
    got = monthly_revenue(_write("order.csv", text))
    keys = [(str(r), str(m)) for r, m in zip(got["region"], got["month"], strict=True)]
    want = [("East", "2024-01"), ("East", "2024-02"), ("East", "2024-11"), ("West", "2023-12"), ("West", "2024-02")]
    assert keys == want, f"expected (region, month) rows in the order {want}, got {keys}"
    assert list(got.index) == list(range(len(got))), (
        f"number the rows 0..{len(got) - 1} (e.g. sort_values(..., ignore_index=True)), got index {list(got.index)}")


def test_bundled_orders_match_a_plain_python_count():
    orders, revenue = defaultdict(set), defaultdict(float)
    with open("orders.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["status"] == "completed":
                key = (row["region"], row["order_date"][:7])
                orders[key].add(row["order_id"])
                revenue[key] += int(row["quantity"]) * float(row["unit_price"])
    want = [(r, m, len(orders[(r, m)]), revenue[(r, m)], revenue[(r, m)] / len(orders[(r, m)]))
            for r, m in sorted(orders)]
    got = monthly_revenue()  # the default path is the bundled orders.csv
    assert list(got.columns) == COLUMNS, f"expected exactly the columns {COLUMNS}, in order, got {list(got.columns)}"
    assert np.issubdtype(got["orders"].dtype, np.integer), f"`orders` should be integers, got {got['orders'].dtype}"
    _check_rows(_rows(got), want, "the bundled orders.csv")


def test_money_is_rounded_to_cents():
    got = monthly_revenue()
    for column in ("revenue", "avg_order_value"):
        values = got[column].to_numpy(dtype=float)
        worst = values[np.argmax(np.abs(values - np.round(values, 2)))]
        assert np.allclose(values, np.round(values, 2), atol=1e-9), (
            f"round `{column}` to 2 decimals, got values such as {worst}")
