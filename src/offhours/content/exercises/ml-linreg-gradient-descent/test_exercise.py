import numpy as np
from submission import fit_linear_gd


def _reference(X, y, learning_rate, epochs):
    n, d = X.shape
    w, b, losses = np.zeros(d), 0.0, []
    for _ in range(epochs):
        e = X @ w + b - y
        losses.append(np.mean(e ** 2))
        w, b = w - learning_rate * 2 / n * (X.T @ e), b - learning_rate * 2 * e.mean()
    return w, b, np.array(losses)


def _standardised_data(rng, n, d, noise=0.5):
    X = rng.normal(size=(n, d))
    y = X @ rng.uniform(-3, 3, size=d) + 4.0 + rng.normal(scale=noise, size=n)
    return X, y


def test_example_from_the_task():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([1.0, 3.0, 5.0, 7.0])
    w, b, losses = fit_linear_gd(X, y, learning_rate=0.1, epochs=1)
    assert np.allclose(losses, [21.0]), (
        f"losses[0] should be the loss of w = 0, b = 0: mean(y²) = 21, got {np.asarray(losses).tolist()}")
    assert np.allclose(w, [1.7]) and np.isclose(b, 0.8), (
        f"one step should give w = [1.7], b = 0.8 (gradients -17 and -8 times 0.1), got {w} and {b}")
    w, b, losses = fit_linear_gd(X, y, learning_rate=0.1, epochs=500)
    assert np.allclose(w, [2.0], atol=1e-6) and np.isclose(b, 1.0, atol=1e-6), (
        f"500 epochs should reach y = 2x + 1, got w = {w}, b = {b}")
    assert np.allclose(losses[:3], [21.0, 0.535, 0.01435]), (
        f"expected the first losses [21, 0.535, 0.01435], got {np.round(losses[:3], 5).tolist()}")


def test_every_step_matches_the_update_rule():
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, size=(40, 3))
    y = rng.normal(size=40) + X @ np.array([1.0, -2.0, 0.5])
    n = len(y)
    w1, b1, _ = fit_linear_gd(X, y, learning_rate=0.05, epochs=1)
    want_w1, want_b1 = 0.05 * 2 / n * (X.T @ y), 0.05 * 2 * y.mean()
    assert np.allclose(w1, want_w1) and np.isclose(b1, want_b1), (
        f"after one step from zero expected w = {np.round(want_w1, 5).tolist()}, b = {want_b1:.5f}; "
        f"got w = {np.round(w1, 5).tolist()}, b = {b1:.5f}. The MSE gradient is (2/n)·Xᵀe and (2/n)·Σe")
    w, b, losses = fit_linear_gd(X, y, learning_rate=0.05, epochs=50)
    want_w, want_b, want_losses = _reference(X, y, 0.05, 50)
    assert np.asarray(losses).shape == (50,), f"expected 50 losses, one per epoch, got shape {np.shape(losses)}"
    assert np.allclose(losses, want_losses), (
        "losses[i] should be the MSE just before update i; "
        f"expected first three {np.round(want_losses[:3], 5).tolist()}, got {np.round(losses[:3], 5).tolist()}")
    assert np.allclose(w, want_w) and np.isclose(b, want_b), (
        f"after 50 epochs expected w = {np.round(want_w, 5).tolist()}, b = {want_b:.5f}; "
        f"got w = {np.round(w, 5).tolist()}, b = {b:.5f}")
    assert isinstance(b, float), f"b should be a Python float, got {type(b).__name__}"


def test_loss_decreases_and_reaches_least_squares():
    rng = np.random.default_rng(1)
    X, y = _standardised_data(rng, 300, 4)
    w, b, losses = fit_linear_gd(X, y, learning_rate=0.05, epochs=1000)
    losses = np.asarray(losses)
    assert losses.shape == (1000,), f"expected 1000 losses, got shape {losses.shape}"
    # strictly down while far from the optimum; afterwards it may only flatten out (rounding)
    steps = np.diff(losses)
    assert np.all(steps[:200] < 0) and np.all(steps <= 1e-12), (
        f"with a small learning rate the loss must go down every epoch; first rise at epoch "
        f"{int(np.argmax(steps >= 0)) + 1}")
    A = np.column_stack([np.ones(len(X)), X])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    assert np.allclose(w, theta[1:], atol=1e-4) and np.isclose(b, theta[0], atol=1e-4), (
        f"after 1000 epochs the fit should match least squares: w {np.round(theta[1:], 4).tolist()}, "
        f"b {theta[0]:.4f}; got w {np.round(w, 4).tolist()}, b {b:.4f}")
    w, b, losses = fit_linear_gd(X, y, learning_rate=0.05, epochs=20)
    final = np.mean((X @ w + b - y) ** 2)
    assert final < losses[-1], (
        "losses[-1] is recorded before the last update, so the returned model's loss should be lower still")


def test_zero_epochs_returns_the_starting_point():
    X = np.ones((5, 3))
    y = np.arange(5.0)
    w, b, losses = fit_linear_gd(X, y, learning_rate=0.1, epochs=0)
    assert np.array_equal(np.asarray(w), np.zeros(3)) and b == 0.0, f"expected w = [0, 0, 0], b = 0, got {w}, {b}"
    assert len(losses) == 0, f"expected no losses for 0 epochs, got {list(losses)}"


def test_many_samples_are_handled_with_matrix_operations():
    rng = np.random.default_rng(2)
    X, y = _standardised_data(rng, 20_000, 10, noise=1.0)
    w, b, losses = fit_linear_gd(X, y, learning_rate=0.1, epochs=300)
    want_w, want_b, want_losses = _reference(X, y, 0.1, 300)
    assert np.allclose(w, want_w) and np.isclose(b, want_b) and np.allclose(losses, want_losses), (
        "20,000 samples: the result should match the update rule exactly")


def test_inputs_are_not_modified():
    rng = np.random.default_rng(3)
    X, y = _standardised_data(rng, 30, 2)
    X0, y0 = X.copy(), y.copy()
    fit_linear_gd(X, y, learning_rate=0.1, epochs=20)
    assert np.array_equal(X, X0) and np.array_equal(y, y0), "fit_linear_gd must not modify X or y"


def test_bad_arguments_raise_value_error():
    X, y = np.ones((4, 2)), np.arange(4.0)
    cases = (("learning_rate=0", dict(X=X, y=y, learning_rate=0.0)),
             ("learning_rate=-0.1", dict(X=X, y=y, learning_rate=-0.1)),
             ("epochs=-1", dict(X=X, y=y, epochs=-1)),
             ("a 1-D X", dict(X=np.arange(4.0), y=y)),
             ("y with 3 values for 4 rows", dict(X=X, y=y[:3])))
    for what, kwargs in cases:
        try:
            fit_linear_gd(**kwargs)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"fit_linear_gd with {what} should raise ValueError")
