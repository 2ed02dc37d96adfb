import warnings

import numpy as np
from submission import check_gradient, grad_logsumexp, grad_quadratic, numerical_gradient, relative_error


def _no_warnings(call, what):
    try:
        with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
            warnings.simplefilter("error")
            return call()
    except (FloatingPointError, RuntimeWarning) as exc:
        raise AssertionError(f"{what} overflowed or produced NaN ({exc})")


def test_example_from_the_task():
    got = numerical_gradient(lambda v: np.sum(v ** 2), np.array([1.0, -2.0, 3.0]))
    assert np.allclose(got, [2.0, -4.0, 6.0], atol=1e-6), f"the gradient of sum(v²) is 2v = [2, -4, 6], got {got}"
    got = relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.1]))
    assert np.isclose(got, 0.021920168883612638), f"expected relative error 0.0219202, got {got}"
    A, x = np.array([[1.0, 2.0], [0.0, 3.0]]), np.array([1.0, -1.0])
    got = grad_quadratic(A, x)
    assert np.allclose(got, [0.0, -4.0]), f"expected grad_quadratic(A, x) = [0, -4], got {got}"
    passed, error = check_gradient(lambda v: v @ A @ v, lambda v: grad_quadratic(A, v), x)
    assert passed and error < 1e-8, f"the right gradient should pass with a tiny error, got ({passed}, {error})"
    passed, error = check_gradient(lambda v: v @ A @ v, lambda v: 2 * A @ v, x)
    assert not passed and np.isclose(error, 0.27395147, atol=1e-6), (
        f"2Ax is wrong for this non-symmetric A: expected (False, 0.27395), got ({passed}, {error})")
    got = grad_logsumexp(np.array([1000.0, 1000.0, 999.0]))
    assert np.allclose(got, [0.4223188, 0.4223188, 0.1553624], atol=1e-7), (
        f"expected grad_logsumexp([1000, 1000, 999]) = [0.4223188, 0.4223188, 0.1553624], got {got}")


def test_uses_central_differences():
    got = numerical_gradient(lambda v: np.sum(v ** 3), np.array([1.0, 2.0]), eps=1e-3)
    assert np.allclose(got, [3.000001, 12.000001], rtol=0, atol=1e-8), (
        f"with eps=1e-3 central differences give [3.000001, 12.000001] for the derivative 3v² of v³, got "
        f"{np.asarray(got).tolist()}. One-sided differences would give about [3.003, 12.006]: step both ways, "
        "(f(x + eps) - f(x - eps)) / (2 eps)")


def test_calls_f_twice_per_entry():
    calls = []

    def f(v):
        calls.append(1)
        return float(np.sum(np.sin(v)))

    x = np.linspace(-1.0, 1.0, 6).reshape(2, 3)
    got = numerical_gradient(f, x)
    assert len(calls) == 12, f"f should be called exactly twice per entry (12 times for 6 entries), got {len(calls)}"
    assert np.allclose(got, np.cos(x), atol=1e-8), "the gradient of sum(sin(x)) is cos(x)"


def test_any_shape_of_x():
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    W = rng.normal(size=(3, 2))
    got = numerical_gradient(lambda M: np.sum((X @ M - Y) ** 2), W)
    assert np.shape(got) == (3, 2), f"a (3, 2) weight matrix needs a (3, 2) gradient, got shape {np.shape(got)}"
    want = 2 * X.T @ (X @ W - Y)
    assert np.allclose(got, want, atol=1e-6), (
        f"gradient of the squared error with respect to W: expected {np.round(want, 4).tolist()}, "
        f"got {np.round(got, 4).tolist()} (largest difference {np.max(np.abs(np.asarray(got) - want)):.1e})")
    T = rng.normal(size=(2, 3, 2))
    got = numerical_gradient(lambda v: np.sum(np.exp(v) * np.arange(12).reshape(v.shape)), T)
    assert np.shape(got) == T.shape and np.allclose(got, np.exp(T) * np.arange(12).reshape(T.shape), atol=1e-6), (
        "for a 3-D x, each entry's derivative must land at the same index in the result")


def test_x_is_unchanged_and_integers_and_lists_work():
    x = np.array([[0.5, -1.5], [2.0, 1.0]])
    before = x.copy()
    numerical_gradient(lambda v: np.sum(v ** 4), x)
    assert np.array_equal(x, before), "numerical_gradient must leave the caller's x exactly as it was"
    got = numerical_gradient(lambda v: np.sum(v ** 2), np.array([1, 2, 3]))
    assert np.allclose(got, [2.0, 4.0, 6.0], atol=1e-6), (
        f"an integer x should work like floats (expected [2, 4, 6], got {np.asarray(got).tolist()}); "
        "adding eps to an integer array rounds it away, so work on a float copy")
    got = numerical_gradient(lambda v: v[0] * v[1], [3.0, 4.0])
    assert np.allclose(got, [4.0, 3.0], atol=1e-6), f"a list x should work too: expected [4, 3], got {got}"


