import numpy as np


def best_stump(X: np.ndarray, y: np.ndarray) -> tuple[int, float, float] | None:
    """Return (feature, threshold, weighted Gini impurity) of the best split X[:, feature] <= threshold."""
    raise NotImplementedError("write best_stump")
