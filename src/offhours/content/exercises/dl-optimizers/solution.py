import numpy as np


def _check(params: dict, grads: dict, lr: float) -> None:
    if set(params) != set(grads):
        raise ValueError(f"params and grads must have the same names, got {sorted(params)} and {sorted(grads)}")
    for name in params:
        if np.shape(params[name]) != np.shape(grads[name]):
            raise ValueError(f"grads[{name!r}] has shape {np.shape(grads[name])}, "
                             f"but params[{name!r}] has shape {np.shape(params[name])}")
    if lr <= 0:
        raise ValueError(f"lr must be positive, got {lr}")


def sgd_step(params: dict, grads: dict, state: dict, lr: float = 0.01) -> dict:
    """Plain gradient descent: theta <- theta - lr * g. SGD keeps no memory, so state is left alone."""
    _check(params, grads, lr)
    return {name: np.asarray(params[name], dtype=float) - lr * np.asarray(grads[name], dtype=float)
            for name in params}


def momentum_step(params: dict, grads: dict, state: dict, lr: float = 0.01, beta: float = 0.9) -> dict:
    """SGD with momentum: v <- beta * v + g, then theta <- theta - lr * v (one v per parameter)."""
    _check(params, grads, lr)
    velocity = state.setdefault("velocity", {})
    new = {}
    for name in params:
        g = np.asarray(grads[name], dtype=float)
        # a new array every step (never += into it), so the state never shares memory with grads
        velocity[name] = beta * velocity.get(name, np.zeros_like(g)) + g
        new[name] = np.asarray(params[name], dtype=float) - lr * velocity[name]
    return new


def adam_step(params: dict, grads: dict, state: dict, lr: float = 0.001, beta1: float = 0.9,
              beta2: float = 0.999, eps: float = 1e-8) -> dict:
    """Adam: running averages of g and g**2, corrected for their start at zero, give a per-entry step."""
    _check(params, grads, lr)
    state["t"] = t = state.get("t", 0) + 1
    m, v = state.setdefault("m", {}), state.setdefault("v", {})
    new = {}
    for name in params:
        g = np.asarray(grads[name], dtype=float)
        m[name] = beta1 * m.get(name, np.zeros_like(g)) + (1 - beta1) * g
        v[name] = beta2 * v.get(name, np.zeros_like(g)) + (1 - beta2) * g ** 2
        # both averages start at 0 and are biased towards it early on; dividing by 1 - beta**t undoes that
        m_hat = m[name] / (1 - beta1 ** t)
        v_hat = v[name] / (1 - beta2 ** t)
        new[name] = np.asarray(params[name], dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new
