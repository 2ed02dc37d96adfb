import numpy as np


def fit_linear_regression(X, y) -> tuple[np.ndarray, float]:
    """Least-squares weights w (shape (d,)) and intercept b, by solving the normal equation."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D with {X.shape[0]} values, got shape {y.shape}")
    # a leading column of ones turns the intercept into an ordinary weight
    A = np.column_stack([np.ones(X.shape[0]), X])
    # solve (A^T A) theta = A^T y directly: no explicit inverse
    theta = np.linalg.solve(A.T @ A, A.T @ y)
    return theta[1:], float(theta[0])


def predict(X, w, b) -> np.ndarray:
    """Predictions X @ w + b, one per row of X."""
    return np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b
