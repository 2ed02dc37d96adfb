import pandas as pd

TEXT = ["name", "email", "city", "segment"]
NUMBERS = ["age", "annual_income"]


def clean_customers(path: str = "customers_raw.csv") -> pd.DataFrame:
    """Read the messy customer export at `path` and return a cleaned copy (see the task for the rules)."""
    # read every field as text: we decide what counts as a number or a date, not read_csv
    raw = pd.read_csv(path, dtype=str)
    df = pd.DataFrame({"customer_id": raw["customer_id"].str.strip().astype(int)})

    for column in TEXT:
        text = raw[column].str.strip()
        df[column] = text.where(text != "")  # blank after stripping means missing
    for column in ("name", "city"):
        df[column] = df[column].str.replace(r"\s+", " ", regex=True).str.title()  # "milton  keynes" too
    for column in ("email", "segment"):
        df[column] = df[column].str.lower()

    # format= makes anything that is not a real YYYY-MM-DD date (2023-02-30 too) fail, and coerce -> NaT
    df["signup_date"] = pd.to_datetime(raw["signup_date"].str.strip(), format="%Y-%m-%d", errors="coerce")
    for column in NUMBERS:
        digits = raw[column].str.strip().str.replace(",", "", regex=False)
        df[column] = pd.to_numeric(digits, errors="coerce").astype(float)

    df = df[list(raw.columns)]
    # deduplicate before imputing, so a customer exported twice does not count twice in the medians
    df = df.drop_duplicates(ignore_index=True)
    for column in NUMBERS:
        by_segment = df.groupby("segment")[column].transform("median")
        df[column] = df[column].fillna(by_segment).fillna(df[column].median())
    return df
