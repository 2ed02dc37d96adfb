import numpy as np


def softmax(Z) -> np.ndarray:
    """Row-wise softmax of the (n, K) logits Z; every row sums to 1."""
    raise NotImplementedError("write softmax")


def cross_entropy(Z, y) -> float:
    """Mean of -log softmax(Z)[i, y[i]], computed from the logits so it is always finite."""
    raise NotImplementedError("write cross_entropy")


def gradient_step(X, y, W, b, learning_rate: float) -> tuple[np.ndarray, np.ndarray, float]:
    """One batch gradient-descent step on the mean cross-entropy of softmax(X @ W + b).

    Returns (new_W, new_b, loss), where loss is the cross-entropy before the step.
    """
    raise NotImplementedError("write gradient_step")
