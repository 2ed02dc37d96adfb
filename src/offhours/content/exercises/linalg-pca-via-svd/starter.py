import numpy as np


def pca(X, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scores (n, k), unit principal components (k, d) and explained variance ratios (k,) of X, via SVD."""
    raise NotImplementedError("write pca")
