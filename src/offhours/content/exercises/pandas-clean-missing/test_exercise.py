import numpy as np
import pandas as pd
from submission import clean_customers

COLUMNS = ["customer_id", "name", "email", "signup_date", "city", "segment", "age", "annual_income"]
HEADER = ",".join(COLUMNS) + "\n"
EXAMPLE = HEADER + """1, ada  LOVELACE ,Ada@Example.com,2021-03-04,london ,Student,19,"9,500"
2,Alan Turing,   ,2020-02-30,Leeds,professional,unknown,48000
3,Grace Hopper,grace@example.com,2019-07-01,milton  keynes,PROFESSIONAL,52,
3,Grace Hopper, grace@example.com,2019-07-01,Milton Keynes,professional,52,n/a
4,Katherine Johnson,kj@example.com,2022-11-15,Bristol,professional,40,61000
5,Mary Somerville,mary@example.com,unknown,Glasgow,retired,-,30000
"""


def _write(name, text):
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(text)
    return name


def _value(v):
    if pd.isna(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d")
    return v.item() if hasattr(v, "item") else v


def _records(frame):
    return [tuple(_value(v) for v in row) for row in frame[COLUMNS].itertuples(index=False)]


def _check_frame(got, want, what):
    assert isinstance(got, pd.DataFrame), f"return a pandas DataFrame, got {type(got).__name__}"
    assert list(got.columns) == COLUMNS, f"keep the columns in their original order {COLUMNS}, got {list(got.columns)}"
    assert list(got.index) == list(range(len(got))), f"{what}: number the rows 0..n-1, got index {list(got.index)}"
    rows = _records(got)
    assert len(rows) == len(want), f"{what}: expected {len(want)} rows, got {len(rows)}"
    for g, w in zip(rows, want, strict=True):
        for column, a, b in zip(COLUMNS, g, w, strict=True):
            if isinstance(b, float):
                assert a is not None and np.isclose(a, b), f"{what}: customer {w[0]}: expected {column} {b}, got {a}"
            else:
                assert a == b, f"{what}: customer {w[0]}: expected {column} {b!r}, got {a!r}"


def test_example_from_the_task():
    want = [(1, "Ada Lovelace", "ada@example.com", "2021-03-04", "London", "student", 19.0, 9500.0),
            (2, "Alan Turing", None, None, "Leeds", "professional", 46.0, 48000.0),
            (3, "Grace Hopper", "grace@example.com", "2019-07-01", "Milton Keynes", "professional", 52.0, 54500.0),
            (4, "Katherine Johnson", "kj@example.com", "2022-11-15", "Bristol", "professional", 40.0, 61000.0),
            (5, "Mary Somerville", "mary@example.com", None, "Glasgow", "retired", 40.0, 30000.0)]
    _check_frame(clean_customers(_write("example.csv", EXAMPLE)), want, "the example")


def test_numbers_with_spaces_commas_and_junk():
    text = HEADER + """7,Ann Lee,ann@x.org,2022-01-01,York,student, 21 ," 12,300 "
8,Bo Chan,bo@x.org,2022-01-02,York,student,twenty,1.5e4
9,Cy Diaz,cy@x.org,2022-01-03,York,student,23,?
"""
    want = [(7, "Ann Lee", "ann@x.org", "2022-01-01", "York", "student", 21.0, 12300.0),
            (8, "Bo Chan", "bo@x.org", "2022-01-02", "York", "student", 22.0, 15000.0),
            (9, "Cy Diaz", "cy@x.org", "2022-01-03", "York", "student", 23.0, 13650.0)]
    _check_frame(clean_customers(_write("numbers.csv", text)), want,
                 "' 21 ' is 21, '12,300' is 12300, 'twenty' and '?' are missing and then filled")


def test_duplicates_are_dropped_before_the_medians():
    # customer 2 appears three times: counted once, the professional median age is (30 + 50) / 2 = 40;
    # counted three times it would be 30
    text = HEADER + """1,Dee Fox,dee@x.org,2020-05-05,Hull,professional,50,70000
2,Eli Gray,eli@x.org,2020-05-06,Hull,professional,30,unknown
2,ELI GRAY,eli@x.org,2020-05-06,hull,Professional,30,
2,Eli Gray , ELI@X.ORG,2020-05-06,Hull,professional , 30,-
3,Flo Hart,flo@x.org,2020-05-07,Hull,professional,?,40000
"""
    want = [(1, "Dee Fox", "dee@x.org", "2020-05-05", "Hull", "professional", 50.0, 70000.0),
            (2, "Eli Gray", "eli@x.org", "2020-05-06", "Hull", "professional", 30.0, 55000.0),
            (3, "Flo Hart", "flo@x.org", "2020-05-07", "Hull", "professional", 40.0, 40000.0)]
    _check_frame(clean_customers(_write("dupes.csv", text)), want,
                 "rows that are equal once cleaned are duplicates, and are dropped before any median is taken")


def test_segment_without_known_values_uses_the_whole_column():
    text = HEADER + """1,Gus Ives,gus@x.org,2021-01-01,Bath,retired,unknown,n/a
2,Hal Jones,hal@x.org,2021-01-02,Bath,student,20,10000
3,Ivy King,ivy@x.org,2021-01-03,Bath,professional,40,50000
4,Jo Lamb,jo@x.org,2021-01-04,Bath,professional,44,62000
5,Kit Moss,kit@x.org,2021-01-05,Bath,professional,-,n/a
"""
    got = clean_customers(_write("fallback.csv", text))
    age, income = float(got.loc[0, "age"]), float(got.loc[0, "annual_income"])
    assert np.isclose(age, 40.0) and np.isclose(income, 50000.0), (
        "the only retired customer has no age or income, so use the median of the column's known values "
        "(20, 40, 44 and 10000, 50000, 62000), not counting values filled in from a segment median: expected "
        f"age 40, income 50000; got age {age}, income {income}")
    age, income = float(got.loc[4, "age"]), float(got.loc[4, "annual_income"])
    assert np.isclose(age, 42.0) and np.isclose(income, 56000.0), (
        f"customer 5 is a professional: expected the professional medians, age 42 and income 56000; "
        f"got {age}, {income}")


def test_bundled_export_text_and_dates():
    got = clean_customers()  # the default path is the bundled customers_raw.csv
    for column in ("name", "email", "city", "segment"):
        values = got[column].dropna().astype(str)
        bad = values[(values != values.str.strip()) | values.str.contains("  ", regex=False) | (values == "")]
        assert bad.empty, f"`{column}` still has extra spaces or empty strings, e.g. {bad.iloc[0]!r}"
    for column, fix in (("name", str.title), ("city", str.title), ("email", str.lower), ("segment", str.lower)):
        values = got[column].dropna().astype(str)
        bad = values[values != values.map(fix)]
        assert bad.empty, f"`{column}` should be written like {fix(bad.iloc[0])!r}, found {bad.iloc[0]!r}"
    segments = sorted(set(got["segment"]))
    assert segments == ["professional", "retired", "student"], f"expected three segments once cleaned, got {segments}"
    assert int(got["email"].isna().sum()) == 20, (
        f"20 emails are blank or only spaces and should be missing, got {int(got['email'].isna().sum())} missing")
    assert pd.api.types.is_datetime64_any_dtype(got["signup_date"]), (
        f"`signup_date` should be a datetime column, got {got['signup_date'].dtype}")
    assert int(got["signup_date"].isna().sum()) == 18, (
        "18 sign-up dates are blank, 'unknown', written 00/00/0000 or impossible (2023-02-30, 2021-13-01); "
        f"they should be NaT, got {int(got['signup_date'].isna().sum())}")


def test_bundled_export_duplicates_and_filled_numbers():
    got = clean_customers()
    assert len(got) == 424, (
        f"446 rows minus 22 that repeat an earlier row once cleaned should leave 424, got {len(got)} "
        "(clean the text and numbers before drop_duplicates; rows of one customer with a new city stay)")
    assert not got.duplicated().any(), "no row may repeat another"
    for column in ("age", "annual_income"):
        assert got[column].dtype == float, f"`{column}` should be float, got {got[column].dtype}"
        assert not got[column].isna().any(), f"every missing `{column}` should be filled"
    by_id = got.drop_duplicates("customer_id").set_index("customer_id")
    for cid, column, want in ((10003, "age", 41.0), (10001, "annual_income", 25200.0),
                              (10010, "annual_income", 53900.0), (10002, "annual_income", 7100.0)):
        value = float(by_id.loc[cid, column])
        assert np.isclose(value, want), (
            f"customer {cid}: expected {column} {want}, got {value} (a missing value takes the median of the "
            "known values in the customer's segment, over the deduplicated rows)")
