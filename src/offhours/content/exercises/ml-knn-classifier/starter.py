import numpy as np


def knn_predict(X_train, y_train, X_test, k: int) -> np.ndarray:
    """Label every row of X_test by a majority vote of its k nearest training rows (Euclidean distance).

    Ties in distance go to the training row that comes first; ties in the vote go to the smallest label.
    """
    raise NotImplementedError("write knn_predict")
