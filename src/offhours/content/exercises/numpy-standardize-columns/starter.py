import numpy as np


def standardize(X: np.ndarray) -> np.ndarray:
    """Return a copy of X with every column scaled to mean 0 and standard deviation 1."""
    raise NotImplementedError("write standardize")
