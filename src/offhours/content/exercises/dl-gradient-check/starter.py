import numpy as np


def numerical_gradient(f, x, eps: float = 1e-5) -> np.ndarray:
    """Central-difference estimate of the gradient of the scalar function f at x (any shape)."""
    raise NotImplementedError("write numerical_gradient")


def relative_error(a, b) -> float:
    """||a - b|| / (||a|| + ||b||), with 0 when both are zero."""
    raise NotImplementedError("write relative_error")


def check_gradient(f, grad_f, x, eps: float = 1e-5, tol: float = 1e-6) -> tuple[bool, float]:
    """Compare grad_f(x) with the numerical gradient of f at x: (passed, relative error)."""
    raise NotImplementedError("write check_gradient")


def grad_quadratic(A, x) -> np.ndarray:
    """Gradient of f(x) = x^T A x for a square matrix A, symmetric or not."""
    raise NotImplementedError("write grad_quadratic")


def grad_logsumexp(x) -> np.ndarray:
    """Gradient of f(x) = log(sum(exp(x))) for a 1-D x: the softmax of x."""
    raise NotImplementedError("write grad_logsumexp")
