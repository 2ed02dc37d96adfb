"""Hidden check for demand-forecasting: the eight weeks after the history, forecast four weeks at a time."""

import re

import numpy as np
import pandas as pd

from forecast import fit, predict

# ---------------------------------------------------------------------------------------------------------
# The process that made demand.csv. The learner gets only the first 104 weeks; the check continues the same
# series (same seed, so the same products, levels and promotion plans) for eight more weeks.

START = "2022-11-07"  # a Monday
HISTORY_DAYS = 728    # 104 weeks: the rows in demand.csv
HELD_OUT_DAYS = 56    # 8 weeks: 2024-11-04 to 2024-12-29
SEED = 31
# product: units a day, log-trend a year, Monday..Sunday factors, yearly amplitude, peak day of the year,
# promotion uplift, dip in the week after a promotion (customers stocked up)
PRODUCTS = {
    "sparkling_water": (140.0, 0.06, (0.90, 0.90, 0.95, 1.00, 1.10, 1.35, 0.80), 0.30, 196, 1.50, 0.90),
    "ground_coffee": (70.0, 0.03, (1.05, 1.00, 1.00, 1.00, 1.05, 1.20, 0.70), 0.12, 15, 1.90, 0.80),
    "ice_cream": (45.0, 0.00, (0.80, 0.80, 0.85, 0.90, 1.10, 1.50, 1.30), 0.90, 200, 1.60, 0.95),
    "baking_flour": (30.0, -0.04, (0.90, 0.90, 0.95, 1.00, 1.10, 1.40, 0.75), 0.10, 30, 1.40, 0.85),
    "pasta": (95.0, 0.05, (1.00, 0.95, 0.95, 1.00, 1.10, 1.30, 0.70), 0.08, 30, 1.35, 0.90),
}
OPEN_HOLIDAYS = {"Christmas Eve": 1.45, "New Year's Eve": 1.25}  # every other holiday closes the shops
BEFORE_CLOSED = 1.25  # people stock up the day before the shops close


