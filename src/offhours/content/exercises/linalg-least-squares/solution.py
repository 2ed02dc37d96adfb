import numpy as np


def least_squares(X, y, intercept: bool = True) -> tuple[np.ndarray, float | np.ndarray]:
    """Least-squares coefficients theta (intercept first if intercept=True) and the residual sum of squares."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    if y.ndim not in (1, 2) or y.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D or 2-D with {X.shape[0]} rows, got shape {y.shape}")
    A = np.column_stack([np.ones(X.shape[0]), X]) if intercept else X
    # the normal equations have one solution only if the columns of A are independent
    rank = np.linalg.matrix_rank(A)
    if rank < A.shape[1]:
        raise ValueError(f"the design matrix has {A.shape[1]} columns but rank {rank}: "
                         "some column is a combination of the others, so there is no unique fit")
    # A^T y is (p,) or (p, k); solve handles every target column in one call
    theta = np.linalg.solve(A.T @ A, A.T @ y)
    rss = ((y - A @ theta) ** 2).sum(axis=0)
    return theta, (float(rss) if y.ndim == 1 else rss)
