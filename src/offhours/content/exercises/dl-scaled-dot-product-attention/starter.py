import numpy as np


def causal_mask(n: int) -> np.ndarray:
    """(n, n) boolean mask that is True above the diagonal: query i may not look at keys after i."""
    raise NotImplementedError("write causal_mask")


def scaled_dot_product_attention(Q, K, V, mask=None) -> tuple[np.ndarray, np.ndarray]:
    """softmax(Q K^T / sqrt(d_k)) V over the last two axes; mask True = that key gets zero weight.

    Returns (output, weights) with shapes (..., n_q, d_v) and (..., n_q, n_k).
    """
    raise NotImplementedError("write scaled_dot_product_attention")
