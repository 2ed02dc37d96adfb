"""A reproducible generator of synthetic card transactions, one calendar month at a time.

    python generate.py                      # writes transactions.csv (May 2024, seed 2024, 30,000 rows)
    python generate.py 2024 4 --seed 11 --rows 50000 --out april.csv   # another month for experiments

Every row is one card payment as a bank's feature store would present it when the payment arrives:

    timestamp              when the payment was authorised (local time, minute resolution)
    amount                 amount in EUR
    merchant_category      what kind of shop (grocery, fuel, electronics, ...)
    channel                in_store, online or atm
    distance_from_home_km  distance between the card holder's home and the shop; empty for online payments
    foreign                1 if the merchant is in another country than the card was issued in
    card_age_days          days since the card was issued
    card_avg_amount        the card's average payment over the previous 90 days
    txn_count_1h           payments on the same card in the hour before this one
    txn_count_24h          payments on the same card in the 24 hours before this one
    is_fraud               1 if the payment was later confirmed as fraud (the label)

About 0.4% of payments are fraud, drawn from a few patterns (card testing, a stolen card used in shops,
an online account takeover, a new card maxed out quickly) plus some fraud that looks like ordinary
spending. Genuine customers travel, buy expensive things and pay at night too, so no single rule works.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

FRAUD_RATE = 0.004

# category: (typical amount in EUR, spread of log amount, share of genuine payments, share paid online)
CATEGORIES = {
    "grocery": (35.0, 0.6, 0.22, 0.05),
    "restaurant": (28.0, 0.6, 0.13, 0.10),
    "fuel": (45.0, 0.35, 0.09, 0.0),
    "apparel": (60.0, 0.8, 0.10, 0.35),
    "electronics": (180.0, 0.9, 0.04, 0.50),
    "travel": (320.0, 0.9, 0.03, 0.70),
    "digital_goods": (12.0, 0.9, 0.08, 1.0),
    "pharmacy": (22.0, 0.6, 0.06, 0.10),
    "entertainment": (40.0, 0.7, 0.06, 0.50),
    "jewelry": (250.0, 1.0, 0.01, 0.30),
    "services": (70.0, 0.7, 0.13, 0.60),
    "atm_cash": (100.0, 0.6, 0.05, 0.0),
}
NAMES = list(CATEGORIES)
# When genuine customers pay, by hour of day (0-23): quiet at night, busy around lunch and early evening.
GENUINE_HOURS = np.array([3, 2, 1, 1, 1, 2, 5, 14, 28, 40, 48, 58, 70, 62, 50, 48, 55, 68, 72, 60, 45, 30, 16, 7],
                         dtype=float)
NIGHT_HOURS = np.array([9, 10, 10, 9, 8, 6, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 5, 6, 8], dtype=float)


def _choice(rng: np.random.Generator, options: list[str], n: int, weights: list[float] | None = None) -> np.ndarray:
    p = None if weights is None else np.asarray(weights, dtype=float) / np.sum(weights)
    return rng.choice(np.array(options, dtype=object), size=n, p=p)


def _genuine(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    shares = np.array([CATEGORIES[c][2] for c in NAMES])
    category = rng.choice(np.array(NAMES, dtype=object), size=n, p=shares / shares.sum())
    typical = np.array([CATEGORIES[c][0] for c in category])
    spread = np.array([CATEGORIES[c][1] for c in category])
    online_share = np.array([CATEGORIES[c][3] for c in category])
    channel = np.where(rng.random(n) < online_share, "online", "in_store").astype(object)
    channel[category == "atm_cash"] = "atm"

    card_avg = rng.lognormal(np.log(50.0), 0.5, n)
    # Bigger spenders pay more everywhere; a few genuine payments are unusually large (a new TV, a holiday).
    amount = typical * (card_avg / 50.0) ** 0.5 * rng.lognormal(0.0, spread, n)
    big = rng.random(n) < 0.01
    amount[big] *= rng.uniform(3.0, 10.0, big.sum())
    cash = category == "atm_cash"
    amount[cash] = np.maximum(20.0, np.round(amount[cash] / 20.0) * 20.0)

    hour = rng.choice(24, size=n, p=GENUINE_HOURS / GENUINE_HOURS.sum())
    owls = rng.random(n) < 0.04  # night-shift workers and late online shoppers
    hour[owls] = rng.choice(24, size=owls.sum(), p=NIGHT_HOURS / NIGHT_HOURS.sum())

    distance = rng.lognormal(np.log(4.0), 1.0, n)
    travelling = (rng.random(n) < 0.03) | (category == "travel") & (rng.random(n) < 0.4)
    distance[travelling] = rng.lognormal(np.log(500.0), 1.0, travelling.sum())
    foreign = np.where(travelling, rng.random(n) < 0.55, rng.random(n) < 0.01)
    online = channel == "online"
    foreign[online] = rng.random(online.sum()) < 0.08
    distance[online] = np.nan

    card_age = np.minimum(1.0 + rng.exponential(900.0, n), 3650.0)
    new_card = rng.random(n) < 0.03
    card_age[new_card] = rng.uniform(1.0, 45.0, new_card.sum())
    activity = rng.gamma(2.0, 1.0, n)
    count_1h = rng.poisson(0.25 * activity)
    count_24h = count_1h + rng.poisson(1.6 * activity)
    spree = rng.random(n) < 0.01  # a busy shopping day
    count_1h[spree] += rng.poisson(3.0, spree.sum())
    count_24h[spree] += rng.poisson(6.0, spree.sum())
    return {"amount": amount, "merchant_category": category, "channel": channel, "hour": hour,
            "distance_from_home_km": distance, "foreign": foreign, "card_age_days": card_age,
            "card_avg_amount": card_avg, "txn_count_1h": count_1h, "txn_count_24h": count_24h}


def _fraud(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    out = _genuine(rng, n)  # start from ordinary-looking payments, then overwrite by pattern
    pattern = rng.choice(5, size=n, p=[0.25, 0.22, 0.23, 0.12, 0.18])
    card_avg = out["card_avg_amount"]

    # 0: card testing: tiny online payments in quick succession, often at digital merchants.
    m = pattern == 0
    k = m.sum()
    out["merchant_category"][m] = _choice(rng, ["digital_goods", "entertainment", "services"], k, [5, 2, 2])
    out["channel"][m] = "online"
    out["amount"][m] = rng.lognormal(np.log(2.5), 0.7, k)
    out["txn_count_1h"][m] = 2 + rng.poisson(4.0, k)
    out["txn_count_24h"][m] = out["txn_count_1h"][m] + rng.poisson(3.0, k)
    out["hour"][m] = rng.integers(0, 24, k)
    out["foreign"][m] = rng.random(k) < 0.3

    # 1: a stolen card used in shops or at cash machines far from home, often at night.
    m = pattern == 1
    k = m.sum()
    category = _choice(rng, ["electronics", "jewelry", "apparel", "atm_cash"], k, [4, 2, 2, 3])
    out["merchant_category"][m] = category
    out["channel"][m] = np.where(category == "atm_cash", "atm", "in_store")
    amount = card_avg[m] * rng.lognormal(np.log(5.0), 0.7, k)
    cash = category == "atm_cash"
    amount[cash] = np.minimum(1000.0, np.maximum(100.0, np.round(amount[cash] / 50.0) * 50.0))
    out["amount"][m] = amount
    out["distance_from_home_km"][m] = rng.lognormal(np.log(60.0), 1.3, k)
    night = rng.random(k) < 0.5
    out["hour"][m] = np.where(night, rng.integers(0, 6, k), rng.choice(24, size=k, p=GENUINE_HOURS / GENUINE_HOURS.sum()))
    out["foreign"][m] = rng.random(k) < 0.25
    out["txn_count_1h"][m] = rng.poisson(1.5, k)
    out["txn_count_24h"][m] = out["txn_count_1h"][m] + rng.poisson(4.0, k)

    # 2: online account takeover: large online orders of resaleable goods, often from abroad.
    m = pattern == 2
    k = m.sum()
    out["merchant_category"][m] = _choice(rng, ["electronics", "travel", "digital_goods", "jewelry"], k, [5, 3, 2, 1])
    out["channel"][m] = "online"
    out["distance_from_home_km"][m] = np.nan
    out["amount"][m] = rng.lognormal(np.log(350.0), 0.8, k)
    out["foreign"][m] = rng.random(k) < 0.4
    out["hour"][m] = np.where(rng.random(k) < 0.35, rng.integers(0, 6, k), rng.integers(0, 24, k))
    out["txn_count_1h"][m] = rng.poisson(1.0, k)
    out["txn_count_24h"][m] = out["txn_count_1h"][m] + rng.poisson(2.5, k)

    # 3: a new card (often fraudulently opened) spent quickly before the first bill.
    m = pattern == 3
    k = m.sum()
    out["card_age_days"][m] = rng.uniform(1.0, 40.0, k)
    out["merchant_category"][m] = _choice(rng, ["electronics", "apparel", "jewelry", "travel"], k, [4, 3, 1, 2])
    out["amount"][m] = rng.lognormal(np.log(400.0), 0.7, k)
    out["card_avg_amount"][m] = rng.lognormal(np.log(150.0), 0.6, k)
    out["txn_count_1h"][m] = rng.poisson(1.5, k)
    out["txn_count_24h"][m] = out["txn_count_1h"][m] + 3 + rng.poisson(5.0, k)

    # 4: fraud that blends in: ordinary payments, only slightly larger and slightly more frequent.
    m = pattern == 4
    out["amount"][m] *= rng.uniform(1.0, 2.5, m.sum())
    out["txn_count_24h"][m] += rng.poisson(1.0, m.sum())

    # Keep every row consistent: cash comes from ATMs, online payments have no distance.
    out["channel"][out["merchant_category"] == "atm_cash"] = "atm"
    out["channel"][(out["channel"] == "atm") & (out["merchant_category"] != "atm_cash")] = "in_store"
    online = out["channel"] == "online"
    out["distance_from_home_km"][online] = np.nan
    missing = ~online & np.isnan(out["distance_from_home_km"])
    out["distance_from_home_km"][missing] = rng.lognormal(np.log(15.0), 1.2, missing.sum())
    return out


def generate_month(year: int, month: int, n_rows: int = 30_000, seed: int = 2024) -> pd.DataFrame:
    """One month of payments, in time order. The same arguments always give the same table."""
    rng = np.random.default_rng([seed, year, month])
    n_fraud = int(rng.binomial(n_rows, FRAUD_RATE))
    genuine = _genuine(rng, n_rows - n_fraud)
    fraud = _fraud(rng, n_fraud)
    parts = {key: np.concatenate([genuine[key], fraud[key]]) for key in genuine}
    label = np.r_[np.zeros(n_rows - n_fraud, dtype=int), np.ones(n_fraud, dtype=int)]

    start = pd.Timestamp(year=year, month=month, day=1)
    days = start.days_in_month
    day = rng.integers(0, days, n_rows)
    minute = rng.integers(0, 60, n_rows)
    timestamp = start + pd.to_timedelta(day, unit="D") + pd.to_timedelta(parts.pop("hour"), unit="h") \
        + pd.to_timedelta(minute, unit="min")

    df = pd.DataFrame({
        "timestamp": timestamp,
        "amount": np.round(np.maximum(parts["amount"], 0.5), 2),
        "merchant_category": parts["merchant_category"].astype(str),
        "channel": parts["channel"].astype(str),
        "distance_from_home_km": np.round(parts["distance_from_home_km"], 1),
        "foreign": parts["foreign"].astype(int),
        "card_age_days": parts["card_age_days"].astype(int),
        "card_avg_amount": np.round(parts["card_avg_amount"], 2),
        "txn_count_1h": parts["txn_count_1h"].astype(int),
        "txn_count_24h": parts["txn_count_24h"].astype(int),
        "is_fraud": label,
    })
    return df.sort_values("timestamp", kind="stable").reset_index(drop=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("year", type=int, nargs="?", default=2024)
    parser.add_argument("month", type=int, nargs="?", default=5)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--out", default="transactions.csv")
    args = parser.parse_args()
    df = generate_month(args.year, args.month, args.rows, args.seed)
    df.to_csv(args.out, index=False, date_format="%Y-%m-%d %H:%M")
    print(f"wrote {args.out}: {len(df)} payments, {df.is_fraud.sum()} fraud ({df.is_fraud.mean():.2%})")


if __name__ == "__main__":
    main()
