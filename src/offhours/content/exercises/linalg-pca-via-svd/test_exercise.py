import numpy as np
import submission
from submission import pca


def _correlated(rng, n, scales):
    """n samples of correlated features with the given spreads."""
    d = len(scales)
    mixing = rng.normal(size=(d, d))
    return (rng.normal(size=(n, d)) * scales) @ mixing + rng.uniform(-10, 10, size=d)


def _by_eigh(X):
    """Trusted reference: eigen-decomposition of the covariance matrix, largest eigenvalue first."""
    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))
    return values[::-1], vectors[:, ::-1].T


def _run(X, k):
    scores, components, ratio = pca(X, k)
    return np.asarray(scores), np.asarray(components), np.asarray(ratio)


def test_example_from_the_task():
    X = np.array([[2.0, 3.0], [4.0, 7.0], [6.0, 5.0], [8.0, 9.0]])
    scores, components, ratio = _run(X, 1)
    assert scores.shape == (4, 1) and components.shape == (1, 2) and ratio.shape == (1,), (
        f"for 4 samples, 2 features and k=1 expected shapes (4, 1), (1, 2), (1,); "
        f"got {scores.shape}, {components.shape}, {ratio.shape}")
    assert np.allclose(components, [[2 ** -0.5, 2 ** -0.5]]), (
        f"expected the component [[0.7071, 0.7071]], got {np.round(components, 4).tolist()}")
    want = [[-3 * 2 ** 0.5], [0.0], [0.0], [3 * 2 ** 0.5]]
    assert np.allclose(scores, want), (
        f"expected scores {np.round(want, 4).tolist()}, got {np.round(scores, 4).tolist()} (did you centre X?)")
    assert np.allclose(ratio, [0.9]), f"the diagonal explains 36 of 40 units, expected [0.9], got {ratio.tolist()}"


def test_matches_the_covariance_eigendecomposition():
    rng = np.random.default_rng(0)
    X = _correlated(rng, 200, [5.0, 3.0, 1.5, 0.5, 0.1])
    values, vectors = _by_eigh(X)
    _, components, ratio = _run(X, 3)
    assert np.allclose(ratio, values[:3] / values.sum()), (
        f"expected ratios {np.round(values[:3] / values.sum(), 4).tolist()} (eigenvalues over their total), "
        f"got {np.round(ratio, 4).tolist()}")
    for j in range(3):
        cosine = abs(components[j] @ vectors[j])
        assert np.isclose(cosine, 1.0), f"component {j} should be the covariance matrix's eigenvector number {j}"


def test_components_are_orthonormal_and_scores_are_projections():
    rng = np.random.default_rng(1)
    X = _correlated(rng, 120, [4.0, 2.0, 1.0, 0.5])
    scores, components, ratio = _run(X, 3)
    assert np.allclose(components @ components.T, np.eye(3)), "the components must be orthonormal rows"
    assert np.allclose(scores, (X - X.mean(axis=0)) @ components.T), (
        "the scores must be the centred data projected onto the returned components, (X - mean) @ components.T")
    variances = scores.var(axis=0)
    assert np.all(np.diff(variances) <= 1e-9), f"the scores' variances must decrease, got {variances.tolist()}"
    assert np.all(np.diff(ratio) <= 1e-12) and np.all(ratio > 0), f"the ratios must decrease, got {ratio.tolist()}"


def test_all_components_rebuild_the_data():
    rng = np.random.default_rng(2)
    X = _correlated(rng, 30, [3.0, 2.0, 1.0])
    scores, components, ratio = _run(X, 3)
    assert np.isclose(ratio.sum(), 1.0), f"keeping every component must explain all the variance, got {ratio.sum()}"
    assert np.allclose(scores @ components + X.mean(axis=0), X), (
        "with every component kept, scores @ components + mean must give back X")
    wide = rng.normal(size=(4, 6))  # fewer samples than features: k can go up to 4
    scores, components, _ = _run(wide, 4)
    assert scores.shape == (4, 4) and components.shape == (4, 6), (
        f"4 samples with 6 features and k=4 give shapes (4, 4) and (4, 6), got {scores.shape}, {components.shape}")


def test_signs_follow_the_largest_entry_rule():
    rng = np.random.default_rng(3)
    for _ in range(5):
        X = _correlated(rng, 50, [3.0, 2.0, 1.0, 0.5])
        scores, components, _ = _run(X, 4)
        biggest = components[np.arange(4), np.abs(components).argmax(axis=1)]
        assert np.all(biggest > 0), (
            f"each component's entry of largest absolute value must be positive, got {np.round(biggest, 4).tolist()}")
        assert np.allclose(scores, (X - X.mean(axis=0)) @ components.T), (
            "after flipping a component, flip its column of scores too")


def test_features_in_large_units_dominate():
    rng = np.random.default_rng(4)
    X = np.column_stack([rng.normal(size=100), rng.normal(scale=1000.0, size=100), rng.normal(size=100)])
    _, components, ratio = _run(X, 1)
    assert abs(components[0, 1]) > 0.999 and ratio[0] > 0.99, (
        "a feature in units 1000 times larger must dominate the first component: centre, but do not scale")
    scaled = X / X.std(axis=0)
    _, components, ratio = _run(scaled, 3)
    assert ratio[0] < 0.6, "once the features are standardised, no single direction should explain almost all"


def test_uses_svd_not_an_eigendecomposition():
    rng = np.random.default_rng(5)
    X = _correlated(rng, 40, [2.0, 1.0, 0.5])
    forbidden = {"eig": np.linalg.eig, "eigh": np.linalg.eigh}

    def refuse(name):
        def call(*args, **kwargs):
            raise AssertionError(f"do not call np.linalg.{name}: compute PCA with np.linalg.svd of the centred data")
        return call

    patched = []
    try:
        for name, original in forbidden.items():
            setattr(np.linalg, name, refuse(name))
            for attr, value in list(vars(submission).items()):
                if value is original:  # catches `from numpy.linalg import eigh`
                    patched.append((attr, value))
                    setattr(submission, attr, refuse(name))
        _, _, ratio = _run(X, 2)
    finally:
        for name, original in forbidden.items():
            setattr(np.linalg, name, original)
        for attr, value in patched:
            setattr(submission, attr, value)
    values, _ = _by_eigh(X)
    assert np.allclose(ratio, values[:2] / values.sum()), "the ratios should still be right"


def test_bad_arguments_raise_value_error_and_x_is_not_modified():
    rng = np.random.default_rng(6)
    X = rng.normal(size=(10, 3)) + 5.0
    before = X.copy()
    pca(X, 2)
    assert np.array_equal(X, before), "pca must not modify X (centre a copy, not X itself)"
    cases = (("k=0", X, 0), ("k=4 with 3 features", X, 4), ("k=2.0", X, 2.0), ("a 1-D X", X[:, 0], 1),
             ("identical rows (no variance)", np.ones((5, 3)), 1))
    for what, data, k in cases:
        try:
            pca(data, k)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"pca with {what} should raise ValueError")
