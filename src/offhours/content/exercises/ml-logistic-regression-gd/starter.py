import numpy as np


def sigmoid(z) -> np.ndarray:
    """1 / (1 + exp(-z)) element-wise, without overflow for any z."""
    raise NotImplementedError("write sigmoid")


def fit_logistic(X, y, learning_rate: float = 0.1,
                 epochs: int = 1000) -> tuple[np.ndarray, float, np.ndarray]:
    """Logistic regression by batch gradient descent on the mean log loss.

    Returns (w, b, losses), where losses[i] is the log loss just before update i.
    """
    raise NotImplementedError("write fit_logistic")


def predict_proba(X, w, b) -> np.ndarray:
    """P(y = 1 | x) for every row of X."""
    raise NotImplementedError("write predict_proba")


def predict(X, w, b, threshold: float = 0.5) -> np.ndarray:
    """Class 1 where the probability is at least threshold, else 0."""
    raise NotImplementedError("write predict")
