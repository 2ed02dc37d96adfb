import numpy as np


def moving_average(x, window: int, partial: bool = False) -> np.ndarray:
    """Trailing mean of the last `window` values at every position of the 1-D series x."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got {x.ndim} dimension(s)")
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 1:
        raise ValueError(f"window must be an integer of at least 1, got {window!r}")
    n = x.size
    # totals[j] is the sum of the first j values, so the sum of x[a:b] is totals[b] - totals[a]
    totals = np.concatenate([[0.0], np.cumsum(x)])
    ends = np.arange(1, n + 1)  # window i covers x[start:end] with end = i + 1
    starts = np.maximum(ends - window, 0)  # clipped at 0 for the first, shorter windows
    out = (totals[ends] - totals[starts]) / (ends - starts)
    if not partial:
        out[: window - 1] = np.nan  # no full window yet
    return out
