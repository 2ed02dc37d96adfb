import numpy as np


def conv_output_size(n: int, k: int, stride: int = 1, padding: int = 0) -> int:
    """Length of a convolution's output along one axis: floor((n + 2p - k) / s) + 1."""
    if stride < 1 or padding < 0:
        raise ValueError(f"stride must be at least 1 and padding at least 0, got {stride} and {padding}")
    if k < 1 or k > n + 2 * padding:
        raise ValueError(f"a kernel of size {k} does not fit in {n} + 2*{padding} padded positions")
    return (n + 2 * padding - k) // stride + 1


def conv2d(image, kernel, stride: int = 1, padding: int = 0) -> np.ndarray:
    """2-D cross-correlation of a single-channel image with a kernel, as deep-learning libraries do it."""
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(f"image and kernel must be 2-D, got {image.ndim} and {kernel.ndim} dimensions")
    kh, kw = kernel.shape
    out_h = conv_output_size(image.shape[0], kh, stride, padding)  # also validates the arguments
    out_w = conv_output_size(image.shape[1], kw, stride, padding)

    padded = np.pad(image, padding)  # zeros all round; a new array, so the caller's image is untouched
    out = np.empty((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            top, left = i * stride, j * stride
            # the kernel is NOT flipped: each output is a plain weighted sum of the window under it
            out[i, j] = np.sum(padded[top:top + kh, left:left + kw] * kernel)
    return out
