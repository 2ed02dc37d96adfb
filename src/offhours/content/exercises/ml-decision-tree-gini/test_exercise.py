import numpy as np
from submission import DecisionTree


# ---- an independent, deliberately plain reference tree (nested tuples, loops over every threshold) ----

def _gini(y):
    _, counts = np.unique(y, return_counts=True)
    p = counts / len(y)
    return 1.0 - np.sum(p ** 2)


def _majority(y):
    labels, counts = np.unique(y, return_counts=True)  # sorted labels: argmax picks the smallest on ties
    return labels[np.argmax(counts)]


def _reference_split(X, y):
    best = None
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, j] <= t
            g = (left.sum() * _gini(y[left]) + (~left).sum() * _gini(y[~left])) / len(y)
            if best is None or g < best[2] - 1e-12:
                best = (j, t, g)
    return best


def _reference_grow(X, y, depth, max_depth, min_split):
    leaf = ("leaf", _majority(y))
    if (max_depth is not None and depth >= max_depth) or len(y) < min_split or len(np.unique(y)) == 1:
        return leaf
    split = _reference_split(X, y)
    if split is None:
        return leaf
    j, t, _ = split
    left = X[:, j] <= t
    return ("split", j, t, _reference_grow(X[left], y[left], depth + 1, max_depth, min_split),
            _reference_grow(X[~left], y[~left], depth + 1, max_depth, min_split))


def _reference_predict(node, x):
    while node[0] == "split":
        node = node[3] if x[node[1]] <= node[2] else node[4]
    return node[1]


def _reference_depth(node):
    return 0 if node[0] == "leaf" else 1 + max(_reference_depth(node[3]), _reference_depth(node[4]))


def _compare(X, y, X_new, max_depth, min_split, label):
    ref = _reference_grow(X, y, 0, max_depth, min_split)
    tree = DecisionTree(max_depth=max_depth, min_samples_split=min_split).fit(X, y)
    want_depth = _reference_depth(ref)
    got_depth = tree.get_depth()
    assert got_depth == want_depth, f"{label}: expected get_depth() == {want_depth}, got {got_depth}"
    for name, data in (("training rows", X), ("new rows", X_new)):
        want = np.array([_reference_predict(ref, x) for x in data])
        got = np.asarray(tree.predict(data))
        assert got.shape == want.shape, f"{label}: predict should return shape {want.shape}, got {got.shape}"
        wrong = np.flatnonzero(got != want)
        assert wrong.size == 0, (
            f"{label}: {wrong.size} of {len(want)} predictions on {name} differ from the expected tree, "
            f"first at row {wrong[0]}: expected {want[wrong[0]]}, got {got[wrong[0]]}")


# ---- tests ----

def test_example_from_the_task():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y = np.array([0, 1, 1, 0])
    tree = DecisionTree(max_depth=2).fit(X, y)
    assert isinstance(tree, DecisionTree), "fit must return self"
    got = np.asarray(tree.predict(np.array([[0.2, 0.9], [0.8, 0.7]]))).tolist()
    assert got == [1, 0], (
        f"expected [1, 0]: XOR needs a root split that does not lower the impurity, "
        f"then a split in each child; got {got}")
    assert tree.get_depth() == 2, f"expected get_depth() == 2, got {tree.get_depth()}"
    shallow = np.asarray(DecisionTree(max_depth=1).fit(X, y).predict(X)).tolist()
    assert shallow == [0, 0, 0, 0], (
        f"with max_depth=1 both leaves are 50/50 and the tie goes to label 0: expected [0, 0, 0, 0], got {shallow}")


def test_random_data_matches_the_reference_tree():
    rng = np.random.default_rng(0)
    for n, d, max_depth, min_split in ((40, 2, 2, 2), (120, 3, 3, 2), (120, 3, 4, 10), (80, 4, None, 2)):
        X = rng.normal(size=(n, d))
        y = ((X[:, 0] + X[:, 1] ** 2 + 0.5 * rng.normal(size=n)) > 0.5).astype(int)
        X_new = rng.normal(size=(50, d))
        _compare(X, y, X_new, max_depth, min_split, f"n={n}, max_depth={max_depth}, min_samples_split={min_split}")


def test_three_classes_and_other_label_values():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(150, 2))
    y = np.select([X[:, 0] > 0.5, X[:, 1] > 0], [9, 5], default=2)  # labels 2, 5 and 9
    y[rng.random(150) < 0.1] = 5  # a little noise
    _compare(X, y, rng.normal(size=(60, 2)), 3, 2, "three classes labelled 2, 5, 9")
    got = set(np.asarray(DecisionTree(max_depth=3).fit(X, y).predict(X)).tolist())
    assert got <= {2, 5, 9}, f"predictions must be labels seen in training (2, 5, 9), got {sorted(got)}"


