import numpy as np


def standardize(X: np.ndarray) -> np.ndarray:
    """Return a copy of X with every column scaled to mean 0 and standard deviation 1."""
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    safe = np.where(std == 0, 1.0, std)  # constant columns become zeros, not NaN
    return (X - mean) / safe
