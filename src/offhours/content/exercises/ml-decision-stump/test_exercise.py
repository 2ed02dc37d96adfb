import numpy as np
from submission import best_stump


def _gini(labels):
    p = np.mean(labels)
    return 2 * p * (1 - p)


def _impurity(x, y, t):
    left = x <= t
    n = len(y)
    return (left.sum() * _gini(y[left]) + (~left).sum() * _gini(y[~left])) / n


def _brute_force(X, y):
    """Every feature, every midpoint, one at a time: slow but obviously right."""
    best = None
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            g = _impurity(X[:, j], y, t)
            if best is None or g < best[2] - 1e-12:
                best = (j, float(t), float(g))
    return best


def _check_against_brute_force(X, y, label):
    want = _brute_force(X, y)
    got = best_stump(X, y)
    assert got is not None, f"{label}: expected {want}, got None"
    assert len(got) == 3, f"{label}: return (feature, threshold, impurity), got {got}"
    j, t, g = got
    assert np.isclose(g, want[2]), f"{label}: the lowest weighted Gini impurity is {want[2]:.6f}, got {g}"
    assert np.isclose(_impurity(X[:, j], y, t), g), (
        f"{label}: splitting feature {j} at {t} gives impurity {_impurity(X[:, j], y, t):.6f}, but you returned {g}")
    assert (j, round(t, 9)) == (want[0], round(want[1], 9)), (
        f"{label}: expected feature {want[0]} at threshold {want[1]} (ties go to the smallest feature, "
        f"then the smallest threshold), got feature {j} at {t}")


def test_examples_from_the_task():
    X = np.array([[7.0, 2.0], [1.0, 3.0], [3.0, 1.0], [6.0, 4.0], [2.0, 5.0]])
    got = best_stump(X, np.array([0, 1, 0, 1, 1]))
    assert got is not None and (got[0], got[1]) == (1, 2.5) and np.isclose(got[2], 0.0), (
        f"expected (1, 2.5, 0.0): feature 1 at 2.5 separates the classes perfectly, got {got}")
    got = best_stump(np.array([[1.0], [2.0], [3.0], [4.0]]), np.array([0, 1, 1, 0]))
    assert got is not None and (got[0], got[1]) == (0, 1.5) and np.isclose(got[2], 1 / 3), (
        f"expected (0, 1.5, 0.3333): 1.5 and 3.5 tie at 1/3 and the smaller threshold wins, got {got}")


def test_returns_python_types_and_leaves_inputs_alone():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 3))
    y = (X[:, 2] + 0.5 * rng.normal(size=30) > 0).astype(int)
    X0, y0 = X.copy(), y.copy()
    j, t, g = best_stump(X, y)
    assert isinstance(j, (int, np.integer)) and isinstance(t, float) and isinstance(g, float), (
        f"return (int, float, float), got ({type(j).__name__}, {type(t).__name__}, {type(g).__name__})")
    assert np.array_equal(X, X0) and np.array_equal(y, y0), "X and y must not be modified"


def test_random_data_matches_brute_force():
    rng = np.random.default_rng(1)
    for trial, (n, d) in enumerate(((12, 2), (40, 4), (150, 5))):
        X = rng.normal(size=(n, d))
        y = (X[:, trial] + rng.normal(size=n) > 0.3).astype(int)
        _check_against_brute_force(X, y, f"random data {n}x{d}")


def test_repeated_values_and_integer_features():
    rng = np.random.default_rng(2)
    X = rng.integers(0, 5, size=(60, 3)).astype(float)  # many equal values: thresholds only between distinct ones
    y = ((X[:, 1] >= 2) ^ (rng.random(60) < 0.2)).astype(int)
    _check_against_brute_force(X, y, "integer-valued features")
    j, t, _ = best_stump(X, y)
    assert t not in set(X[:, j]) and t % 1 == 0.5, (
        f"thresholds are midpoints between distinct values (here x.5), got {t}")


def test_never_splits_between_equal_values():
    # cutting between the two samples with value 2 would look perfect, but no threshold can do that
    x = np.array([[1.0], [1.0], [2.0], [2.0], [2.0], [3.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    got = best_stump(x, y)
    assert got is not None and got[1] == 1.5 and np.isclose(got[2], 0.25), (
        f"expected (0, 1.5, 0.25): equal values always go to the same side, so only 1.5 and 2.5 are "
        f"candidates, got {got}")


def test_ties_prefer_the_smaller_feature_index():
    rng = np.random.default_rng(3)
    x = rng.normal(size=25)
    y = (x > 0.2).astype(int)
    X = np.column_stack([rng.normal(size=25), x, x])  # features 1 and 2 are identical and both perfect
    got = best_stump(X, y)
    assert got is not None and got[0] == 1 and np.isclose(got[2], 0.0), (
        f"features 1 and 2 are copies that both split perfectly: the tie goes to feature 1, got {got}")


def test_constant_columns_and_no_split():
    X = np.array([[5.0, 1.0], [5.0, 2.0], [5.0, 3.0], [5.0, 4.0]])
    got = best_stump(X, np.array([0, 0, 1, 1]))
    assert got is not None and (got[0], got[1]) == (1, 2.5), (
        f"column 0 is constant and offers no split, so expect feature 1 at 2.5, got {got}")
    got = best_stump(np.full((4, 2), 3.0), np.array([0, 1, 0, 1]))
    assert got is None, f"every column constant: there is no candidate split, expected None, got {got}"
    got = best_stump(np.array([[1.0, 2.0]]), np.array([1]))
    assert got is None, f"a single sample cannot be split, expected None, got {got}"


def test_larger_data_is_fast_enough():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(2000, 10))
    y = (X[:, 7] - X[:, 3] + rng.normal(size=2000) > 0).astype(int)
    got = best_stump(X, y)
    values = np.sort(X[:, 7])
    # closed form for the best feature, via cumulative counts in the sorted order
    ys = y[np.argsort(X[:, 7])]
    n_left = np.arange(1, 2000)
    p_l = np.cumsum(ys)[:-1] / n_left
    p_r = (ys.sum() - np.cumsum(ys)[:-1]) / (2000 - n_left)
    g = (n_left * 2 * p_l * (1 - p_l) + (2000 - n_left) * 2 * p_r * (1 - p_r)) / 2000
    i = int(np.argmin(g))
    assert got is not None and got[0] == 7, f"feature 7 carries the strongest signal, expected it to win, got {got}"
    assert np.isclose(got[2], g[i]) and np.isclose(got[1], (values[i] + values[i + 1]) / 2), (
        f"expected feature 7 at {(values[i] + values[i + 1]) / 2:.6f} with impurity {g[i]:.6f}, got {got}")


def test_agrees_with_scikit_learn_when_available():
    try:
        from sklearn.tree import DecisionTreeClassifier
    except ImportError:
        return  # optional: the brute-force search above already checks the answer
    rng = np.random.default_rng(5)
    X = rng.normal(size=(200, 4))
    y = (X[:, 0] * X[:, 1] + X[:, 2] > 0).astype(int)
    tree = DecisionTreeClassifier(max_depth=1, random_state=0).fit(X, y).tree_
    n = tree.n_node_samples
    want = (n[1] * tree.impurity[1] + n[2] * tree.impurity[2]) / n[0]
    got = best_stump(X, y)
    assert got is not None and np.isclose(got[2], want), f"expected scikit-learn's stump impurity {want:.6f}, got {got}"
