import numpy as np
from submission import directional_derivative, numerical_gradient


def _example(x):
    return x[0] ** 2 + 3 * x[0] * x[1] + 2 * x[1] ** 2


def _rosenbrock(x):
    return np.sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)


def _rosenbrock_grad(x):
    g = np.zeros_like(x)
    g[:-1] = -400 * x[:-1] * (x[1:] - x[:-1] ** 2) - 2 * (1 - x[:-1])
    g[1:] += 200 * (x[1:] - x[:-1] ** 2)
    return g


def _close(got, want, rtol, what):
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    assert got.shape == want.shape, f"{what}: the gradient must have the shape of x, {want.shape}, got {got.shape}"
    error = np.max(np.abs(got - want) / np.maximum(np.abs(want), 1.0))
    assert error <= rtol, (
        f"{what}: expected {np.round(want, 6).tolist()}, got {np.round(got, 6).tolist()} "
        f"(relative error {error:.2g}, allowed {rtol:g})")


def test_example_from_the_task():
    x = np.array([1.0, 2.0])
    _close(numerical_gradient(_example, x), [8.0, 11.0], 1e-8, "f(x) = x0² + 3 x0 x1 + 2 x1² at (1, 2)")
    got = directional_derivative(_example, x, np.array([4.0, -3.0]))
    assert isinstance(got, float), f"directional_derivative should return a Python float, got {type(got).__name__}"
    assert np.isclose(got, -0.2, atol=1e-8), (
        f"along (4, -3), that is û = (0.8, -0.6), the derivative is 8·0.8 - 11·0.6 = -0.2, got {got} "
        "(did you divide u by its length?)")


def test_matches_analytic_gradients():
    rng = np.random.default_rng(0)
    for _ in range(3):
        x = rng.uniform(-2, 2, size=5)
        _close(numerical_gradient(_rosenbrock, x), _rosenbrock_grad(x), 1e-7,
               f"the Rosenbrock function at {np.round(x, 3).tolist()}")
    X = rng.normal(size=(50, 3))
    y = (rng.uniform(size=50) < 0.4).astype(float)

    def logistic_loss(w):
        z = X @ w
        return np.mean(np.logaddexp(0, z) - y * z)

    w = rng.normal(size=3)
    _close(numerical_gradient(logistic_loss, w), X.T @ (1 / (1 + np.exp(-X @ w)) - y) / len(y), 1e-8,
           "the mean logistic loss of 3 weights")


def test_central_differences_with_the_relative_step():
    x = np.array([0.5, -3.0, 10.0])
    got = numerical_gradient(lambda v: np.sum(v ** 3), x, h=1e-2)
    # for v³ the central difference is exactly 3x² + s², with s = h · max(1, |x|) = (0.01, 0.03, 0.1)
    want = 3 * x ** 2 + (1e-2 * np.maximum(1.0, np.abs(x))) ** 2
    assert np.allclose(got, want, rtol=0, atol=1e-8), (
        f"with h=0.01 the central difference for Σ x³ at {x.tolist()} is {want.tolist()} "
        f"(3x² plus the step squared, steps h · max(1, |x|) = [0.01, 0.03, 0.1]), got {np.asarray(got).tolist()}")


def test_large_values_and_zero():
    x = np.array([1e8, 3.7e7, 2.5e5])
    got = np.asarray(numerical_gradient(lambda v: np.sum(np.log(v)), x), dtype=float)
    error = np.max(np.abs(got * x - 1))  # the gradient is 1 / x: compare relative to that small value
    assert error <= 1e-7, (
        f"f(x) = Σ log(xᵢ) at x = (1e8, 3.7e7, 2.5e5): expected 1 / x = {(1 / x).tolist()}, got {got.tolist()} "
        f"(relative error {error:.2g}); the step must grow with |xᵢ|, a fixed one drowns in rounding")
    x = np.array([0.0, 3.0])
    got = numerical_gradient(lambda v: np.sum(np.sin(v)), x)
    assert np.all(np.isfinite(got)), f"at xᵢ = 0 the step must be h, not 0 (got {np.asarray(got).tolist()})"
    _close(got, np.cos(x), 1e-9, "f(x) = Σ sin(xᵢ) at (0, 3) with the default h")


