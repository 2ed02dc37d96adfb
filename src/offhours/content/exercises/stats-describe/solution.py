import numpy as np


def _quantile(s: np.ndarray, q: float) -> float:
    """The q-quantile of the already sorted array s, interpolating linearly between neighbours."""
    h = (len(s) - 1) * q
    i = int(np.floor(h))
    f = h - i
    if f == 0:  # lands exactly on a value (also avoids reading past the end when q = 1)
        return float(s[i])
    return float(s[i] + f * (s[i + 1] - s[i]))


def describe(x) -> dict[str, float]:
    """Return the mean, median, population and sample variance, quartiles and IQR of a 1-D sample.

    Keys: "mean", "median", "var_pop", "var_sample", "q1", "q3", "iqr". Quantiles use linear
    interpolation between the sorted values (NumPy's default method).
    """
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size < 2:
        raise ValueError(f"need a 1-D sample of at least 2 values, got shape {x.shape}")
    n = x.size
    mean = x.sum() / n
    squares = np.sum((x - mean) ** 2)  # deviations first: stays accurate for large, close values
    s = np.sort(x)  # np.sort returns a sorted copy; x is left alone
    q1, median, q3 = _quantile(s, 0.25), _quantile(s, 0.5), _quantile(s, 0.75)
    return {
        "mean": float(mean),
        "median": median,
        "var_pop": float(squares / n),
        "var_sample": float(squares / (n - 1)),
        "q1": q1,
        "q3": q3,
        "iqr": q3 - q1,
    }
