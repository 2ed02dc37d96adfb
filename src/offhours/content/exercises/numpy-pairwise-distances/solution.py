import numpy as np


def pairwise_distances(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Euclidean distance between every row of A (n, d) and every row of B (m, d), as an (n, m) array."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2:
        raise ValueError(f"A and B must be 2-D, got {A.ndim} and {B.ndim} dimension(s)")
    if A.shape[1] != B.shape[1]:
        raise ValueError(f"A and B need the same number of columns, got {A.shape[1]} and {B.shape[1]}")
    # (n, 1, d) - (1, m, d) broadcasts to (n, m, d): every row of A against every row of B
    diff = A[:, None, :] - B[None, :, :]
    # sum the squared differences over the features; a sum of squares is never negative, so no NaN
    return np.sqrt((diff ** 2).sum(axis=2))
