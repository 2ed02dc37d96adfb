import numpy as np


class StandardScaler:
    """Centre each column on its training mean and divide by its training standard deviation (ddof=0)."""

    def __init__(self) -> None:
        # nothing is learned until fit: these stay None so transform can tell
        self.mean_: np.ndarray | None = None
        self.scale_: np.ndarray | None = None
        self.n_features_in_: int | None = None

    @staticmethod
    def _as_2d(X) -> np.ndarray:
        X = np.asarray(X, dtype=float)
        if X.ndim != 2:
            raise ValueError(f"expected a 2-D array (samples x features), got {X.ndim} dimension(s)")
        return X

    def _check(self, X) -> np.ndarray:
        if self.mean_ is None:
            raise RuntimeError("this StandardScaler is not fitted yet: call fit first")
        X = self._as_2d(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {X.shape[1]} columns, but the scaler was fitted on {self.n_features_in_}")
        return X

    def fit(self, X) -> "StandardScaler":
        """Learn mean_, scale_ and n_features_in_ from X and return self."""
        X = self._as_2d(X)
        std = X.std(axis=0)
        self.mean_ = X.mean(axis=0)
        self.scale_ = np.where(std == 0, 1.0, std)  # a constant column is centred, never divided by 0
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X) -> np.ndarray:
        """Scale X with the statistics learned by fit."""
        X = self._check(X)
        return (X - self.mean_) / self.scale_  # arithmetic makes a new array: X is untouched

    def fit_transform(self, X) -> np.ndarray:
        """Fit on X, then return X transformed."""
        return self.fit(X).transform(X)

    def inverse_transform(self, Z) -> np.ndarray:
        """Map scaled values back to the original units."""
        Z = self._check(Z)
        return Z * self.scale_ + self.mean_
