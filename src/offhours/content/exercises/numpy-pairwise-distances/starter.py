import numpy as np


def pairwise_distances(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Euclidean distance between every row of A (n, d) and every row of B (m, d), as an (n, m) array."""
    raise NotImplementedError("write pairwise_distances")
