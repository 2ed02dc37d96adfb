import warnings

import numpy as np
from submission import fit_logistic, predict, predict_proba, sigmoid


def _log_loss(X, y, w, b):
    z = X @ w + b
    return np.mean(np.logaddexp(0.0, z) - y * z)


def _reference(X, y, learning_rate, epochs):
    n, d = X.shape
    w, b, losses = np.zeros(d), 0.0, []
    for _ in range(epochs):
        losses.append(_log_loss(X, y, w, b))
        error = 1.0 / (1.0 + np.exp(-(X @ w + b))) - y  # safe here: the test data keeps |z| small
        w, b = w - learning_rate * X.T @ error / n, b - learning_rate * error.mean()
    return w, b, np.array(losses)


def _newton(X, y, steps=30):
    """Maximum-likelihood weights by Newton's method (iteratively reweighted least squares)."""
    A = np.column_stack([np.ones(len(X)), X])
    theta = np.zeros(A.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(A @ theta)))
        theta = theta + np.linalg.solve(A.T @ (A * (p * (1 - p))[:, None]), A.T @ (y - p))
    return theta[1:], theta[0]


def _noisy_data(rng, n):
    X = rng.normal(size=(n, 2))
    p = 1.0 / (1.0 + np.exp(-(X @ np.array([1.5, -1.0]) + 0.5)))
    return X, (rng.uniform(size=n) < p).astype(int)


def test_example_from_the_task():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([0, 0, 1, 0, 1, 1])
    w, b, losses = fit_logistic(X, y, learning_rate=0.3, epochs=5000)
    assert np.allclose(w, [1.21402759], atol=1e-6) and np.isclose(b, -3.03506896, atol=1e-6), (
        f"expected w [1.21403] and b -3.03507, got {np.round(w, 5).tolist()} and {b:.5f}")
    assert np.isclose(losses[0], np.log(2)) and np.isclose(losses[-1], 0.4129978, atol=1e-6), (
        f"expected losses[0] = log 2 = 0.69315 and losses[-1] = 0.41300, got {losses[0]:.5f} and {losses[-1]:.5f}")
    Q = np.array([[1.0], [3.0], [4.0]])
    got = predict_proba(Q, w, b)
    assert np.allclose(got, [0.13930896, 0.64725931, 0.86069104], atol=1e-6), (
        f"expected probabilities [0.1393, 0.6473, 0.8607], got {np.round(got, 4).tolist()}")
    assert np.asarray(predict(Q, w, b)).tolist() == [0, 1, 1], (
        f"expected predict [0, 1, 1], got {np.asarray(predict(Q, w, b)).tolist()}")
    assert np.asarray(predict(Q, w, b, threshold=0.9)).tolist() == [0, 0, 0], (
        "with threshold=0.9 no probability is high enough: expected [0, 0, 0]")


def test_sigmoid_values_and_shape():
    z = np.linspace(-30, 30, 121).reshape(11, 11)
    got = sigmoid(z)
    assert np.shape(got) == z.shape, f"sigmoid must keep the input's shape {z.shape}, got {np.shape(got)}"
    assert np.allclose(got, 1.0 / (1.0 + np.exp(-z)), rtol=1e-12, atol=0), "sigmoid(z) should be 1 / (1 + e^(-z))"
    assert np.allclose(sigmoid(-z), 1.0 - got, rtol=1e-9, atol=1e-15), "sigmoid(-z) should equal 1 - sigmoid(z)"
    assert np.isclose(float(sigmoid(0.0)), 0.5), f"sigmoid(0.0) should be 0.5, got {sigmoid(0.0)}"


def test_sigmoid_is_numerically_stable():
    z = np.array([-1000.0, -745.0, -50.0, 0.0, 50.0, 745.0, 1000.0])
    try:
        with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
            warnings.simplefilter("error")
            got = np.asarray(sigmoid(z))
    except (FloatingPointError, RuntimeWarning) as exc:
        raise AssertionError(f"sigmoid overflowed for large |z| ({exc}): never compute e^x for a large positive x")
    assert np.all(np.isfinite(got)), f"sigmoid must never return NaN or inf, got {got.tolist()}"
    assert np.allclose(got[[0, 3, 6]], [0.0, 0.5, 1.0]), (
        f"expected sigmoid(-1000, 0, 1000) = 0, 0.5, 1, got {got.tolist()}")
    assert np.isclose(got[2], np.exp(-50.0), rtol=1e-9, atol=0), (
        f"sigmoid(-50) should be about e^-50 = 1.93e-22, got {got[2]:.3g}")


