import numpy as np

TIE = 1e-12


def _split_impurities(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Thresholds (ascending) and weighted Gini impurities of every candidate split of one feature."""
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = xs.size
    # splitting after sorted position i puts samples 0..i on the left; only allowed between distinct values
    n_left = np.arange(1, n)
    pos_left = np.cumsum(ys)[:-1]
    n_right = n - n_left
    pos_right = ys.sum() - pos_left
    p_left, p_right = pos_left / n_left, pos_right / n_right
    weighted = (n_left * 2 * p_left * (1 - p_left) + n_right * 2 * p_right * (1 - p_right)) / n
    distinct = xs[1:] > xs[:-1]
    thresholds = (xs[:-1] + xs[1:]) / 2
    return thresholds[distinct], weighted[distinct]


def best_stump(X: np.ndarray, y: np.ndarray) -> tuple[int, float, float] | None:
    """Return (feature, threshold, weighted Gini impurity) of the best split X[:, feature] <= threshold."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    best = None
    for j in range(X.shape[1]):
        thresholds, impurities = _split_impurities(X[:, j], y)
        if impurities.size == 0:
            continue  # a constant column cannot be split
        i = int(np.argmin(impurities))
        # argmin returns the first minimum, but a later rounding may sit just below it: take the
        # smallest threshold within the tie tolerance instead
        i = int(np.flatnonzero(impurities <= impurities[i] + TIE)[0])
        # features are visited in order, so a later feature wins only if clearly better
        if best is None or impurities[i] < best[2] - TIE:
            best = (j, float(thresholds[i]), float(impurities[i]))
    return best
