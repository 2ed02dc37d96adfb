import numpy as np


def fit_linear_gd(X, y, learning_rate: float = 0.01,
                  epochs: int = 1000) -> tuple[np.ndarray, float, np.ndarray]:
    """Fit y ≈ X @ w + b by batch gradient descent on the mean squared error.

    Returns (w, b, losses), where losses[i] is the MSE just before update i.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D with {X.shape[0]} values, got shape {y.shape}")
    if learning_rate <= 0:
        raise ValueError(f"learning_rate must be positive, got {learning_rate}")
    if epochs < 0:
        raise ValueError(f"epochs must be 0 or more, got {epochs}")

    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = np.empty(epochs)
    for epoch in range(epochs):
        error = X @ w + b - y                 # one residual per sample, all at once
        losses[epoch] = np.mean(error ** 2)   # the loss of the current weights, before they move
        grad_w = 2.0 / n * (X.T @ error)      # d(MSE)/dw: the 2 comes from the square
        grad_b = 2.0 * error.mean()           # d(MSE)/db
        w = w - learning_rate * grad_w        # both gradients used the same old w and b
        b = b - learning_rate * grad_b
    return w, float(b), losses
