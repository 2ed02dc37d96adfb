import numpy as np


def power_iteration(A, tol: float = 1e-10, max_iter: int = 1000, seed: int = 0) -> tuple[float, np.ndarray]:
    """The eigenvalue of largest absolute value of the symmetric matrix A, and a unit eigenvector for it."""
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be a square 2-D array, got shape {A.shape}")
    if not np.allclose(A, A.T):
        raise ValueError("A must be symmetric")
    v = np.random.default_rng(seed).normal(size=A.shape[0])
    v /= np.linalg.norm(v)
    for _ in range(max_iter):
        w = A @ v
        eigenvalue = v @ w  # Rayleigh quotient: keeps the sign, unlike the length of w
        # check before rescaling: a zero w (eigenvalue 0) passes here and is never divided by
        if np.linalg.norm(w - eigenvalue * v) <= tol:
            return float(eigenvalue), v
        v = w / np.linalg.norm(w)
    raise RuntimeError(f"power iteration did not converge to tol={tol} in {max_iter} iterations "
                       "(two eigenvalues may tie for the largest absolute value)")
