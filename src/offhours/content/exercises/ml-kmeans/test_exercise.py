import numpy as np
from submission import kmeans


def _blobs(rng, centres, per_blob, spread):
    centres = np.asarray(centres, dtype=float)
    return np.concatenate([c + spread * rng.normal(size=(per_blob, centres.shape[1])) for c in centres])


def _squared(X, C):
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)


def test_example_from_the_task():
    X = np.array([[0, 0], [0, 1], [1, 0], [5, 5], [5, 6], [6, 5]], dtype=float)
    centroids, labels, inertia = kmeans(X, 2, init=np.array([[0.0, 0.0], [1.0, 0.0]]))
    want = [[1 / 3, 1 / 3], [16 / 3, 16 / 3]]
    assert np.allclose(centroids, want), (
        f"expected centroids {np.round(want, 4).tolist()}, got {np.round(centroids, 4).tolist()}")
    assert np.asarray(labels).tolist() == [0, 0, 0, 1, 1, 1], (
        f"expected labels [0, 0, 0, 1, 1, 1], got {np.asarray(labels).tolist()}")
    assert np.isclose(inertia, 8 / 3), f"expected inertia 8/3 = 2.6667, got {inertia}"


def test_result_is_a_fixed_point_of_lloyds_algorithm():
    rng = np.random.default_rng(0)
    X = _blobs(rng, [[0, 0], [6, 0], [3, 5]], 40, 1.0)
    centroids, labels, inertia = kmeans(X, 3, seed=1)
    centroids, labels = np.asarray(centroids), np.asarray(labels)
    assert centroids.shape == (3, 2) and labels.shape == (120,), (
        f"expected centroids of shape (3, 2) and labels of shape (120,), got {centroids.shape} and {labels.shape}")
    assert np.issubdtype(labels.dtype, np.integer), f"labels should be integers, got {labels.dtype}"
    nearest = _squared(X, centroids).argmin(axis=1)
    assert np.array_equal(labels, nearest), "every sample's label must be the index of its nearest returned centroid"
    for c in range(3):
        assert np.allclose(centroids[c], X[labels == c].mean(axis=0)), (
            f"after convergence centroid {c} must be the mean of the samples labelled {c}")
    want = float(np.sum((X - centroids[labels]) ** 2))
    assert np.isclose(inertia, want), (
        f"inertia should be the sum of squared distances to the labelled centroids, {want:.4f}, got {inertia}")


def test_one_update_from_given_centroids():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(50, 3))
    init = X[[0, 1, 2, 3]] + 0.1
    # closed form: one assignment, one update, then the labels and inertia for those centroids
    first = _squared(X, init).argmin(axis=1)
    want = np.array([X[first == c].mean(axis=0) if np.any(first == c) else init[c] for c in range(4)])
    centroids, labels, inertia = kmeans(X, 4, init=init, max_iter=1)
    assert np.allclose(centroids, want), (
        "max_iter=1 allows exactly one update: each centroid the mean of its first-round samples")
    assert np.array_equal(np.asarray(labels), _squared(X, want).argmin(axis=1)), (
        "the returned labels must be the nearest of the returned centroids, even when max_iter stops the loop")
    assert np.isclose(inertia, _squared(X, want).min(axis=1).sum()), "inertia must match the returned centroids"


def test_seeded_random_start_and_reproducibility():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(30, 2))
    rows = np.random.default_rng(7).choice(30, size=4, replace=False)
    start, _, _ = kmeans(X, 4, max_iter=0, seed=7)
    assert np.allclose(start, X[rows]), (
        "without init, start from X[np.random.default_rng(seed).choice(n, size=k, replace=False)], "
        f"here rows {rows.tolist()}; max_iter=0 must return those starting centroids")
    a = kmeans(X, 4, seed=7)
    b = kmeans(X, 4, seed=7)
    assert np.allclose(a[0], b[0]) and np.array_equal(a[1], b[1]), "the same seed must give the same clustering"


def test_stops_when_nothing_changes():
    rng = np.random.default_rng(3)
    X = _blobs(rng, [[0, 0, 0], [5, 5, 5]], 30, 0.5)
    init = np.array([[1.0, 1.0, 1.0], [4.0, 4.0, 4.0]])
    few = kmeans(X, 2, init=init, max_iter=10)
    many = kmeans(X, 2, init=init, max_iter=1000)
    assert np.allclose(few[0], many[0]) and np.isclose(few[2], many[2]), (
        "once the labels stop changing, more iterations must not change the answer")
    want = np.array([X[:30].mean(axis=0), X[30:].mean(axis=0)])
    assert np.allclose(few[0], want), (
        f"expected the two blob means {np.round(want, 3).tolist()}, got {np.round(few[0], 3).tolist()}")


def test_empty_cluster_keeps_its_centroid():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    init = np.array([[0.5, 0.5], [100.0, 100.0]])
    centroids, labels, inertia = kmeans(X, 2, init=init)
    assert np.all(np.isfinite(centroids)), f"a cluster with no samples must not become NaN, got {centroids.tolist()}"
    assert np.allclose(centroids, init), (
        f"the empty cluster stays at (100, 100) and the other at the mean (0.5, 0.5), got {centroids.tolist()}")
    assert np.asarray(labels).tolist() == [0, 0, 0, 0], (
        f"every sample belongs to cluster 0, got {np.asarray(labels).tolist()}")
    assert np.isclose(inertia, 2.0), f"expected inertia 4 * 0.5 = 2.0, got {inertia}"


def test_inputs_are_not_modified():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(20, 2))
    init = X[:3].copy() + 0.5
    X0, init0 = X.copy(), init.copy()
    kmeans(X, 3, init=init)
    assert np.array_equal(X, X0), "kmeans must not modify X"
    assert np.array_equal(init, init0), "kmeans must not write the updated centroids into the caller's init array"


def test_bad_arguments_raise_value_error():
    X = np.zeros((5, 2))
    for what, kwargs in (("k=0", dict(k=0)), ("k=6 with 5 samples", dict(k=6)),
                         ("init of shape (3, 2) for k=2", dict(k=2, init=np.zeros((3, 2)))),
                         ("init of shape (2, 3) for 2 features", dict(k=2, init=np.zeros((2, 3))))):
        try:
            kmeans(X, **kwargs)
        except ValueError:
            continue
        raise AssertionError(f"kmeans with {what} should raise ValueError")


def test_larger_data_and_scikit_learn_when_available():
    rng = np.random.default_rng(5)
    X = _blobs(rng, rng.uniform(-20, 20, size=(8, 4)), 2500, 2.0)  # 20,000 samples: needs broadcasting
    init = X[rng.choice(len(X), size=8, replace=False)]
    centroids, labels, inertia = kmeans(X, 8, init=init, max_iter=300)
    want = float(((X - np.asarray(centroids)[np.asarray(labels)]) ** 2).sum())
    assert np.isclose(inertia, want), f"inertia should be {want:.2f}, got {inertia}"
    try:
        from sklearn.cluster import KMeans
    except ImportError:
        return  # optional: the closed-form checks already pin the algorithm
    ref = KMeans(n_clusters=8, init=init, n_init=1, max_iter=300, tol=0.0, algorithm="lloyd").fit(X)
    assert np.allclose(centroids, ref.cluster_centers_), (
        "the centroids should match scikit-learn's Lloyd k-means from the same start")
    assert np.isclose(inertia, ref.inertia_), f"expected scikit-learn's inertia {ref.inertia_:.3f}, got {inertia}"
