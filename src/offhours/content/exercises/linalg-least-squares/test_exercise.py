import numpy as np
import submission
from submission import least_squares


def _design(X, intercept):
    X = np.asarray(X, dtype=float)
    return np.column_stack([np.ones(len(X)), X]) if intercept else X


def _lstsq(X, y, intercept=True):
    """Trusted reference: NumPy's SVD-based least-squares solver on the same design matrix."""
    A = _design(X, intercept)
    theta, rss = np.linalg.lstsq(A, y, rcond=None)[:2]
    return theta, rss


def _show(a):
    return np.round(np.asarray(a, dtype=float), 4).tolist()


def test_example_from_the_task():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([1.0, 2.0, 2.0, 4.0])
    theta, rss = least_squares(X, y)
    assert np.shape(theta) == (2,), f"with an intercept theta is (intercept, slope), shape (2,), got {np.shape(theta)}"
    assert np.allclose(theta, [0.9, 0.9]), f"expected theta [0.9, 0.9], got {_show(theta)}"
    assert np.isclose(rss, 0.7), f"expected rss 0.7 (0.1² + 0.2² + 0.7² + 0.4²), got {rss}"
    theta, rss = least_squares(X, y, intercept=False)
    assert np.shape(theta) == (1,), f"without an intercept theta holds one slope, shape (1,), got {np.shape(theta)}"
    assert np.allclose(theta, [18 / 14]), f"through the origin expected slope 18/14 = 1.2857, got {_show(theta)}"
    assert np.isclose(rss, 13 / 7), f"through the origin expected rss 13/7 = 1.8571, got {rss}"


def test_matches_lstsq_with_and_without_intercept():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(150, 4)) * [1.0, 5.0, 0.2, 2.0] + [3.0, -10.0, 1.0, 0.0]
    y = X @ np.array([1.5, -0.3, 6.0, 0.8]) + 4.0 + rng.normal(scale=1.5, size=150)
    for intercept in (True, False):
        theta, rss = least_squares(X, y, intercept=intercept)
        want, want_rss = _lstsq(X, y, intercept)
        assert np.shape(theta) == want.shape, (
            f"intercept={intercept}: expected theta of shape {want.shape}, got {np.shape(theta)}")
        assert np.allclose(theta, want, atol=1e-6), (
            f"intercept={intercept}: expected np.linalg.lstsq's {_show(want)}, got {_show(theta)}")
        assert isinstance(rss, float), f"for a 1-D y, rss should be a Python float, got {type(rss).__name__}"
        assert np.isclose(rss, want_rss[0], rtol=1e-8), (
            f"intercept={intercept}: expected rss {want_rss[0]:.4f} (as np.linalg.lstsq reports), got {rss:.4f}")


def test_several_targets_in_one_call():
    rng = np.random.default_rng(1)
    X = rng.uniform(-3, 3, size=(80, 3))
    Y = np.column_stack([X @ [1.0, 2.0, 3.0] + 1.0, X[:, 0] ** 2, rng.normal(size=80)])
    theta, rss = least_squares(X, Y)
    want, want_rss = _lstsq(X, Y)
    assert np.shape(theta) == (4, 3), (
        f"3 features plus an intercept and 3 targets give theta of shape (4, 3), got {np.shape(theta)}")
    assert np.shape(rss) == (3,), f"rss needs one value per target, shape (3,), got {np.shape(rss)}"
    assert np.allclose(theta, want, atol=1e-8), "each column of theta must be the least-squares fit of that target"
    assert np.allclose(rss, want_rss), f"expected rss {_show(want_rss)}, got {_show(rss)}"
    for j in range(3):
        one, one_rss = least_squares(X, Y[:, j])
        assert np.allclose(theta[:, j], one) and np.isclose(rss[j], one_rss), (
            f"column {j} of the joint fit must equal fitting y[:, {j}] on its own")


def test_residuals_are_orthogonal_to_every_column():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(40, 2))
    y = np.sin(3 * X[:, 0]) + rng.normal(scale=0.1, size=40)  # far from linear: only the projection fits
    for intercept in (True, False):
        A = _design(X, intercept)
        theta, rss = least_squares(X, y, intercept=intercept)
        residual = y - A @ np.asarray(theta)
        assert np.allclose(A.T @ residual, 0, atol=1e-9), (
            f"intercept={intercept}: the residual must be perpendicular to every column of the design matrix")
        assert np.isclose(rss, residual @ residual), "rss must be the sum of the squared residuals"


def test_rank_deficient_design_raises_value_error():
    rng = np.random.default_rng(3)
    x = rng.normal(size=20)
    y = 2 * x + 1 + rng.normal(scale=0.1, size=20)
    cases = (("a feature that is twice another", np.column_stack([x, 2 * x]), True),
             ("a constant feature next to the intercept column", np.column_stack([x, np.full(20, 5.0)]), True),
             ("3 samples for 4 unknowns", np.column_stack([x, x ** 2, x ** 3])[:3], True))
    for what, X, intercept in cases:
        try:
            got = least_squares(X, y[: len(X)], intercept=intercept)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(
            f"{what} leaves no unique solution, so least_squares should raise ValueError; it returned {got}")
    own = least_squares(np.column_stack([np.ones(20), x]), y, intercept=False)[0]
    assert np.allclose(own, least_squares(x.reshape(-1, 1), y)[0]), (
        "a column of ones in X with intercept=False is a legitimate intercept and must give the same fit")


def test_uses_solve_not_lstsq_or_an_inverse():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(30, 2))
    y = rng.normal(size=30)
    forbidden = {"lstsq": np.linalg.lstsq, "inv": np.linalg.inv, "pinv": np.linalg.pinv}

    def refuse(name):
        def call(*args, **kwargs):
            raise AssertionError(f"do not call np.linalg.{name}: solve the normal equations with np.linalg.solve")
        return call

    patched = []
    try:
        for name, original in forbidden.items():
            setattr(np.linalg, name, refuse(name))
            for attr, value in list(vars(submission).items()):
                if value is original:  # catches `from numpy.linalg import lstsq`
                    patched.append((attr, value))
                    setattr(submission, attr, refuse(name))
        theta, _ = least_squares(X, y)
    finally:
        for name, original in forbidden.items():
            setattr(np.linalg, name, original)
        for attr, value in patched:
            setattr(submission, attr, value)
    assert np.allclose(theta, _lstsq(X, y)[0]), "theta should still match least squares"


def test_bad_shapes_lists_and_no_changes_to_inputs():
    X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0], [4.0, 5.0]])
    y = np.array([1.0, 2.0, 4.0, 3.0, 7.0])
    X0, y0 = X.copy(), y.copy()
    theta, rss = least_squares(X, y)
    assert np.array_equal(X, X0) and np.array_equal(y, y0), "least_squares must not modify X or y"
    theta2, rss2 = least_squares(X.tolist(), y.tolist())
    assert np.allclose(theta, theta2) and np.isclose(rss, rss2), "lists should give the same fit as arrays"
    cases = (("a 1-D X", np.arange(5.0), y), ("y with 4 values for 5 rows", X, y[:4]),
             ("a 3-D y", X, np.ones((5, 1, 1))))
    for what, bad_X, bad_y in cases:
        try:
            least_squares(bad_X, bad_y)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"least_squares with {what} should raise ValueError")