def _easter(year):
    """Easter Sunday (Gregorian calendar), by the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return pd.Timestamp(year=year, month=month, day=day + 1)


def _holidays(years):
    out = {}
    for y in years:
        easter = _easter(y)
        out.update({
            pd.Timestamp(y, 1, 1): "New Year's Day", easter - pd.Timedelta(days=2): "Good Friday",
            easter + pd.Timedelta(days=1): "Easter Monday", pd.Timestamp(y, 5, 1): "Labour Day",
            easter + pd.Timedelta(days=39): "Ascension Day", easter + pd.Timedelta(days=50): "Whit Monday",
            pd.Timestamp(y, 10, 3): "Unity Day", pd.Timestamp(y, 12, 24): "Christmas Eve",
            pd.Timestamp(y, 12, 25): "Christmas Day", pd.Timestamp(y, 12, 26): "Boxing Day",
            pd.Timestamp(y, 12, 31): "New Year's Eve"})
    return out


def generate(seed=SEED, n_days=HISTORY_DAYS + HELD_OUT_DAYS):
    """Daily units sold per product; the first HISTORY_DAYS days are exactly demand.csv."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range(START, periods=n_days, freq="D")
    names = _holidays(range(dates[0].year, dates[-1].year + 2))
    holiday = np.array([names.get(d, "") for d in dates], dtype=object)
    tomorrow = np.array([names.get(d + pd.Timedelta(days=1), "") for d in dates], dtype=object)
    closed = (holiday != "") & ~np.isin(holiday, list(OPEN_HOLIDAYS))
    calendar = np.where(closed, 0.0, 1.0)
    for name, factor in OPEN_HOLIDAYS.items():
        calendar[holiday == name] = factor
    calendar[(holiday == "") & (tomorrow != "") & ~np.isin(tomorrow, list(OPEN_HOLIDAYS))] *= BEFORE_CLOSED
    years = np.arange(n_days) / 365.25
    doy = dates.day_of_year.to_numpy()
    dow = dates.day_of_week.to_numpy()
    frames = []
    for product, (base, trend, weekly, amplitude, peak, uplift, dip) in PRODUCTS.items():
        yearly = np.exp(amplitude * np.cos(2 * np.pi * (doy - peak) / 365.25))
        if product == "baking_flour":  # Christmas baking: a bump in the first three weeks of December
            gap = (doy - 346 + 182) % 365 - 182
            yearly = yearly * (1.0 + 0.9 * np.exp(-0.5 * (gap / 10.0) ** 2))
        level = np.zeros(n_days)  # a slowly wandering level (distribution, competitors, fashion)
        shocks = rng.normal(0.0, 0.012, n_days)
        for t in range(1, n_days):
            level[t] = 0.995 * level[t - 1] + shocks[t]
        week_promo = rng.random(n_days // 7 + 1) < 0.13  # promotions run Monday to Sunday
        week_promo[1:] &= ~week_promo[:-1]  # never two promotion weeks in a row
        promo = np.repeat(week_promo, 7)[:n_days]
        after = np.r_[np.zeros(7, dtype=bool), promo[:-7]] & ~promo
        mu = base * np.exp(trend * years + level) * np.asarray(weekly)[dow] * yearly * calendar
        mu *= np.where(promo, uplift, 1.0) * np.where(after, dip, 1.0)
        units = rng.poisson(mu * rng.gamma(25.0, 1 / 25.0, n_days))
        frames.append(pd.DataFrame({"date": dates.strftime("%Y-%m-%d"), "product": product, "units": units,
                                    "promo": promo.astype(int), "holiday": holiday}))
    return pd.concat(frames).sort_values(["date", "product"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------------
# The check: two forecast origins. Fit on the 104 weeks, forecast weeks 1-4; then fit on the 104 weeks plus
# weeks 1-4 (now known), forecast weeks 5-8. Compare with the seasonal-naive forecast from the same origin.

HORIZON = 28
MAX_MAE_RATIO = 0.80  # the model's MAE must be at least 20% below the seasonal-naive MAE
_cache = {}


def _as_loaded(df):
    """As pd.read_csv gives it: dates as text, no holiday as NaN."""
    out = df.copy()
    out["holiday"] = out["holiday"].replace("", np.nan)
    return out


def seasonal_naive(history, future):
    """Each future day gets the units of the same weekday in the last week of the history."""
    dates = pd.to_datetime(history["date"])
    last = history[dates > dates.max() - pd.Timedelta(days=7)]
    lookup = dict(zip(zip(last["product"], pd.to_datetime(last["date"]).dt.day_of_week), last["units"]))
    keys = zip(future["product"], pd.to_datetime(future["date"]).dt.day_of_week)
    return np.array([lookup[k] for k in keys], dtype=float)


def _backtest():
    if "rows" in _cache:
        return _cache["rows"]
    full = _as_loaded(generate())
    days = sorted(full["date"].unique())
    rows = []
    for origin in (HISTORY_DAYS, HISTORY_DAYS + HORIZON):
        history = full[full["date"] < days[origin]].reset_index(drop=True)
        future = full[(full["date"] >= days[origin]) & (full["date"] <= days[origin + HORIZON - 1])]
        future = future.reset_index(drop=True)
        actual = future.pop("units").to_numpy()
        before = history.copy()
        model = fit(history)
        _cache["history_changed"] = not history.equals(before)
        forecast = np.asarray(predict(model, future.copy()), dtype=float)
        assert forecast.shape == (len(future),), \
            f"predict() must return one number per row of future_df: expected {(len(future),)}, got {forecast.shape}"
        # MASE scale: the in-sample error of a one-week-ago forecast, per product
        scale = history.sort_values("date").groupby("product")["units"].apply(lambda s: s.diff(7).abs().mean())
        rows.append(future.assign(actual=actual, forecast=forecast, naive=seasonal_naive(history, future),
                                  scale=future["product"].map(scale).to_numpy(), origin=days[origin]))
        if "model" not in _cache:
            _cache["model"], _cache["future"] = model, future
    _cache["rows"] = pd.concat(rows, ignore_index=True)
    return _cache["rows"]


def _mae(rows, column):
    return float(np.abs(rows[column] - rows["actual"]).mean())


def test_forecasts_are_one_sane_number_per_row():
    rows = _backtest()
    assert np.isfinite(rows["forecast"]).all(), "predict() returned NaN or infinite values"
    assert (rows["forecast"] >= 0).all(), "predict() forecast negative demand somewhere"
    assert not _cache["history_changed"], "fit() changed the history_df it was given; work on a copy"


def test_forecasts_follow_the_rows_of_future_df():
    _backtest()
    future = _cache["future"]
    order = np.random.default_rng(0).permutation(len(future))
    shuffled = future.iloc[order].reset_index(drop=True)
    again = np.asarray(predict(_cache["model"], shuffled), dtype=float)
    first = np.asarray(predict(_cache["model"], future.copy()), dtype=float)
    assert np.allclose(again, first[order], rtol=1e-6, atol=1e-6), \
        "with the rows of future_df shuffled, the forecasts did not move with their rows: return them in the " \
        "order of future_df's rows, whatever that order is"


def test_beats_seasonal_naive_by_a_clear_margin():
    rows = _backtest()
    model, naive = _mae(rows, "forecast"), _mae(rows, "naive")
    mase = (np.abs(rows["forecast"] - rows["actual"]) / rows["scale"]).groupby(rows["product"]).mean().mean()
    naive_mase = (np.abs(rows["naive"] - rows["actual"]) / rows["scale"]).groupby(rows["product"]).mean().mean()
    print(f"8 held-out weeks: MAE {model:.2f} against seasonal naive {naive:.2f} (ratio {model / naive:.2f}); "
          f"MASE {mase:.2f} against {naive_mase:.2f}")
    assert model <= MAX_MAE_RATIO * naive, \
        f"over the 8 held-out weeks your MAE is {model:.2f} units a day, the seasonal-naive forecast's is " \
        f"{naive:.2f} (ratio {model / naive:.2f}); the project asks for a ratio of at most {MAX_MAE_RATIO}"


def test_beats_seasonal_naive_in_each_window_and_most_products():
    rows = _backtest()
    for origin, part in rows.groupby("origin"):
        model, naive = _mae(part, "forecast"), _mae(part, "naive")
        assert model < naive, \
            f"for the 4 weeks from {origin}, your MAE {model:.2f} is not below the seasonal-naive {naive:.2f}"
    per_product = {p: (_mae(g, "forecast"), _mae(g, "naive")) for p, g in rows.groupby("product")}
    print("MAE per product (yours, naive): "
          + ", ".join(f"{p} {m:.1f}/{n:.1f}" for p, (m, n) in per_product.items()))
    losers = [p for p, (m, n) in per_product.items() if m >= n]
    assert len(losers) <= 1, f"the seasonal-naive forecast beats yours on {', '.join(losers)}"


def _section(text, title_pattern):
    match = re.search(rf"^#+[^\n]*{title_pattern}[^\n]*\n(.*?)(?=^#+ |\Z)", text, re.M | re.S | re.I)
    return match.group(1) if match else None


def test_report_shows_the_backtest():
    text = open("REPORT.md", encoding="utf-8").read()
    assert "TODO" not in text, "REPORT.md still has TODO placeholders"
    for title in ("Data", "Model", "Backtest", "Results"):
        assert _section(text, title) is not None, f"REPORT.md needs a section whose title contains '{title}'"
    table = [line for line in _section(text, "Backtest").splitlines() if line.strip().startswith("|")]
    numbered = [line for line in table if re.search(r"\d+\.\d", line)]
    assert len(numbered) >= 3, \
        "the Backtest section should hold a table with a row per forecast origin (at least 3), each with your " \
        "MAE and the seasonal-naive MAE"
    assert re.search(r"MASE", text) and re.search(r"\d+\.\d", _section(text, "Results")), \
        "the Results section should give your MAE and MASE against the seasonal-naive forecast"
