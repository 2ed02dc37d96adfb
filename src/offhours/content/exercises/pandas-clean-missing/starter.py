import pandas as pd


def clean_customers(path: str = "customers_raw.csv") -> pd.DataFrame:
    """Read the messy customer export at `path` and return a cleaned copy (see the task for the rules)."""
    raise NotImplementedError("write clean_customers")
