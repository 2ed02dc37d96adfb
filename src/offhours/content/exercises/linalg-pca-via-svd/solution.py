import numpy as np


def pca(X, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scores (n, k), unit principal components (k, d) and explained variance ratios (k,) of X, via SVD."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    n, d = X.shape
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 1 <= k <= min(n, d):
        raise ValueError(f"k must be an integer between 1 and {min(n, d)}, got {k!r}")
    centred = X - X.mean(axis=0)  # a new array: X itself is untouched
    # thin SVD: U (n, r), S (r,), Vt (r, d) with r = min(n, d); S comes sorted largest first
    _, S, Vt = np.linalg.svd(centred, full_matrices=False)
    total = np.sum(S ** 2)  # the total squared spread, over every component
    if total == 0:
        raise ValueError("X has no variance: every row is the same")
    components = Vt[:k].copy()
    # make the largest-magnitude entry of each component positive, so the signs are reproducible
    biggest = components[np.arange(k), np.abs(components).argmax(axis=1)]
    components *= np.where(biggest < 0, -1.0, 1.0)[:, None]
    scores = centred @ components.T  # projecting after the flip keeps scores and components consistent
    return scores, components, S[:k] ** 2 / total
