import numpy as np


def _nearest(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Label of the nearest centroid for every sample, and the squared distance to it."""
    # (n, 1, d) - (1, k, d) broadcasts to (n, k, d): every sample against every centroid at once
    squared = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = squared.argmin(axis=1)  # the first minimum, so ties go to the lower index
    return labels, squared[np.arange(X.shape[0]), labels]


def kmeans(X: np.ndarray, k: int, init: np.ndarray | None = None, max_iter: int = 100,
           seed: int = 0) -> tuple[np.ndarray, np.ndarray, float]:
    """Cluster the rows of X with Lloyd's algorithm; return (centroids, labels, inertia)."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    n, d = X.shape
    if not 1 <= k <= n:
        raise ValueError(f"k must be between 1 and the number of samples ({n}), got {k}")
    if init is None:
        rows = np.random.default_rng(seed).choice(n, size=k, replace=False)
        centroids = X[rows].copy()
    else:
        centroids = np.array(init, dtype=float)  # np.array copies, so the caller's init is untouched
        if centroids.shape != (k, d):
            raise ValueError(f"init must have shape {(k, d)}, got {centroids.shape}")

    previous = None
    for _ in range(max_iter):
        labels, _ = _nearest(X, centroids)
        if previous is not None and np.array_equal(labels, previous):
            break  # nothing moved last round: the centroids are already the means of their samples
        previous = labels
        for c in range(k):
            members = labels == c
            if members.any():  # an empty cluster keeps its centroid
                centroids[c] = X[members].mean(axis=0)

    labels, squared = _nearest(X, centroids)
    return centroids, labels, float(squared.sum())
