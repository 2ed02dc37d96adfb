import numpy as np


def causal_mask(n: int) -> np.ndarray:
    """(n, n) boolean mask that is True above the diagonal: query i may not look at keys after i."""
    return np.triu(np.ones((n, n), dtype=bool), k=1)


def scaled_dot_product_attention(Q, K, V, mask=None) -> tuple[np.ndarray, np.ndarray]:
    """softmax(Q K^T / sqrt(d_k)) V over the last two axes; mask True = that key gets zero weight.

    Returns (output, weights) with shapes (..., n_q, d_v) and (..., n_q, n_k).
    """
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    if not Q.ndim == K.ndim == V.ndim or Q.ndim < 2:
        raise ValueError("Q, K and V must have the same number of axes, at least 2")
    if Q.shape[:-2] != K.shape[:-2] or K.shape[:-2] != V.shape[:-2]:
        raise ValueError(f"Q, K and V must share their leading axes, got {Q.shape}, {K.shape}, {V.shape}")
    if Q.shape[-1] != K.shape[-1]:
        raise ValueError(f"queries and keys must have the same length d_k, got {Q.shape[-1]} and {K.shape[-1]}")
    if K.shape[-2] != V.shape[-2]:
        raise ValueError(f"K and V must hold the same number of positions, got {K.shape[-2]} and {V.shape[-2]}")

    d_k = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)  # (..., n_q, n_k)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != bool:
            raise ValueError(f"mask must be a boolean array, got dtype {mask.dtype}")
        try:
            fits = np.broadcast_shapes(mask.shape, scores.shape) == scores.shape
        except ValueError:
            fits = False
        if not fits:
            raise ValueError(f"a mask of shape {mask.shape} does not broadcast to the scores' shape {scores.shape}")
        scores = np.where(mask, -np.inf, scores)  # exp(-inf) is exactly 0: masked keys get no weight

    # stable softmax; a row with every key masked has maximum -inf, so shift it by 0 instead (it stays all -inf)
    row_max = scores.max(axis=-1, keepdims=True)
    e = np.exp(scores - np.where(np.isfinite(row_max), row_max, 0.0))
    total = e.sum(axis=-1, keepdims=True)
    # a fully masked row sums to 0: give it all-zero weights instead of 0 / 0 = NaN
    weights = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
    return weights @ V, weights
