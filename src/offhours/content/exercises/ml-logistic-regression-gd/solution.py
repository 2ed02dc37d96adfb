import numpy as np


def sigmoid(z) -> np.ndarray:
    """1 / (1 + exp(-z)) element-wise, without overflow for any z."""
    z = np.asarray(z, dtype=float)
    small = np.exp(-np.abs(z))  # always in (0, 1], so it can never overflow
    # for z >= 0 use 1 / (1 + e^-z); for z < 0 the same value written as e^z / (1 + e^z)
    return np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))


def _check(X, y=None) -> tuple[np.ndarray, np.ndarray | None]:
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got {X.ndim} dimension(s)")
    if y is None:
        return X, None
    y = np.asarray(y, dtype=float)
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D with {X.shape[0]} values, got shape {y.shape}")
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("y must contain only 0 and 1")
    return X, y


def fit_logistic(X, y, learning_rate: float = 0.1,
                 epochs: int = 1000) -> tuple[np.ndarray, float, np.ndarray]:
    """Logistic regression by batch gradient descent on the mean log loss.

    Returns (w, b, losses), where losses[i] is the log loss just before update i.
    """
    X, y = _check(X, y)
    if learning_rate <= 0:
        raise ValueError(f"learning_rate must be positive, got {learning_rate}")
    if epochs < 0:
        raise ValueError(f"epochs must be 0 or more, got {epochs}")

    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = np.empty(epochs)
    for epoch in range(epochs):
        z = X @ w + b
        # -[y log p + (1-y) log(1-p)] written in z: log(1 + e^z) - y z, and logaddexp never overflows
        losses[epoch] = np.mean(np.logaddexp(0.0, z) - y * z)
        error = sigmoid(z) - y  # the log loss gradient has the same shape as in linear regression
        w = w - learning_rate * (X.T @ error) / n
        b = b - learning_rate * error.mean()
    return w, float(b), losses


def predict_proba(X, w, b) -> np.ndarray:
    """P(y = 1 | x) for every row of X."""
    X, _ = _check(X)
    return sigmoid(X @ np.asarray(w, dtype=float) + b)


def predict(X, w, b, threshold: float = 0.5) -> np.ndarray:
    """Class 1 where the probability is at least threshold, else 0."""
    return (predict_proba(X, w, b) >= threshold).astype(int)
