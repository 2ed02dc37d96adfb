import numpy as np


def fit_ridge(X, y, lam: float) -> tuple[np.ndarray, float]:
    """Ridge regression: minimise sum((y - X @ w - b)**2) + lam * sum(w**2); b is not penalised.

    Returns (w, b) with w of shape (d,) and b a float.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D with {X.shape[0]} values, got shape {y.shape}")
    if lam < 0:
        raise ValueError(f"lam must be 0 or more, got {lam}")

    # Centring removes the intercept from the problem: the best b always puts the fitted plane through
    # the point of means, so we solve for w on centred data and recover b afterwards.
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    Xc = X - x_mean
    yc = y - y_mean
    d = X.shape[1]
    # (Xcᵀ Xc + lam I) w = Xcᵀ yc; lam > 0 makes the matrix invertible even when d > n
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(d), Xc.T @ yc)
    b = y_mean - x_mean @ w
    return w, float(b)
