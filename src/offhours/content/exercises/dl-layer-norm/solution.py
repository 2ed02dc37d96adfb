import numpy as np


def layer_norm(x, gamma, beta, eps: float = 1e-5) -> np.ndarray:
    """Normalise x over its last axis to mean 0 and variance 1, then scale by gamma and shift by beta."""
    x, gamma, beta = (np.asarray(a, dtype=float) for a in (x, gamma, beta))
    if x.ndim < 1:
        raise ValueError("x must have at least one axis")
    d = x.shape[-1]
    if gamma.shape != (d,) or beta.shape != (d,):
        raise ValueError(f"gamma and beta must have shape ({d},), got {gamma.shape} and {beta.shape}")
    if eps < 0:
        raise ValueError(f"eps must not be negative, got {eps}")

    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    # variance from the centred values (ddof=0): mean(x**2) - mean**2 would cancel catastrophically
    # when the values sit far from zero
    var = np.mean(centred ** 2, axis=-1, keepdims=True)
    normalised = centred / np.sqrt(var + eps)  # eps inside the root keeps a constant row finite
    return gamma * normalised + beta  # (d,) broadcasts over every leading axis
