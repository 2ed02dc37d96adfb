import numpy as np


def conv_output_size(n: int, k: int, stride: int = 1, padding: int = 0) -> int:
    """Length of a convolution's output along one axis: floor((n + 2p - k) / s) + 1."""
    raise NotImplementedError("write conv_output_size")


def conv2d(image, kernel, stride: int = 1, padding: int = 0) -> np.ndarray:
    """2-D cross-correlation of a single-channel image with a kernel, as deep-learning libraries do it."""
    raise NotImplementedError("write conv2d")
