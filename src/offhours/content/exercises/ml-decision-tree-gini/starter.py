import numpy as np


class DecisionTree:
    """A classification tree grown with Gini impurity, limited by max_depth and min_samples_split."""

    def __init__(self, max_depth: int | None = 3, min_samples_split: int = 2) -> None:
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X: np.ndarray, y: np.ndarray) -> "DecisionTree":
        """Grow the tree from training data and return self."""
        raise NotImplementedError("write fit")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Return one predicted label per row of X."""
        raise NotImplementedError("write predict")

    def get_depth(self) -> int:
        """Return the number of splits on the longest root-to-leaf path."""
        raise NotImplementedError("write get_depth")