def test_directional_derivative_and_steepest_ascent():
    rng = np.random.default_rng(1)
    x = rng.uniform(-1.5, 1.5, size=4)
    g = _rosenbrock_grad(x)
    for _ in range(5):
        u = rng.normal(size=4)
        got = directional_derivative(_rosenbrock, x, u)
        want = g @ u / np.linalg.norm(u)
        assert np.isclose(got, want, rtol=1e-7, atol=1e-7), (
            f"the derivative along u must equal ∇f(x) · u / ‖u‖ = {want:.6f}, got {got}")
    along = directional_derivative(_rosenbrock, x, 3 * g)
    assert np.isclose(along, np.linalg.norm(g), rtol=1e-7), (
        f"along the gradient the derivative is the steepest possible, ‖∇f‖ = {np.linalg.norm(g):.6f}, "
        f"got {along}")
    across = np.array([g[1], -g[0], 0.0, 0.0])  # perpendicular to the gradient: along the level set
    flat = directional_derivative(_rosenbrock, x, across)
    assert abs(flat) < 1e-6 * np.linalg.norm(g), f"perpendicular to the gradient the derivative is 0, got {flat}"


def test_directional_derivative_calls_f_twice():
    calls = []

    def f(v):
        calls.append(np.shape(v))
        return float(np.sum(np.cos(v)))

    x = np.linspace(-1.0, 1.0, 6)
    directional_derivative(f, x, np.ones(6))
    assert len(calls) == 2, (
        f"directional_derivative must call f exactly twice (one central difference along û), not {len(calls)} "
        "times: computing the whole gradient first costs 2 calls per input")
    calls.clear()
    numerical_gradient(f, x)
    assert len(calls) == 12 and set(calls) == {(6,)}, (
        f"numerical_gradient should call f twice per input (12 times for 6 inputs) with arrays of shape (6,), "
        f"got {len(calls)} calls with shapes {sorted(set(calls))}")


def test_inputs_are_untouched_and_integers_work():
    x = np.array([0.1, 0.7, 1e-3, 123.456, -2.2])
    u = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    x0, u0 = x.copy(), u.copy()
    numerical_gradient(lambda v: np.sum(v ** 2), x)
    directional_derivative(lambda v: np.sum(v ** 2), x, u)
    assert np.array_equal(x, x0), (
        "x was changed (perhaps by a rounding error): nudge your own float copy and restore by assignment")
    assert np.array_equal(u, u0), "u was changed: normalise a copy, not the caller's array"
    ints = np.array([1, 2, 3])
    _close(numerical_gradient(lambda v: np.sum(v ** 2), ints), [2.0, 4.0, 6.0], 1e-8,
           "integer x (work on a float copy, or the nudges get truncated)")
    _close(numerical_gradient(lambda v: np.sum(v ** 2), [1, 2, 3]), [2.0, 4.0, 6.0], 1e-8, "a list x")
    got = directional_derivative(lambda v: np.sum(v ** 2), [1, 2, 3], [0, 0, 2])
    assert np.isclose(got, 6.0), f"integer lists: Σ v² along (0, 0, 1) at (1, 2, 3) has derivative 6, got {got}"


def test_bad_arguments_raise_value_error():
    x = np.array([1.0, 2.0, 3.0])
    total = lambda v: float(np.sum(v))  # noqa: E731
    cases = (("f returning an array of shape (3,)", lambda: numerical_gradient(lambda v: v ** 2, x)),
             ("f returning an array of shape (1,)", lambda: numerical_gradient(lambda v: np.array([v.sum()]), x)),
             ("h=0", lambda: numerical_gradient(total, x, h=0.0)),
             ("h=-1e-5", lambda: directional_derivative(total, x, x, h=-1e-5)),
             ("a 2-D x", lambda: numerical_gradient(total, np.ones((2, 2)))),
             ("a zero direction u", lambda: directional_derivative(total, x, np.zeros(3))),
             ("u of length 2 for x of length 3", lambda: directional_derivative(total, x, np.ones(2))))
    for what, call in cases:
        try:
            call()
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"{what} should raise ValueError")
