import numpy as np


class GaussianNaiveBayes:
    """Gaussian naive Bayes: per class, every feature is an independent normal distribution."""

    def __init__(self, var_floor: float = 1e-9):
        raise NotImplementedError("write __init__")

    def fit(self, X, y) -> "GaussianNaiveBayes":
        """Learn classes_, priors_, means_ and variances_ from X (n, d) and labels y (n,); return self."""
        raise NotImplementedError("write fit")

    def predict_log_proba(self, X) -> np.ndarray:
        """log P(class | x), shape (m, C), columns in the order of classes_."""
        raise NotImplementedError("write predict_log_proba")

    def predict(self, X) -> np.ndarray:
        """The most probable class for every row; ties go to the first (smallest) class."""
        raise NotImplementedError("write predict")
