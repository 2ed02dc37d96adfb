import numpy as np


def fit_linear_gd(X, y, learning_rate: float = 0.01,
                  epochs: int = 1000) -> tuple[np.ndarray, float, np.ndarray]:
    """Fit y ≈ X @ w + b by batch gradient descent on the mean squared error.

    Returns (w, b, losses), where losses[i] is the MSE just before update i.
    """
    raise NotImplementedError("write fit_linear_gd")
