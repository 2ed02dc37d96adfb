import numpy as np


def bootstrap_ci(x, statistic=np.mean, n_resamples: int = 10_000, confidence: float = 0.95,
                 rng=None) -> tuple[float, float]:
    """Percentile bootstrap confidence interval (low, high) for statistic(x).

    rng may be a seed, a np.random.Generator or None; resample positions are drawn in one call,
    rng.integers(0, n, size=(n_resamples, n)).
    """
    raise NotImplementedError("write bootstrap_ci")