def test_repeated_feature_values():
    rng = np.random.default_rng(2)
    X = rng.integers(0, 4, size=(90, 3)).astype(float)  # heavy ties: thresholds only between distinct values
    y = ((X[:, 0] >= 2) ^ (X[:, 2] == 1) ^ (rng.random(90) < 0.1)).astype(int)
    _compare(X, y, rng.integers(0, 4, size=(30, 3)) + 0.25, 3, 2, "integer-valued features")


def test_depth_limit_and_full_growth():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(100, 3))
    y = (rng.random(100) < 0.5).astype(int)  # pure noise: only a deep tree can memorise it
    for depth in (0, 1, 2, 5):
        tree = DecisionTree(max_depth=depth).fit(X, y)
        assert tree.get_depth() <= depth, f"max_depth={depth}: the tree is {tree.get_depth()} splits deep"
    stump = DecisionTree(max_depth=0).fit(X, y)
    want = int(np.bincount(y).argmax())
    got = np.unique(np.asarray(stump.predict(X))).tolist()
    assert got == [want], f"max_depth=0 is a single leaf predicting the majority label {want}, got {got}"
    full = DecisionTree(max_depth=None).fit(X, y)
    accuracy = np.mean(np.asarray(full.predict(X)) == y)
    assert accuracy == 1.0, (
        f"with no depth limit the tree should fit distinct training rows perfectly, accuracy {accuracy}")
    assert full.get_depth() > 5, f"memorising noise needs a deep tree, got depth {full.get_depth()}"


def test_min_samples_split_stops_small_nodes():
    X = np.array([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]])
    y = np.array([0, 0, 1, 1, 0, 1])
    tree = DecisionTree(max_depth=None, min_samples_split=7).fit(X, y)
    assert tree.get_depth() == 0, (
        f"6 samples < min_samples_split=7: the root must stay a leaf, got depth {tree.get_depth()}")
    got = np.asarray(tree.predict(X)).tolist()
    assert got == [0] * 6, f"a 3-3 tie goes to the smaller label 0, got {got}"
    tree = DecisionTree(max_depth=None, min_samples_split=6).fit(X, y)
    assert tree.get_depth() >= 1, "6 samples is not fewer than min_samples_split=6, so the root must split"
    _compare(X, y, X + 0.5, None, 3, "min_samples_split=3 on six points")


def test_inputs_unchanged_and_errors():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(30, 2))
    y = (X[:, 0] > 0).astype(int)
    X0, y0 = X.copy(), y.copy()
    tree = DecisionTree(max_depth=3).fit(X, y)
    tree.predict(X)
    assert np.array_equal(X, X0) and np.array_equal(y, y0), "fit and predict must not modify X or y"
    for what, call, error in (
            ("predict before fit", lambda: DecisionTree().predict(X), RuntimeError),
            ("predict with 3 columns after fitting on 2", lambda: tree.predict(np.ones((2, 3))), ValueError),
            ("DecisionTree(min_samples_split=1)", lambda: DecisionTree(min_samples_split=1), ValueError),
            ("DecisionTree(max_depth=-1)", lambda: DecisionTree(max_depth=-1), ValueError)):
        try:
            call()
        except error:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise {error.__name__}, got {type(exc).__name__}: {exc}")
        raise AssertionError(f"{what} should raise {error.__name__}")


def test_agrees_with_scikit_learn_when_available():
    try:
        from sklearn.tree import DecisionTreeClassifier
    except ImportError:
        return  # optional: the reference tree above already checks every prediction
    rng = np.random.default_rng(5)
    X = rng.normal(size=(200, 3))
    y = (X[:, 0] * X[:, 1] + 0.3 * X[:, 2] > 0).astype(int)
    X_new = rng.normal(size=(200, 3))
    ref = DecisionTreeClassifier(max_depth=4, min_samples_split=5, random_state=0).fit(X, y)
    tree = DecisionTree(max_depth=4, min_samples_split=5).fit(X, y)
    assert tree.get_depth() == ref.get_depth(), (
        f"expected scikit-learn's depth {ref.get_depth()}, got {tree.get_depth()}")
    agree = np.mean(np.asarray(tree.predict(X_new)) == ref.predict(X_new))
    assert agree == 1.0, f"predictions should match scikit-learn's tree on new data, but only {agree:.0%} do"
