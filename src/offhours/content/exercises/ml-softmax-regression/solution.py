import numpy as np


def _labels(y, n: int, k: int) -> np.ndarray:
    y = np.asarray(y)
    if y.ndim != 1 or y.shape[0] != n:
        raise ValueError(f"y must be 1-D with {n} labels, got shape {y.shape}")
    if not np.issubdtype(y.dtype, np.integer) or y.min(initial=0) < 0 or y.max(initial=0) >= k:
        raise ValueError(f"y must hold integer labels from 0 to {k - 1}")
    return y


def _logits(Z) -> np.ndarray:
    Z = np.asarray(Z, dtype=float)
    if Z.ndim != 2:
        raise ValueError(f"Z must be 2-D (one row per sample), got {Z.ndim} dimension(s)")
    return Z


def softmax(Z) -> np.ndarray:
    """Row-wise softmax of the (n, K) logits Z; every row sums to 1."""
    Z = _logits(Z)
    # subtracting the row maximum leaves softmax unchanged and keeps every exponent <= 0
    shifted = Z - Z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy(Z, y) -> float:
    """Mean of -log softmax(Z)[i, y[i]], computed from the logits so it is always finite."""
    Z = _logits(Z)
    y = _labels(y, Z.shape[0], Z.shape[1])
    shifted = Z - Z.max(axis=1, keepdims=True)
    # log softmax = z - log(sum(exp(z))); the shift makes the log-sum-exp safe
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(Z.shape[0]), y].mean())


def gradient_step(X, y, W, b, learning_rate: float) -> tuple[np.ndarray, np.ndarray, float]:
    """One batch gradient-descent step on the mean cross-entropy of softmax(X @ W + b).

    Returns (new_W, new_b, loss), where loss is the cross-entropy before the step.
    """
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if X.ndim != 2 or W.ndim != 2 or W.shape[0] != X.shape[1] or b.shape != (W.shape[1],):
        raise ValueError(f"expected X (n, d), W (d, K) and b (K,), got {X.shape}, {W.shape} and {b.shape}")
    n, k = X.shape[0], W.shape[1]
    y = _labels(y, n, k)

    Z = X @ W + b
    loss = cross_entropy(Z, y)
    error = softmax(Z)
    error[np.arange(n), y] -= 1.0  # P - Y without building the one-hot matrix
    grad_W = X.T @ error / n       # (d, K)
    grad_b = error.mean(axis=0)    # (K,)
    # new arrays: the caller's W and b are left as they were
    return W - learning_rate * grad_W, b - learning_rate * grad_b, loss