def test_every_step_matches_the_update_rule():
    rng = np.random.default_rng(0)
    X, y = _noisy_data(rng, 80)
    n = len(y)
    w1, b1, losses1 = fit_logistic(X, y, learning_rate=0.5, epochs=1)
    want_w1, want_b1 = 0.5 * X.T @ (y - 0.5) / n, 0.5 * np.mean(y - 0.5)
    assert np.isclose(losses1[0], np.log(2)), f"the first loss (all p = 0.5) should be log 2, got {losses1[0]}"
    assert np.allclose(w1, want_w1) and np.isclose(b1, want_b1), (
        f"after one step from zero expected w = {np.round(want_w1, 5).tolist()}, b = {want_b1:.5f}; got "
        f"w = {np.round(w1, 5).tolist()}, b = {b1:.5f}. The gradient is (1/n)·Xᵀ(p − y), stepped against")
    w, b, losses = fit_logistic(X, y, learning_rate=0.5, epochs=30)
    want_w, want_b, want_losses = _reference(X, y, 0.5, 30)
    assert np.asarray(losses).shape == (30,), f"expected 30 losses, got shape {np.shape(losses)}"
    assert np.allclose(losses, want_losses, rtol=1e-9), (
        f"losses[i] should be the mean log loss before update i; expected the first three "
        f"{np.round(want_losses[:3], 5).tolist()}, got {np.round(losses[:3], 5).tolist()}")
    assert np.allclose(w, want_w) and np.isclose(b, want_b), (
        f"after 30 epochs expected w = {np.round(want_w, 5).tolist()}, b = {want_b:.5f}; "
        f"got {np.round(w, 5).tolist()}, {b:.5f}")
    assert isinstance(b, float), f"b should be a Python float, got {type(b).__name__}"


def test_converges_to_maximum_likelihood():
    rng = np.random.default_rng(1)
    X, y = _noisy_data(rng, 400)
    w, b, losses = fit_logistic(X, y, learning_rate=1.0, epochs=3000)
    steps = np.diff(np.asarray(losses))
    assert np.all(steps[:100] < 0) and np.all(steps <= 1e-12), "the log loss must go down every epoch"
    want_w, want_b = _newton(X, y)
    assert np.allclose(w, want_w, atol=1e-4) and np.isclose(b, want_b, atol=1e-4), (
        f"after 3000 epochs expected the maximum-likelihood fit w = {np.round(want_w, 4).tolist()}, "
        f"b = {want_b:.4f}; got w = {np.round(w, 4).tolist()}, b = {b:.4f}")


def test_saturated_probabilities_keep_the_loss_finite():
    X = np.array([[-1000.0], [-800.0], [900.0], [1000.0]])
    y = np.array([0, 0, 1, 1])
    try:
        with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
            warnings.simplefilter("error")
            w, b, losses = fit_logistic(X, y, learning_rate=1.0, epochs=5)
            p = np.asarray(predict_proba(X, w, b))
    except (FloatingPointError, RuntimeWarning) as exc:
        raise AssertionError(
            f"scores of ±500,000 made the computation overflow or take log(0) ({exc}): keep sigmoid and the "
            "loss stable")
    losses = np.asarray(losses)
    assert np.all(np.isfinite(losses)), f"every recorded loss must be finite, got {losses.tolist()}"
    assert np.isclose(losses[0], np.log(2)) and np.all(losses[1:] < 1e-6), (
        f"the first loss is log 2 and after one step the data is perfectly separated (loss ~0), got {losses.tolist()}")
    assert np.allclose(p, [0, 0, 1, 1]), f"expected probabilities 0, 0, 1, 1, got {p.tolist()}"


def test_predict_uses_at_least_the_threshold():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(50, 3))
    w, b = np.array([0.7, -1.2, 0.4]), 0.1
    p = predict_proba(X, w, b)
    assert np.shape(p) == (50,), f"predict_proba should return shape (50,), got {np.shape(p)}"
    for threshold in (0.2, 0.5, 0.8):
        got = np.asarray(predict(X, w, b, threshold=threshold))
        assert np.issubdtype(got.dtype, np.integer), f"predict should return integers, got {got.dtype}"
        assert np.array_equal(got, (p >= threshold).astype(int)), f"predict must be 1 exactly where p >= {threshold}"
    tie = np.asarray(predict(X, np.zeros(3), 0.0))
    assert tie.tolist() == [1] * 50, "a probability of exactly 0.5 is 'at least' the default threshold: predict 1"


def test_inputs_are_not_modified_and_lists_work():
    rng = np.random.default_rng(3)
    X, y = _noisy_data(rng, 30)
    X0, y0 = X.copy(), y.copy()
    w, b, _ = fit_logistic(X, y, learning_rate=0.5, epochs=20)
    predict(X, w, b)
    assert np.array_equal(X, X0) and np.array_equal(y, y0), "fit_logistic and predict must not modify X or y"
    w2, b2, _ = fit_logistic(X.tolist(), y.tolist(), learning_rate=0.5, epochs=20)
    assert np.allclose(w, w2) and np.isclose(b, b2), "lists should give the same fit as arrays"


def test_bad_arguments_raise_value_error():
    X, y = np.ones((4, 2)), np.array([0, 1, 1, 0])
    cases = (("labels 0/1/2", dict(X=X, y=np.array([0, 1, 2, 1]))),
             ("labels -1/1", dict(X=X, y=np.array([-1, 1, 1, -1]))),
             ("learning_rate=0", dict(X=X, y=y, learning_rate=0.0)),
             ("epochs=-1", dict(X=X, y=y, epochs=-1)),
             ("y with 3 values for 4 rows", dict(X=X, y=y[:3])),
             ("a 1-D X", dict(X=np.arange(4.0), y=y)))
    for what, kwargs in cases:
        try:
            fit_logistic(**kwargs)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"fit_logistic with {what} should raise ValueError")