def test_relative_error_properties():
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    got = relative_error(a, b)
    want = np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))
    assert isinstance(got, float), f"relative_error should return a Python float, got {type(got).__name__}"
    assert np.isclose(got, want), (
        f"expected ‖a − b‖ / (‖a‖ + ‖b‖) over all entries = {want:.6f}, got {got:.6f}")
    assert np.isclose(relative_error(b, a), got), "relative_error(a, b) should equal relative_error(b, a)"
    assert np.isclose(relative_error(1e6 * a, 1e6 * b), got), "scaling both gradients must not change the error"
    assert relative_error(a, a) == 0.0, "identical gradients have relative error 0"
    zero = relative_error(np.zeros(3), np.zeros(3))
    assert zero == 0.0, f"two all-zero gradients should give 0.0 (not NaN from 0 / 0), got {zero}"
    try:
        relative_error(np.zeros(3), np.zeros(4))
    except ValueError:
        pass
    else:
        raise AssertionError("gradients of different shapes should raise ValueError")


def test_check_gradient_accepts_right_and_rejects_wrong():
    rng = np.random.default_rng(2)
    x = rng.normal(size=5)
    result = check_gradient(lambda v: np.sum(np.tanh(v)), lambda v: 1 - np.tanh(v) ** 2, x)
    assert isinstance(result, tuple) and len(result) == 2, f"check_gradient should return (passed, error), got {result}"
    passed, error = result
    assert passed and error < 1e-8, f"the true derivative of tanh should pass with a tiny error, got {result}"
    passed, error = check_gradient(lambda v: np.sum(np.tanh(v)), lambda v: 1 - np.tanh(v), x)
    assert not passed and error > 1e-2, f"a wrong derivative of tanh should fail clearly, got ({passed}, {error})"
    passed, _ = check_gradient(lambda v: np.sum(np.tanh(v)), lambda v: 1 - np.tanh(v), x, tol=10.0)
    assert passed, "with tol=10 every relative error (at most 1) passes: use the tol argument"
    _, error = check_gradient(lambda v: np.sum(v ** 3), lambda v: 3 * v ** 2, x, eps=0.1)
    assert error > 1e-4, (
        f"with eps=0.1 the central difference for v³ is off by eps² = 0.01, so the error should be visible, got "
        f"{error:.2e}: pass eps on to numerical_gradient")


def test_grad_quadratic_for_non_symmetric_matrices():
    rng = np.random.default_rng(3)
    A, x = rng.normal(size=(4, 4)), rng.normal(size=4)
    got = grad_quadratic(A, x)
    want = (A + A.T) @ x
    assert np.allclose(got, want), (
        f"expected {np.round(want, 4).tolist()}, got {np.round(got, 4).tolist()}; "
        "2Ax is only right for a symmetric A")
    passed, error = check_gradient(lambda v: v @ A @ v, lambda v: grad_quadratic(A, v), x)
    assert passed, f"your checker should accept your grad_quadratic, got error {error:.2e}"
    S = A + A.T
    assert np.allclose(grad_quadratic(S, x), 2 * S @ x), "for a symmetric A the gradient is 2Ax"


def test_grad_logsumexp_is_softmax_and_stable():
    rng = np.random.default_rng(4)
    x = rng.normal(size=6)
    got = grad_logsumexp(x)
    want = np.exp(x) / np.exp(x).sum()
    assert np.allclose(got, want), (
        f"expected the softmax of x {np.round(want, 4).tolist()}, got {np.round(got, 4).tolist()}")
    passed, error = check_gradient(lambda v: np.log(np.sum(np.exp(v))), grad_logsumexp, x)
    assert passed, f"your checker should accept your grad_logsumexp, got error {error:.2e}"
    big = _no_warnings(lambda: np.asarray(grad_logsumexp(np.array([1000.0, 990.0, -1000.0]))),
                       "grad_logsumexp([1000, 990, -1000])")
    assert np.all(np.isfinite(big)) and np.allclose(big, [0.9999546, 4.5398899e-05, 0.0], atol=1e-7), (
        f"expected [0.9999546, 0.0000454, 0], got {big.tolist()}: subtract x.max() before np.exp")
