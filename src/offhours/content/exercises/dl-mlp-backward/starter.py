import numpy as np


def mlp_loss_and_grads(X, y, W1, b1, W2, b2) -> tuple[float, dict[str, np.ndarray]]:
    """Mean cross-entropy of a ReLU/softmax two-layer network and its gradient for every parameter.

    Returns (loss, grads) with grads = {"W1": ..., "b1": ..., "W2": ..., "b2": ...}, each the shape of
    the parameter it belongs to.
    """
    raise NotImplementedError("write mlp_loss_and_grads")
