import csv
from collections import defaultdict

import numpy as np
import pandas as pd
from submission import customer_summary

COLUMNS = ["customer_id", "name", "country", "n_orders", "total_spend", "last_order_date"]
CUSTOMERS = """customer_id,name,country,signup_date
1,Emma Walsh,Ireland,2023-02-01
2,Lucas Weber,Germany,2023-05-17
3,Sanne Bakker,Netherlands,2024-01-09
4,Hugo Martin,France,2024-03-30
"""
ORDERS = """order_id,customer_id,order_date,amount
ORD-1,2,2023-06-02,45.50
ORD-2,1,2023-07-14,12.00
ORD-3,2,2024-02-11,30.25
ORD-4,9,2024-02-12,99.99
ORD-5,4,2024-04-01,75.75
"""


def _write(name, text):
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(text)
    return name


def _rows(frame):
    out = []
    for cid, name, country, n, spend, last in frame[COLUMNS].itertuples(index=False):
        out.append((int(cid), str(name), str(country), n, float(spend),
                    None if pd.isna(last) else pd.Timestamp(last).strftime("%Y-%m-%d")))
    return out


def _check(got, want, what):
    assert isinstance(got, pd.DataFrame), f"return a pandas DataFrame, got {type(got).__name__}"
    assert list(got.columns) == COLUMNS, f"expected exactly the columns {COLUMNS}, in order, got {list(got.columns)}"
    assert np.issubdtype(got["n_orders"].dtype, np.integer), (
        f"`n_orders` should be an integer column, got {got['n_orders'].dtype} (convert it with .astype(int))")
    assert not got["total_spend"].isna().any(), "`total_spend` must be 0.0, not NaN, for customers without orders"
    assert list(got.index) == list(range(len(got))), f"{what}: number the rows 0..n-1, got {list(got.index)}"
    rows = _rows(got)
    assert len(rows) == len(want), f"{what}: expected one row per customer, {len(want)} rows, got {len(rows)}"
    for g, w in zip(rows, want, strict=True):
        assert g[0] == w[0], (f"{what}: expected customer {w[0]} next (by total_spend, largest first, "
                              f"then customer_id), got customer {g[0]}")
        assert g[1:3] == w[1:3], f"customer {w[0]}: expected name and country {w[1:3]}, got {g[1:3]}"
        why = " (count order ids, not rows: after a left join a customer without orders has one NaN row)"
        assert g[3] == w[3], f"{what}: customer {w[0]}: expected {w[3]} orders, got {g[3]}" + (why if w[3] == 0 else "")
        assert np.isclose(g[4], w[4], atol=0.006), f"{what}: customer {w[0]}: expected total_spend {w[4]}, got {g[4]}"
        assert g[5] == w[5], f"{what}: customer {w[0]}: expected last_order_date {w[5]}, got {g[5]}"


def test_example_from_the_task():
    got = customer_summary(_write("example_customers.csv", CUSTOMERS), _write("example_orders.csv", ORDERS))
    want = [(2, "Lucas Weber", "Germany", 2, 75.75, "2024-02-11"), (4, "Hugo Martin", "France", 1, 75.75, "2024-04-01"),
            (1, "Emma Walsh", "Ireland", 1, 12.00, "2023-07-14"), (3, "Sanne Bakker", "Netherlands", 0, 0.0, None)]
    _check(got, want, "the example")


def test_customers_without_orders_get_zeros():
    orders = "order_id,customer_id,order_date,amount\nX-1,2,2024-05-05,10.00\n"
    got = customer_summary(_write("zero_customers.csv", CUSTOMERS), _write("zero_orders.csv", orders))
    want = [(2, "Lucas Weber", "Germany", 1, 10.0, "2024-05-05"), (1, "Emma Walsh", "Ireland", 0, 0.0, None),
            (3, "Sanne Bakker", "Netherlands", 0, 0.0, None), (4, "Hugo Martin", "France", 0, 0.0, None)]
    _check(got, want, "customers 1, 3 and 4 never ordered")


def test_orders_of_unknown_customers_are_ignored():
    orders = ("order_id,customer_id,order_date,amount\nY-1,7,2024-01-01,500.00\nY-2,1,2024-01-02,20.00\n"
              "Y-3,8,2024-01-03,80.00\nY-4,1,2024-03-04,5.50\n")
    got = customer_summary(_write("unknown_customers.csv", CUSTOMERS), _write("unknown_orders.csv", orders))
    ids = sorted(int(c) for c in got["customer_id"])
    assert ids == [1, 2, 3, 4], f"only the customers of customers.csv may appear, once each; got ids {ids}"
    _check(got, [(1, "Emma Walsh", "Ireland", 2, 25.5, "2024-03-04"), (2, "Lucas Weber", "Germany", 0, 0.0, None),
                 (3, "Sanne Bakker", "Netherlands", 0, 0.0, None), (4, "Hugo Martin", "France", 0, 0.0, None)],
           "orders of customers 7 and 8 (not in the customer table)")


def test_bundled_files_match_a_plain_python_count():
    with open("customers.csv", newline="", encoding="utf-8") as handle:
        customers = list(csv.DictReader(handle))
    count, spend, last = defaultdict(int), defaultdict(float), {}
    with open("orders.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            cid = int(row["customer_id"])
            count[cid] += 1
            spend[cid] += float(row["amount"])
            last[cid] = max(last.get(cid, ""), row["order_date"])
    want = [(int(c["customer_id"]), c["name"], c["country"], count[int(c["customer_id"])],
             round(spend[int(c["customer_id"])], 2), last.get(int(c["customer_id"]))) for c in customers]
    want.sort(key=lambda w: (-w[4], w[0]))
    got = customer_summary()  # the default paths are the bundled files
    _check(got, want, "the bundled files")
    assert sum(1 for w in want if w[3] == 0) == int((got["n_orders"] == 0).sum()), "customers without orders"


def test_last_order_date_is_a_datetime_column():
    got = customer_summary()
    assert pd.api.types.is_datetime64_any_dtype(got["last_order_date"]), (
        f"`last_order_date` should be a datetime column (parse order_date), got {got['last_order_date'].dtype}")
