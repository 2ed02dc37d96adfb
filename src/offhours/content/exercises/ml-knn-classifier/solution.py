import numpy as np


def knn_predict(X_train, y_train, X_test, k: int) -> np.ndarray:
    """Label every row of X_test by a majority vote of its k nearest training rows (Euclidean distance).

    Ties in distance go to the training row that comes first; ties in the vote go to the smallest label.
    """
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_train.shape[1] != X_test.shape[1]:
        raise ValueError(f"X_train and X_test must be 2-D with the same number of columns, "
                         f"got shapes {X_train.shape} and {X_test.shape}")
    n = X_train.shape[0]
    if y_train.ndim != 1 or y_train.shape[0] != n:
        raise ValueError(f"y_train must be 1-D with {n} labels, got shape {y_train.shape}")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= n:
        raise ValueError(f"k must be a whole number from 1 to {n}, got {k!r}")

    # squared distances keep the same order as the distances, so no square root is needed;
    # (m, 1, d) - (1, n, d) broadcasts to every test row against every training row
    squared = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    # a stable sort keeps equally distant training rows in their original order
    nearest = np.argsort(squared, axis=1, kind="stable")[:, :k]

    # np.unique sorts the labels, so codes 0..C-1 follow label order and argmax's first maximum
    # (the lowest code) is the smallest label among those tied
    labels, codes = np.unique(y_train, return_inverse=True)
    votes = (codes[nearest][:, :, None] == np.arange(len(labels))).sum(axis=1)  # (m, C) counts
    return labels[votes.argmax(axis=1)]
