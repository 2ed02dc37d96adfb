import numpy as np
from submission import knn_predict


def _reference(X_train, y_train, X_test, k):
    """Slow but obviously right: sort by (distance, row), count votes, smallest label among the most votes."""
    out = []
    for q in X_test:
        order = sorted(range(len(X_train)), key=lambda i: (float(np.sum((X_train[i] - q) ** 2)), i))[:k]
        counts = {}
        for i in order:
            counts[y_train[i]] = counts.get(y_train[i], 0) + 1
        best = max(counts.values())
        out.append(min(label for label, c in counts.items() if c == best))
    return np.array(out)


def _as_list(a):
    return np.asarray(a).tolist()


def test_example_from_the_task():
    X_train = np.array([[0, 0], [1, 0], [0, 1], [5, 5], [6, 5], [5, 6]], dtype=float)
    y_train = np.array([0, 0, 0, 1, 1, 1])
    X_test = np.array([[1.0, 1.0], [5.0, 4.0], [3.0, 3.0]])
    for k, want in ((1, [0, 1, 1]), (3, [0, 1, 0]), (2, [0, 1, 0])):
        got = knn_predict(X_train, y_train, X_test, k=k)
        assert _as_list(got) == want, f"k={k}: expected {want}, got {_as_list(got)}"


def test_matches_a_brute_force_reference():
    rng = np.random.default_rng(0)
    X_train = rng.normal(size=(60, 3))
    y_train = rng.choice([-4, 2, 9, 15], size=60)
    X_test = rng.normal(size=(25, 3))
    for k in (1, 2, 4, 5, 10):
        got = knn_predict(X_train, y_train, X_test, k)
        want = _reference(X_train, y_train, X_test, k)
        got = np.asarray(got)
        assert got.shape == (25,), f"expected one label per test row, shape (25,), got {got.shape}"
        assert np.array_equal(got, want), (
            f"k={k}: {int(np.sum(got != want))} of 25 predictions differ from the k nearest's majority vote; "
            f"first mismatch at test row {int(np.argmax(got != want))}: expected {want[np.argmax(got != want)]}, "
            f"got {got[np.argmax(got != want)]}")
    assert set(_as_list(knn_predict(X_train, y_train, X_test, 3))) <= {-4, 2, 9, 15}, (
        "predictions must be labels from y_train, not positions or class codes")


def test_vote_ties_go_to_the_smallest_label():
    X_train = np.array([[0.0], [1.0], [-1.0], [2.0], [-2.0]])
    y_train = np.array([7, 7, 3, 3, 5])
    got = knn_predict(X_train, y_train, np.array([[0.0]]), k=4)
    # the 4 nearest of 0 are rows 0, 1, 2 (distance 0, 1, 1) and row 3 (distance 2, before row 4): labels 7, 7, 3, 3
    assert _as_list(got) == [3], (
        f"two votes for 7 and two for 3 is a tie: the smaller label 3 wins, got {_as_list(got)}")
    got = knn_predict(np.array([[0.0], [2.0]]), np.array([9, -1]), np.array([[1.0]]), k=2)
    assert _as_list(got) == [-1], f"one vote each for 9 and -1: the smaller label -1 wins, got {_as_list(got)}"


def test_distance_ties_go_to_the_earlier_training_row():
    X_train = np.array([[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.0, -2.0], [3.0, 3.0]])
    y_train = np.array([4, 1, 1, 0, 4])
    origin = np.array([[0.0, 0.0]])
    got = knn_predict(X_train, y_train, origin, k=1)
    assert _as_list(got) == [4], (
        "four training rows are 2 away from (0, 0); the first of them, row 0 with label 4, is the nearest: "
        f"got {_as_list(got)}")
    got = knn_predict(X_train, y_train, origin, k=3)
    assert _as_list(got) == [1], (
        f"k=3 takes rows 0, 1, 2 of the four tied rows (labels 4, 1, 1), so 1 wins: got {_as_list(got)}")
    reordered = knn_predict(X_train[[3, 0, 1, 2, 4]], y_train[[3, 0, 1, 2, 4]], origin, k=1)
    assert _as_list(reordered) == [0], "with the row labelled 0 moved to the front it becomes the tie winner"


