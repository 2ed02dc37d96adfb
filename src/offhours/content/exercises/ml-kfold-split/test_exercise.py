import numpy as np
from submission import kfold_indices


def _as_lists(splits):
    return [(np.asarray(tr).tolist(), np.asarray(te).tolist()) for tr, te in splits]


def test_example_from_the_task():
    got = _as_lists(kfold_indices(7, n_splits=3))
    want = [([3, 4, 5, 6], [0, 1, 2]), ([0, 1, 2, 5, 6], [3, 4]), ([0, 1, 2, 3, 4], [5, 6])]
    assert got == want, f"expected (train, test) pairs {want}, got {got}"


def test_every_index_tested_once_and_train_is_the_rest():
    for n, k, shuffle in ((10, 3, False), (10, 3, True), (23, 5, True), (5, 5, False), (101, 10, True)):
        splits = kfold_indices(n, n_splits=k, shuffle=shuffle, seed=0)
        assert len(splits) == k, f"n={n}, k={k}: expected {k} pairs, got {len(splits)}"
        tests = np.concatenate([np.asarray(te) for _, te in splits])
        assert np.array_equal(np.sort(tests), np.arange(n)), (
            f"n={n}, k={k}, shuffle={shuffle}: every index 0..{n - 1} must be in exactly one test fold")
        for i, (tr, te) in enumerate(splits):
            tr, te = np.asarray(tr), np.asarray(te)
            assert np.issubdtype(tr.dtype, np.integer) and np.issubdtype(te.dtype, np.integer), (
                f"fold {i}: indices must be integer arrays, got {tr.dtype} and {te.dtype}")
            assert np.array_equal(np.sort(np.concatenate([tr, te])), np.arange(n)), (
                f"n={n}, k={k}, fold {i}: train and test together must be every index exactly once")
            assert np.all(np.diff(tr) > 0) and np.all(np.diff(te) > 0), (
                f"n={n}, k={k}, fold {i}: return both arrays sorted in increasing order")


def test_fold_sizes_differ_by_at_most_one_bigger_first():
    for n, k in ((10, 3), (11, 4), (100, 7), (9, 9), (13, 2)):
        sizes = [len(te) for _, te in kfold_indices(n, n_splits=k)]
        want = [n // k + 1] * (n % k) + [n // k] * (k - n % k)
        assert sizes == want, f"n={n}, k={k}: expected test fold sizes {want}, got {sizes}"


def test_shuffle_uses_the_seeded_permutation():
    n, k, seed = 17, 4, 42
    order = np.random.default_rng(seed).permutation(n)
    sizes = [5, 4, 4, 4]
    starts = np.cumsum([0] + sizes)
    got = _as_lists(kfold_indices(n, n_splits=k, shuffle=True, seed=seed))
    for i in range(k):
        want = sorted(order[starts[i]:starts[i + 1]].tolist())
        assert got[i][1] == want, (
            f"fold {i}: expected test indices {want} (block {i} of np.random.default_rng(42).permutation(17)), "
            f"got {got[i][1]}")


def test_same_seed_same_folds_different_seed_different_folds():
    a = _as_lists(kfold_indices(50, n_splits=5, shuffle=True, seed=7))
    b = _as_lists(kfold_indices(50, n_splits=5, shuffle=True, seed=7))
    c = _as_lists(kfold_indices(50, n_splits=5, shuffle=True, seed=8))
    assert a == b, "calling twice with the same seed must give the same folds"
    assert a != c, "different seeds should give different folds"
    plain = _as_lists(kfold_indices(50, n_splits=5))
    assert a != plain, "shuffle=True should not give the consecutive blocks of the unshuffled split"
    assert _as_lists(kfold_indices(50, n_splits=5, seed=3)) == plain, "seed must be ignored when shuffle is False"


def test_bad_numbers_of_splits_raise_value_error():
    for n, k in ((10, 1), (10, 0), (3, 4)):
        try:
            kfold_indices(n, n_splits=k)
        except ValueError:
            continue
        raise AssertionError(f"kfold_indices({n}, n_splits={k}) should raise ValueError")


def test_agrees_with_scikit_learn_when_available():
    try:
        from sklearn.model_selection import KFold
    except ImportError:
        return  # optional: the closed-form fold sizes above already pin the unshuffled split
    X = np.zeros((29, 1))
    want = [(tr.tolist(), te.tolist()) for tr, te in KFold(n_splits=6).split(X)]
    got = _as_lists(kfold_indices(29, n_splits=6))
    assert got == want, f"expected scikit-learn KFold's unshuffled folds {want}, got {got}"
