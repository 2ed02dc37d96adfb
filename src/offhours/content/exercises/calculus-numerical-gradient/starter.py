import numpy as np


def numerical_gradient(f, x, h: float | None = None) -> np.ndarray:
    """Central-difference gradient of the scalar function f at the 1-D point x."""
    raise NotImplementedError("write numerical_gradient")


def directional_derivative(f, x, u, h: float | None = None) -> float:
    """Rate of change of f at x in the direction of u, from two evaluations of f."""
    raise NotImplementedError("write directional_derivative")
