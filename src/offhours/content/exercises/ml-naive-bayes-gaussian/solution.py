import numpy as np


class GaussianNaiveBayes:
    """Gaussian naive Bayes: per class, every feature is an independent normal distribution."""

    def __init__(self, var_floor: float = 1e-9):
        if not var_floor > 0:
            raise ValueError(f"var_floor must be positive, got {var_floor}")
        self.var_floor = var_floor

    def fit(self, X, y) -> "GaussianNaiveBayes":
        """Learn classes_, priors_, means_ and variances_ from X (n, d) and labels y (n,); return self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError(f"X must be 2-D with at least one row, got shape {X.shape}")
        if y.ndim != 1 or y.shape[0] != X.shape[0]:
            raise ValueError(f"y must be 1-D with {X.shape[0]} labels, got shape {y.shape}")
        self.classes_, codes, counts = np.unique(y, return_inverse=True, return_counts=True)
        self.priors_ = counts / X.shape[0]
        # one row of statistics per class; population variance (ddof=0) is the maximum-likelihood estimate
        self.means_ = np.array([X[codes == c].mean(axis=0) for c in range(len(self.classes_))])
        variances = np.array([X[codes == c].var(axis=0) for c in range(len(self.classes_))])
        # a feature that is constant within a class has variance 0: the floor avoids dividing by it
        self.variances_ = np.maximum(variances, self.var_floor)
        return self

    def _joint_log_likelihood(self, X) -> np.ndarray:
        """log P(class) + log P(x | class) for every row and class, shape (m, C)."""
        if not hasattr(self, "means_"):
            raise RuntimeError("call fit before predicting")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.means_.shape[1]:
            raise ValueError(f"X must be 2-D with {self.means_.shape[1]} columns, got shape {X.shape}")
        # (m, 1, d) against (1, C, d): every row against every class's normal distributions
        diff = X[:, None, :] - self.means_[None, :, :]
        log_density = -0.5 * (np.log(2 * np.pi * self.variances_)[None, :, :] + diff ** 2 / self.variances_[None, :, :])
        # naive Bayes: the features are independent given the class, so their log densities add up
        return np.log(self.priors_)[None, :] + log_density.sum(axis=2)

    def predict_log_proba(self, X) -> np.ndarray:
        """log P(class | x), shape (m, C), columns in the order of classes_."""
        joint = self._joint_log_likelihood(X)
        # subtract log P(x) = log-sum-exp of the joint, shifted by the row maximum so exp cannot underflow to 0/0
        top = joint.max(axis=1, keepdims=True)
        return joint - (top + np.log(np.exp(joint - top).sum(axis=1, keepdims=True)))

    def predict(self, X) -> np.ndarray:
        """The most probable class for every row; ties go to the first (smallest) class."""
        joint = self._joint_log_likelihood(X)  # normalising would not change which column is largest
        return self.classes_[joint.argmax(axis=1)]
