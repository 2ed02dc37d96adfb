import numpy as np


def _average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n of `values`, where every group of equal values shares the mean of its ranks."""
    # np.unique sorts the distinct values; `inverse` maps each sample to its distinct value
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    last = np.cumsum(counts)            # the highest rank taken by each group of ties
    first = last - counts + 1           # the lowest rank taken by each group
    return ((first + last) / 2.0)[inverse]


def roc_auc(y_true, scores) -> float:
    """Return the ROC AUC of `scores` for binary labels `y_true`, via average ranks (ties count as half)."""
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    if y.shape != s.shape or y.ndim != 1:
        raise ValueError(f"y_true and scores must be 1-D of the same length, got {y.shape} and {s.shape}")
    positive = y == 1
    n_pos = int(positive.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC needs at least one positive and one negative sample")
    rank_sum = _average_ranks(s)[positive].sum()
    # subtracting the smallest possible rank sum (positives ranked 1..n_pos) leaves the number of wins
    wins = rank_sum - n_pos * (n_pos + 1) / 2.0
    return float(wins / (n_pos * n_neg))
