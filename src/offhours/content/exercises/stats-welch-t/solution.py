import numpy as np


def welch_t(a, b) -> tuple[float, float]:
    """Welch's t statistic for mean(a) - mean(b) and its Welch-Satterthwaite degrees of freedom."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    for name, s in (("a", a), ("b", b)):
        if s.ndim != 1 or s.size < 2:
            raise ValueError(f"{name} must be a 1-D sample of at least 2 values, got shape {s.shape}")
    # squared standard error of each mean: sample variance (ddof=1) over the sample size
    se2_a = a.var(ddof=1) / a.size
    se2_b = b.var(ddof=1) / b.size
    se2 = se2_a + se2_b
    if se2 == 0:
        raise ValueError("both samples are constant: the standard error is 0 and t is undefined")
    t = (a.mean() - b.mean()) / np.sqrt(se2)
    df = se2**2 / (se2_a**2 / (a.size - 1) + se2_b**2 / (b.size - 1))
    return float(t), float(df)
