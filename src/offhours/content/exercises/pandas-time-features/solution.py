import pandas as pd

COLUMNS = ["date", "n_events", "day_of_week", "is_weekend", "rolling_mean_7"]


def daily_features(path: str = "events.csv", event_type: str | None = None) -> pd.DataFrame:
    """Daily event counts (missing days as 0) with calendar features and a leakage-free 7-day mean."""
    events = pd.read_csv(path, parse_dates=["timestamp"])
    if event_type is not None:
        events = events[events["event_type"] == event_type]
    if events.empty:
        return pd.DataFrame({column: [] for column in COLUMNS})

    # resample makes one bin per calendar day from the first to the last event, empty days included
    counts = events.set_index("timestamp").resample("D").size()
    daily = pd.DataFrame({"date": counts.index, "n_events": counts.to_numpy().astype(int)})
    daily["day_of_week"] = daily["date"].dt.dayofweek  # Monday = 0
    daily["is_weekend"] = daily["day_of_week"] >= 5
    # shift(1) first: the mean for day t may only use days t-7 .. t-1, never day t itself
    daily["rolling_mean_7"] = daily["n_events"].shift(1).rolling(7, min_periods=7).mean()
    return daily[COLUMNS]
