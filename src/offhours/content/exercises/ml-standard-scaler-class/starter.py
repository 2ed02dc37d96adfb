import numpy as np


class StandardScaler:
    """Centre each column on its training mean and divide by its training standard deviation (ddof=0)."""

    def fit(self, X) -> "StandardScaler":
        """Learn mean_, scale_ and n_features_in_ from X and return self."""
        raise NotImplementedError("write fit")

    def transform(self, X) -> np.ndarray:
        """Scale X with the statistics learned by fit."""
        raise NotImplementedError("write transform")

    def fit_transform(self, X) -> np.ndarray:
        """Fit on X, then return X transformed."""
        raise NotImplementedError("write fit_transform")

    def inverse_transform(self, Z) -> np.ndarray:
        """Map scaled values back to the original units."""
        raise NotImplementedError("write inverse_transform")
