import numpy as np


def bootstrap_ci(x, statistic=np.mean, n_resamples: int = 10_000, confidence: float = 0.95,
                 rng=None) -> tuple[float, float]:
    """Percentile bootstrap confidence interval (low, high) for statistic(x).

    rng may be a seed, a np.random.Generator or None; resample positions are drawn in one call,
    rng.integers(0, n, size=(n_resamples, n)).
    """
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x must be a non-empty 1-D sample, got shape {x.shape}")
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be at least 1, got {n_resamples}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be strictly between 0 and 1, got {confidence}")
    rng = np.random.default_rng(rng)  # a seed, a Generator (kept as is) or None
    n = x.size
    idx = rng.integers(0, n, size=(n_resamples, n))  # each row: n positions drawn with replacement
    resamples = x[idx]  # fancy indexing makes a new array; x is untouched
    values = np.array([statistic(row) for row in resamples], dtype=float)
    alpha = 1 - confidence
    low, high = np.quantile(values, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)
