import numpy as np

TIE = 1e-12


class _Node:
    """A leaf when `feature` is None; otherwise samples with x[feature] <= threshold go left."""

    def __init__(self, label: int) -> None:
        self.label = label  # index into classes_ of the majority label, used when this is a leaf
        self.feature: int | None = None
        self.threshold = 0.0
        self.left: "_Node | None" = None
        self.right: "_Node | None" = None


def _best_split(X: np.ndarray, onehot: np.ndarray) -> tuple[int, float] | None:
    """The (feature, threshold) with the lowest weighted Gini impurity, by the stump's tie rules."""
    n = X.shape[0]
    n_left = np.arange(1, n)[:, None]
    n_right = n - n_left
    total = onehot.sum(axis=0)
    best: tuple[int, float, float] | None = None
    for j in range(X.shape[1]):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        # class counts on the left of every split position at once, one row per position
        left = np.cumsum(onehot[order], axis=0)[:-1]
        right = total - left
        gini_left = 1 - np.sum((left / n_left) ** 2, axis=1)
        gini_right = 1 - np.sum((right / n_right) ** 2, axis=1)
        weighted = (n_left[:, 0] * gini_left + n_right[:, 0] * gini_right) / n
        distinct = np.flatnonzero(xs[1:] > xs[:-1])  # never cut between equal values
        if distinct.size == 0:
            continue
        scores = weighted[distinct]
        i = distinct[np.flatnonzero(scores <= scores.min() + TIE)[0]]  # smallest threshold among ties
        if best is None or weighted[i] < best[2] - TIE:  # a later feature must be clearly better
            best = (j, float((xs[i] + xs[i + 1]) / 2), float(weighted[i]))
    return None if best is None else (best[0], best[1])


class DecisionTree:
    """A classification tree grown with Gini impurity, limited by max_depth and min_samples_split."""

    def __init__(self, max_depth: int | None = 3, min_samples_split: int = 2) -> None:
        if max_depth is not None and max_depth < 0:
            raise ValueError(f"max_depth must be None or >= 0, got {max_depth}")
        if min_samples_split < 2:
            raise ValueError(f"min_samples_split must be at least 2, got {min_samples_split}")
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self._root: _Node | None = None

    def fit(self, X: np.ndarray, y: np.ndarray) -> "DecisionTree":
        """Grow the tree from training data and return self."""
        X = np.asarray(X, dtype=float)
        # work with class numbers 0..K-1 (sorted labels), so bincount and argmax give the smallest label on ties
        self.classes_, codes = np.unique(np.asarray(y), return_inverse=True)
        self.n_features_in_ = X.shape[1]
        onehot = np.eye(self.classes_.size)[codes]
        self._root = self._grow(X, onehot, depth=0)
        return self

    def _grow(self, X: np.ndarray, onehot: np.ndarray, depth: int) -> _Node:
        counts = onehot.sum(axis=0)
        node = _Node(label=int(np.argmax(counts)))  # argmax returns the first, i.e. smallest, tied class
        n = X.shape[0]
        if (self.max_depth is not None and depth >= self.max_depth) or n < self.min_samples_split \
                or counts.max() == n:
            return node
        split = _best_split(X, onehot)
        if split is None:  # every feature is constant here
            return node
        node.feature, node.threshold = split
        go_left = X[:, node.feature] <= node.threshold
        node.left = self._grow(X[go_left], onehot[go_left], depth + 1)
        node.right = self._grow(X[~go_left], onehot[~go_left], depth + 1)
        return node

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Return one predicted label per row of X."""
        if self._root is None:
            raise RuntimeError("this DecisionTree is not fitted yet: call fit first")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.n_features_in_:
            raise ValueError(f"X must have {self.n_features_in_} columns, got shape {X.shape}")
        codes = np.empty(X.shape[0], dtype=int)
        self._route(self._root, X, np.arange(X.shape[0]), codes)
        return self.classes_[codes]

    def _route(self, node: _Node, X: np.ndarray, rows: np.ndarray, out: np.ndarray) -> None:
        """Send a whole batch of rows down the tree at once, filling in their leaf's class."""
        if node.feature is None:
            out[rows] = node.label
            return
        go_left = X[rows, node.feature] <= node.threshold
        assert node.left is not None and node.right is not None
        self._route(node.left, X, rows[go_left], out)
        self._route(node.right, X, rows[~go_left], out)

    def get_depth(self) -> int:
        """Return the number of splits on the longest root-to-leaf path."""
        if self._root is None:
            raise RuntimeError("this DecisionTree is not fitted yet: call fit first")

        def depth(node: "_Node | None") -> int:
            if node is None or node.feature is None:
                return 0
            return 1 + max(depth(node.left), depth(node.right))

        return depth(self._root)
