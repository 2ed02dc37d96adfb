import numpy as np


def layer_norm(x, gamma, beta, eps: float = 1e-5) -> np.ndarray:
    """Normalise x over its last axis to mean 0 and variance 1, then scale by gamma and shift by beta."""
    raise NotImplementedError("write layer_norm")
