import numpy as np


def relu(z) -> np.ndarray:
    """max(0, z) element-wise, as a new float array of the same shape."""
    raise NotImplementedError("write relu")


def softmax(logits) -> np.ndarray:
    """Softmax over the last axis: every slice along it becomes positive and sums to 1."""
    raise NotImplementedError("write softmax")


def mlp_forward(X, W1, b1, W2, b2) -> tuple[np.ndarray, np.ndarray]:
    """Forward pass of a two-layer network: ReLU hidden layer, softmax output.

    Returns (hidden, probs): the hidden activations (n, h) and the class probabilities (n, k).
    """
    raise NotImplementedError("write mlp_forward")
