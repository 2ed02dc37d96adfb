import numpy as np


def one_hot(labels, num_classes: int | None = None) -> np.ndarray:
    """One row per label with a 1.0 in that label's column: shape (len(labels), num_classes)."""
    values = np.asarray(labels, dtype=float)  # floats first, so 1.5 and NaN can be caught
    if values.ndim != 1:
        raise ValueError(f"labels must be 1-D, got {values.ndim} dimension(s)")
    if np.any(values != np.floor(values)):  # NaN != NaN, so NaN is caught here too
        raise ValueError("labels must be whole numbers")
    if np.any(values < 0):
        raise ValueError("labels must not be negative")
    codes = values.astype(int)
    if num_classes is None:
        num_classes = int(codes.max()) + 1 if codes.size else 0  # count unseen classes below the max too
    if num_classes < 0 or (codes.size and codes.max() >= num_classes):
        raise ValueError(f"every label must be below num_classes={num_classes}")
    encoded = np.zeros((codes.size, num_classes))
    # fancy indexing: row i, column codes[i], for every i at once
    encoded[np.arange(codes.size), codes] = 1.0
    return encoded
