import numpy as np


def welch_t(a, b) -> tuple[float, float]:
    """Welch's t statistic for mean(a) - mean(b) and its Welch-Satterthwaite degrees of freedom."""
    raise NotImplementedError("write welch_t")
