import numpy as np
import submission
from submission import fit_ridge


def _augmented(X, y, lam):
    """Trusted closed form without centring: penalise every weight except the leading ones column."""
    A = np.column_stack([np.ones(len(X)), X])
    penalty = lam * np.eye(A.shape[1])
    penalty[0, 0] = 0.0
    theta = np.linalg.solve(A.T @ A + penalty, A.T @ y)
    return theta[1:], theta[0]


def _data(rng, n=80, d=5):
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 5, size=d) + rng.uniform(-10, 10, size=d)
    y = X @ rng.normal(size=d) + 25.0 + rng.normal(scale=3.0, size=n)
    return X, y


def test_example_from_the_task():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([1.0, 3.0, 5.0, 7.0])
    for lam, want_w, want_b in ((0.0, 2.0, 1.0), (5.0, 1.0, 2.5), (45.0, 0.2, 3.7)):
        w, b = fit_ridge(X, y, lam)
        assert np.allclose(w, [want_w]) and np.isclose(b, want_b), (
            f"lam={lam}: expected w = [{want_w}] and b = {want_b}, got {np.round(w, 6).tolist()} and {b:.6f}")


def test_matches_the_closed_form():
    rng = np.random.default_rng(0)
    X, y = _data(rng)
    for lam in (0.1, 3.0, 100.0):
        w, b = fit_ridge(X, y, lam)
        want_w, want_b = _augmented(X, y, lam)
        w = np.asarray(w)
        assert w.shape == (5,), f"w should have one weight per feature, shape (5,), got {w.shape}"
        assert isinstance(b, float), f"b should be a Python float, got {type(b).__name__}"
        assert np.allclose(w, want_w, atol=1e-8), (
            f"lam={lam}: expected w {np.round(want_w, 4).tolist()}, got {np.round(w, 4).tolist()}")
        assert np.isclose(b, want_b, atol=1e-6), f"lam={lam}: expected b {want_b:.4f}, got {b:.4f}"
    try:
        from sklearn.linear_model import Ridge
    except ImportError:
        return  # optional cross-check
    ref = Ridge(alpha=3.0).fit(X, y)
    w, b = fit_ridge(X, y, 3.0)
    assert np.allclose(w, ref.coef_) and np.isclose(b, ref.intercept_), "should match scikit-learn's Ridge(alpha=3.0)"


def test_zero_lambda_is_least_squares():
    rng = np.random.default_rng(1)
    X, y = _data(rng, n=50, d=3)
    w, b = fit_ridge(X, y, 0.0)
    A = np.column_stack([np.ones(len(X)), X])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    assert np.allclose(w, theta[1:], atol=1e-8) and np.isclose(b, theta[0], atol=1e-6), (
        f"lam=0 should give ordinary least squares: w {np.round(theta[1:], 4).tolist()}, b {theta[0]:.4f}; "
        f"got {np.round(w, 4).tolist()}, {b:.4f}")


def test_weights_shrink_as_lambda_grows():
    rng = np.random.default_rng(2)
    X, y = _data(rng)
    lams = [0.0, 0.1, 1.0, 10.0, 100.0, 1e3, 1e4, 1e5]
    norms = [np.linalg.norm(fit_ridge(X, y, lam)[0]) for lam in lams]
    assert all(a > b for a, b in zip(norms, norms[1:])), (
        f"the size of w must shrink as lam grows; norms for lam={lams}: {np.round(norms, 4).tolist()}")
    w, b = fit_ridge(X, y, 1e10)
    assert np.allclose(w, 0, atol=1e-5), (
        f"a huge lam should push every weight to about 0, got {np.round(w, 6).tolist()}")
    assert np.isclose(b, y.mean(), atol=1e-3), (
        f"with w ≈ 0 the unpenalised intercept should be mean(y) = {y.mean():.4f}, got {b:.4f}; "
        "is the intercept being penalised too?")


def test_intercept_is_not_penalised():
    rng = np.random.default_rng(3)
    X, y = _data(rng, n=40, d=3)
    w, b = fit_ridge(X, y, 50.0)
    w2, b2 = fit_ridge(X, y + 1000.0, 50.0)
    assert np.allclose(w, w2, atol=1e-8), (
        "adding 1000 to every target must not change the weights: only the intercept should move")
    assert np.isclose(b2, b + 1000.0), (
        f"adding 1000 to y should add 1000 to b ({b:.3f} -> {b + 1000:.3f}), got {b2:.3f}")
    w3, _ = fit_ridge(X + 7.0, y, 50.0)
    assert np.allclose(w, w3, atol=1e-8), "shifting every feature by a constant must not change the weights"


def test_more_features_than_samples_and_duplicate_columns():
    rng = np.random.default_rng(4)
    base = rng.normal(size=(10, 14))
    X = np.column_stack([base, base[:, 0]])  # 15 features, 10 samples, column 14 copies column 0
    y = rng.normal(size=10)
    lam = 2.0
    w, b = fit_ridge(X, y, lam)
    w = np.asarray(w)
    assert np.all(np.isfinite(w)) and np.isfinite(b), "with lam > 0 ridge must have a finite answer even when d > n"
    assert np.isclose(w[0], w[14]), (
        "two identical columns share the weight equally under ridge: expected w[0] == w[14], "
        f"got {w[0]:.5f} and {w[14]:.5f}")
    residual = y - X @ w - b
    assert abs(residual.sum()) < 1e-8, "at the optimum the residuals sum to 0 (derivative with respect to b)"
    assert np.allclose(-2 * X.T @ residual + 2 * lam * w, 0, atol=1e-8), (
        "at the optimum the gradient with respect to w, -2·Xᵀ(y − Xw − b) + 2·lam·w, must be 0")


def test_uses_solve_not_an_inverse():
    rng = np.random.default_rng(5)
    X, y = _data(rng, n=30, d=2)
    forbidden = {"inv": np.linalg.inv, "pinv": np.linalg.pinv, "lstsq": np.linalg.lstsq}

    def refuse(name):
        def call(*args, **kwargs):
            raise AssertionError(f"do not call np.linalg.{name}: solve the linear system with np.linalg.solve")
        return call

    patched = []
    try:
        for name, original in forbidden.items():
            setattr(np.linalg, name, refuse(name))
            for attr, value in list(vars(submission).items()):
                if value is original:  # catches `from numpy.linalg import inv`
                    patched.append((attr, value))
                    setattr(submission, attr, refuse(name))
        w, b = fit_ridge(X, y, 1.0)
    finally:
        for name, original in forbidden.items():
            setattr(np.linalg, name, original)
        for attr, value in patched:
            setattr(submission, attr, value)
    want_w, want_b = _augmented(X, y, 1.0)
    assert np.allclose(w, want_w) and np.isclose(b, want_b), "the weights should still match the closed form"


def test_inputs_are_not_modified_and_bad_arguments():
    rng = np.random.default_rng(6)
    X, y = _data(rng, n=20, d=3)
    X0, y0 = X.copy(), y.copy()
    fit_ridge(X, y, 1.0)
    assert np.array_equal(X, X0) and np.array_equal(y, y0), "fit_ridge must not modify X or y (centre a copy)"
    cases = (("lam=-1", (X, y, -1.0)), ("a 1-D X", (X[:, 0], y, 1.0)), ("y with 19 values", (X, y[:19], 1.0)))
    for what, args in cases:
        try:
            fit_ridge(*args)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"fit_ridge with {what} should raise ValueError")
