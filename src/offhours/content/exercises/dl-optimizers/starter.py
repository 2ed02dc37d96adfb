import numpy as np


def sgd_step(params: dict, grads: dict, state: dict, lr: float = 0.01) -> dict:
    """Plain gradient descent: theta <- theta - lr * g. SGD keeps no memory, so state is left alone."""
    raise NotImplementedError("write sgd_step")


def momentum_step(params: dict, grads: dict, state: dict, lr: float = 0.01, beta: float = 0.9) -> dict:
    """SGD with momentum: v <- beta * v + g, then theta <- theta - lr * v (one v per parameter)."""
    raise NotImplementedError("write momentum_step")


def adam_step(params: dict, grads: dict, state: dict, lr: float = 0.001, beta1: float = 0.9,
              beta2: float = 0.999, eps: float = 1e-8) -> dict:
    """Adam: running averages of g and g**2, corrected for their start at zero, give a per-entry step."""
    raise NotImplementedError("write adam_step")
