"""Reference: one ridge regression per product on log demand, with calendar, promotion and holiday
features, plus a level correction from the last four weeks of history. No feature looks past the origin."""

import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge

FOURIER_TERMS = 6      # yearly seasonality: sines and cosines of 1..6 cycles a year
LEVEL_DAYS = 28        # the level correction averages the model's errors over this many recent days


def _prepare(df: pd.DataFrame) -> pd.DataFrame:
    out = df.reset_index(drop=True)
    out["date"] = pd.to_datetime(out["date"])
    out["holiday"] = out["holiday"].fillna("").astype(str)
    return out.sort_values(["product", "date"])


def _design(g: pd.DataFrame, model: dict, promo_before: np.ndarray) -> pd.DataFrame:
    """Features for one product's consecutive days. promo_before: the promo flags of the 7 days before g."""
    X = pd.DataFrame(index=g.index)
    dow = g["date"].dt.day_of_week
    for k in range(7):
        X[f"dow_{k}"] = (dow == k).astype(float)
    angle = 2 * np.pi * g["date"].dt.day_of_year.to_numpy() / 365.25
    for k in range(1, FOURIER_TERMS + 1):
        X[f"sin_{k}"] = np.sin(k * angle)
        X[f"cos_{k}"] = np.cos(k * angle)
    X["years"] = (g["date"] - model["start"]).dt.days.to_numpy() / 365.25
    promo = g["promo"].to_numpy().astype(float)
    week_before = np.r_[promo_before, promo][: len(promo)]  # the promo flag 7 days earlier
    X["promo"] = promo
    X["after_promo"] = (week_before == 1) & (promo == 0)
    closed = g["holiday"].isin(model["closed"]).to_numpy()
    X["before_closed"] = np.r_[closed[1:], False] & ~closed & (g["holiday"].to_numpy() == "")
    for name in model["open"]:
        X[f"holiday_{name}"] = (g["holiday"] == name).astype(float)
    return X.astype(float)


def fit(history_df: pd.DataFrame) -> dict:
    df = _prepare(history_df)
    # Which holidays close the shops: learned from the data (almost nothing sold), not typed in.
    by_day = df.groupby("date").agg(units=("units", "sum"), holiday=("holiday", "first"))
    typical = by_day["units"].median()
    holiday_sales = by_day[by_day["holiday"] != ""].groupby("holiday")["units"].mean()
    model = {"start": df["date"].min(), "closed": set(holiday_sales[holiday_sales < 0.1 * typical].index),
             "open": sorted(set(holiday_sales.index) - set(holiday_sales[holiday_sales < 0.1 * typical].index)),
             "products": {}}
    for product, g in df.groupby("product"):
        X = _design(g, model, np.zeros(7))
        y = np.log1p(g["units"].to_numpy())
        keep = ~g["holiday"].isin(model["closed"]).to_numpy()
        ridge = Ridge(alpha=0.3).fit(X[keep], y[keep])
        # The level drifts: carry the average recent error (on the log scale) forward.
        errors = y[keep] - ridge.predict(X[keep])
        model["products"][product] = {"ridge": ridge, "level": float(errors[-LEVEL_DAYS:].mean()),
                                      "last_promo": g["promo"].to_numpy()[-7:].astype(float),
                                      "last_date": g["date"].max()}
    return model


def predict(model: dict, future_df: pd.DataFrame) -> np.ndarray:
    df = _prepare(future_df)
    out = pd.Series(0.0, index=df.index)
    for product, g in df.groupby("product"):
        if product not in model["products"]:
            continue  # an unknown product: forecast nothing rather than fail
        fitted = model["products"][product]
        gap = (g["date"].min() - fitted["last_date"]).days
        promo_before = fitted["last_promo"] if gap == 1 else np.zeros(7)
        X = _design(g, model, promo_before)
        log_units = fitted["ridge"].predict(X) + fitted["level"]
        forecast = np.maximum(np.expm1(log_units), 0.0)
        forecast[g["holiday"].isin(model["closed"]).to_numpy()] = 0.0
        out[g.index] = forecast
    return out.sort_index().to_numpy()