def test_many_distance_ties_on_a_grid():
    rng = np.random.default_rng(5)
    X_train = rng.integers(-3, 4, size=(200, 2)).astype(float)  # small integers: equal distances are exact
    y_train = rng.integers(0, 3, size=200)
    X_test = rng.integers(-3, 4, size=(30, 2)).astype(float)
    for k in (1, 3, 5, 8):
        got = np.asarray(knn_predict(X_train, y_train, X_test, k))
        want = _reference(X_train, y_train, X_test, k)
        assert np.array_equal(got, want), (
            f"k={k}: {int(np.sum(got != want))} of 30 predictions differ when many training rows are equally far; "
            "equally distant rows must be taken in their X_train order (np.argsort(..., kind='stable')) "
            "and a tied vote goes to the smallest label")


def test_k_equal_to_n_and_training_points_themselves():
    rng = np.random.default_rng(1)
    X_train = rng.uniform(0, 10, size=(15, 2))
    y_train = np.array([2] * 6 + [1] * 6 + [3] * 3)
    got = knn_predict(X_train, y_train, rng.uniform(0, 10, size=(4, 2)), k=15)
    assert _as_list(got) == [1] * 4, (
        f"with k = n every training row votes: 6 each for 1 and 2 is a tie, so 1 everywhere; got {_as_list(got)}")
    own = knn_predict(X_train, y_train, X_train, k=1)
    assert np.array_equal(own, y_train), "with k=1 every (distinct) training point is its own nearest neighbour"


def test_larger_data_with_broadcasting():
    rng = np.random.default_rng(2)
    centres = rng.uniform(-8, 8, size=(5, 6))
    labels = rng.integers(0, 5, size=3000)
    X_train = centres[labels] + rng.normal(scale=2.0, size=(3000, 6))
    test_labels = rng.integers(0, 5, size=500)
    X_test = centres[test_labels] + rng.normal(scale=2.0, size=(500, 6))
    got = np.asarray(knn_predict(X_train, labels, X_test, 7))
    assert got.shape == (500,), f"expected 500 predictions, got shape {got.shape}"
    accuracy = np.mean(got == test_labels)
    assert accuracy > 0.8, f"7-NN should label these well-separated clusters >80% right, got {accuracy:.0%}"
    try:
        from sklearn.neighbors import KNeighborsClassifier
    except ImportError:
        return  # optional cross-check: no distance ties in continuous data
    ref = KNeighborsClassifier(n_neighbors=7, algorithm="brute").fit(X_train, labels).predict(X_test)
    assert np.array_equal(got, ref), (
        f"{int(np.sum(got != ref))} of 500 predictions differ from scikit-learn's 7-nearest-neighbour classifier")


def test_inputs_are_not_modified():
    rng = np.random.default_rng(3)
    X_train, y_train, X_test = rng.normal(size=(20, 2)), rng.integers(0, 3, size=20), rng.normal(size=(5, 2))
    saved = [a.copy() for a in (X_train, y_train, X_test)]
    knn_predict(X_train, y_train, X_test, 3)
    for name, before, after in zip(("X_train", "y_train", "X_test"), saved, (X_train, y_train, X_test)):
        assert np.array_equal(before, after), f"knn_predict must not modify {name}"


def test_bad_arguments_raise_value_error():
    X, y, Q = np.zeros((5, 2)), np.arange(5), np.zeros((3, 2))
    cases = (("k=0", (X, y, Q, 0)), ("k=6 with 5 training rows", (X, y, Q, 6)), ("k=2.5", (X, y, Q, 2.5)),
             ("X_test with 3 columns for 2", (X, y, np.zeros((3, 3)), 1)),
             ("a 1-D X_test", (X, y, np.zeros(2), 1)), ("4 labels for 5 rows", (X, y[:4], Q, 1)))
    for what, args in cases:
        try:
            knn_predict(*args)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"knn_predict with {what} should raise ValueError")
