import numpy as np


def fit_ridge(X, y, lam: float) -> tuple[np.ndarray, float]:
    """Ridge regression: minimise sum((y - X @ w - b)**2) + lam * sum(w**2); b is not penalised.

    Returns (w, b) with w of shape (d,) and b a float.
    """
    raise NotImplementedError("write fit_ridge")
