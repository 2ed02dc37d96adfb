import numpy as np


def relu(z) -> np.ndarray:
    """max(0, z) element-wise, as a new float array of the same shape."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def softmax(logits) -> np.ndarray:
    """Softmax over the last axis: every slice along it becomes positive and sums to 1."""
    logits = np.asarray(logits, dtype=float)
    # softmax(z) = softmax(z - c) for any constant c; subtracting the row maximum keeps exp() <= 1
    shifted = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def mlp_forward(X, W1, b1, W2, b2) -> tuple[np.ndarray, np.ndarray]:
    """Forward pass of a two-layer network: ReLU hidden layer, softmax output.

    Returns (hidden, probs): the hidden activations (n, h) and the class probabilities (n, k).
    """
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n samples x d features), got {X.ndim} dimension(s)")
    if W1.ndim != 2 or W1.shape[0] != X.shape[1]:
        raise ValueError(f"W1 must have shape ({X.shape[1]}, h), got {W1.shape}")
    h = W1.shape[1]
    if b1.shape != (h,):
        raise ValueError(f"b1 must have shape ({h},), got {b1.shape}")
    if W2.ndim != 2 or W2.shape[0] != h:
        raise ValueError(f"W2 must have shape ({h}, k), got {W2.shape}")
    if b2.shape != (W2.shape[1],):
        raise ValueError(f"b2 must have shape ({W2.shape[1]},), got {b2.shape}")

    hidden = relu(X @ W1 + b1)  # (n, h): b1 broadcasts across the rows
    probs = softmax(hidden @ W2 + b2)  # (n, k)
    return hidden, probs
