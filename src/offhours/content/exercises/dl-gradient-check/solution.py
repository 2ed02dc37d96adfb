import numpy as np


def numerical_gradient(f, x, eps: float = 1e-5) -> np.ndarray:
    """Central-difference estimate of the gradient of the scalar function f at x (any shape)."""
    point = np.array(x, dtype=float)  # a float copy: the caller's x is never touched, ints can move by eps
    grad = np.zeros_like(point)
    for index in np.ndindex(point.shape):  # every entry, whatever the number of dimensions
        original = point[index]
        point[index] = original + eps
        up = float(f(point))
        point[index] = original - eps
        down = float(f(point))
        point[index] = original  # put it back before moving the next entry
        # the symmetric difference cancels the second-order term: its error shrinks like eps**2
        grad[index] = (up - down) / (2 * eps)
    return grad


def relative_error(a, b) -> float:
    """||a - b|| / (||a|| + ||b||), with 0 when both are zero."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"the two gradients must have the same shape, got {a.shape} and {b.shape}")
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def check_gradient(f, grad_f, x, eps: float = 1e-5, tol: float = 1e-6) -> tuple[bool, float]:
    """Compare grad_f(x) with the numerical gradient of f at x: (passed, relative error)."""
    analytic = np.asarray(grad_f(np.array(x, dtype=float)), dtype=float)
    error = relative_error(analytic, numerical_gradient(f, x, eps))
    return error < tol, error


def grad_quadratic(A, x) -> np.ndarray:
    """Gradient of f(x) = x^T A x for a square matrix A, symmetric or not."""
    A, x = np.asarray(A, dtype=float), np.asarray(x, dtype=float)
    # x^T A x = sum_ij x_i A_ij x_j, so df/dx_k = sum_j A_kj x_j + sum_i x_i A_ik = (A x + A^T x)_k
    return (A + A.T) @ x


def grad_logsumexp(x) -> np.ndarray:
    """Gradient of f(x) = log(sum(exp(x))) for a 1-D x: the softmax of x."""
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.max())  # shifting by the maximum keeps exp() from overflowing
    return e / e.sum()
