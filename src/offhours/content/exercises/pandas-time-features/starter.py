import pandas as pd


def daily_features(path: str = "events.csv", event_type: str | None = None) -> pd.DataFrame:
    """Daily event counts (missing days as 0) with calendar features and a leakage-free 7-day mean."""
    raise NotImplementedError("write daily_features")
