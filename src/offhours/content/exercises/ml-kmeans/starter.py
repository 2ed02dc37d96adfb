import numpy as np


def kmeans(X: np.ndarray, k: int, init: np.ndarray | None = None, max_iter: int = 100,
           seed: int = 0) -> tuple[np.ndarray, np.ndarray, float]:
    """Cluster the rows of X with Lloyd's algorithm; return (centroids, labels, inertia)."""
    raise NotImplementedError("write kmeans")
