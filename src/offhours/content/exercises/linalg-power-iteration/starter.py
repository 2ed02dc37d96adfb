import numpy as np


def power_iteration(A, tol: float = 1e-10, max_iter: int = 1000, seed: int = 0) -> tuple[float, np.ndarray]:
    """The eigenvalue of largest absolute value of the symmetric matrix A, and a unit eigenvector for it."""
    raise NotImplementedError("write power_iteration")
