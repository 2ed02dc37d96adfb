import numpy as np

DEFAULT_H = np.finfo(float).eps ** (1 / 3)  # balances truncation (~s²) against rounding (~eps / s)


def _point(x) -> np.ndarray:
    point = np.array(x, dtype=float)  # a private float copy: the caller's x is never touched
    if point.ndim != 1:
        raise ValueError(f"x must be 1-D, got {point.ndim} dimension(s)")
    return point


def _step_size(h: float | None) -> float:
    if h is None:
        return DEFAULT_H
    if not h > 0:
        raise ValueError(f"h must be positive, got {h}")
    return float(h)


def _scalar(value) -> float:
    """f's result as a float, refusing arrays (even an array with one element)."""
    if np.ndim(value) != 0:
        raise ValueError(f"f must return a single number, got an array of shape {np.shape(value)}")
    return float(value)


def numerical_gradient(f, x, h: float | None = None) -> np.ndarray:
    """Central-difference gradient of the scalar function f at the 1-D point x."""
    point = _point(x)
    h = _step_size(h)
    grad = np.zeros_like(point)
    for i in range(point.size):
        original = point[i]
        step = h * max(1.0, abs(original))  # relative step, but never smaller than h itself
        point[i] = original + step
        up = _scalar(f(point))
        point[i] = original - step
        down = _scalar(f(point))
        point[i] = original  # restore by assignment, which is exact (arithmetic may not be)
        grad[i] = (up - down) / (2 * step)
    return grad


def directional_derivative(f, x, u, h: float | None = None) -> float:
    """Rate of change of f at x in the direction of u, from two evaluations of f."""
    point = _point(x)
    direction = np.array(u, dtype=float)
    if direction.shape != point.shape:
        raise ValueError(f"u must have the shape of x, {point.shape}, got {direction.shape}")
    length = np.linalg.norm(direction)
    if length == 0:
        raise ValueError("u must not be the zero vector: it has no direction")
    unit = direction / length  # only the direction counts
    step = _step_size(h) * max(1.0, np.linalg.norm(point))
    # one central difference along the line through x: two calls, whatever the dimension
    return (_scalar(f(point + step * unit)) - _scalar(f(point - step * unit))) / (2 * step)
