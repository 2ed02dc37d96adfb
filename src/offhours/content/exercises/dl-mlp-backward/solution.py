import numpy as np


def mlp_loss_and_grads(X, y, W1, b1, W2, b2) -> tuple[float, dict[str, np.ndarray]]:
    """Mean cross-entropy of a ReLU/softmax two-layer network and its gradient for every parameter.

    Returns (loss, grads) with grads = {"W1": ..., "b1": ..., "W2": ..., "b2": ...}, each the shape of
    the parameter it belongs to.
    """
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    y = np.asarray(y)
    n, k = X.shape[0], W2.shape[1]
    if y.shape != (n,):
        raise ValueError(f"y must hold one label per row of X, shape ({n},), got {y.shape}")
    if not np.issubdtype(y.dtype, np.integer) or y.min(initial=0) < 0 or y.max(initial=0) >= k:
        raise ValueError(f"y must hold integer class labels from 0 to {k - 1}")

    # forward pass, keeping what the backward pass needs
    Z1 = X @ W1 + b1
    H = np.maximum(Z1, 0.0)
    Z2 = H @ W2 + b2
    shifted = Z2 - Z2.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))  # log-softmax, never log(0)
    rows = np.arange(n)
    loss = -log_probs[rows, y].mean()

    # backward pass: the chain rule, one node at a time, from the loss back to the inputs
    dZ2 = np.exp(log_probs)  # softmax probabilities ...
    dZ2[rows, y] -= 1.0  # ... minus the one-hot labels: the gradient of cross-entropy w.r.t. the logits
    dZ2 /= n  # the loss is a mean over the batch
    grads = {"W2": H.T @ dZ2, "b2": dZ2.sum(axis=0)}
    dH = dZ2 @ W2.T
    dZ1 = dH * (Z1 > 0)  # ReLU passes the gradient only where its input was positive
    grads["W1"] = X.T @ dZ1
    grads["b1"] = dZ1.sum(axis=0)
    return float(loss), grads
