import numpy as np
from submission import layer_norm


def _reference(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta


def test_example_from_the_task():
    x = np.array([[1.0, 2.0, 3.0, 6.0], [5.0, 5.0, 5.0, 5.0]])
    got = layer_norm(x, np.ones(4), np.zeros(4))
    want = [[-1.06904344, -0.53452172, 0.0, 1.60356516], [0.0, 0.0, 0.0, 0.0]]
    assert np.allclose(got, want, atol=1e-7), f"expected {want}, got {np.round(np.asarray(got), 8).tolist()}"
    got = layer_norm(x, np.array([1.0, 1.0, 2.0, 0.5]), np.array([0.0, 0.0, 0.0, 1.0]))
    want = [[-1.06904344, -0.53452172, 0.0, 1.80178258], [0.0, 0.0, 0.0, 1.0]]
    assert np.allclose(got, want, atol=1e-7), (
        f"with gamma [1, 1, 2, 0.5] and beta [0, 0, 0, 1] expected {want}, got {np.round(np.asarray(got), 8).tolist()}")


def test_each_row_gets_mean_zero_and_unit_variance():
    rng = np.random.default_rng(0)
    x = rng.normal(3.0, 2.0, size=(6, 10))
    got = np.asarray(layer_norm(x, np.ones(10), np.zeros(10)))
    assert got.shape == x.shape, f"the output must keep the shape {x.shape}, got {got.shape}"
    assert np.allclose(got.mean(axis=1), 0.0), "with gamma = 1 and beta = 0, every ROW should have mean 0"
    variances = got.var(axis=1)
    assert np.allclose(variances, 1.0, atol=1e-4), (
        f"with gamma = 1 and beta = 0, every row should have variance about 1, got {np.round(variances, 4).tolist()}; "
        "normalise along the last axis with the population variance (ddof=0)")


def test_three_dimensional_input_normalises_the_last_axis():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 3, 5)) * rng.uniform(0.5, 4, size=(2, 3, 1)) + rng.normal(size=(2, 3, 1))
    gamma, beta = rng.normal(size=5), rng.normal(size=5)
    got = np.asarray(layer_norm(x, gamma, beta))
    assert got.shape == x.shape, f"a (2, 3, 5) input should give a (2, 3, 5) output, got {got.shape}"
    assert np.allclose(got, _reference(x, gamma, beta)), (
        "for a (batch, seq_len, d) input every (batch, position) vector of length d is normalised on its own "
        "and then scaled by gamma and shifted by beta")


def test_single_vector_and_lists():
    got = layer_norm([2.0, 4.0, 6.0], [1.0, 1.0, 1.0], [0.0, 0.0, 0.0])
    want = _reference(np.array([2.0, 4.0, 6.0]), np.ones(3), np.zeros(3))
    assert np.shape(got) == (3,) and np.allclose(got, want), (
        f"a single vector [2, 4, 6] (variance 8/3) should give about [-1.2247, 0, 1.2247], got {got}")


def test_eps_goes_inside_the_square_root():
    x = np.array([0.0, 1e-3, 2e-3, 3e-3])  # variance 1.25e-6, smaller than eps
    got = layer_norm(x, np.ones(4), np.zeros(4))
    want = _reference(x, np.ones(4), np.zeros(4))
    assert np.allclose(got, want, rtol=1e-6, atol=0), (
        f"for a row with a tiny variance expected {np.round(want, 6).tolist()}, "
        f"got {np.round(np.asarray(got), 6).tolist()}: "
        "divide by sqrt(var + eps), with eps inside the square root")
    wide = layer_norm(np.array([1.0, 2.0, 3.0, 6.0]), np.ones(4), np.zeros(4), eps=1.0)
    assert np.allclose(wide, [-0.94280904, -0.47140452, 0.0, 1.41421356]), (
        f"with eps=1 expected [-0.9428, -0.4714, 0, 1.4142] (divide by sqrt(3.5 + 1)), got {wide}: "
        "use the eps argument")


def test_constant_rows_become_beta():
    beta = np.array([0.5, -1.0, 2.0])
    got = np.asarray(layer_norm(np.full((2, 3), 7.0), np.array([3.0, 3.0, 3.0]), beta))
    assert np.all(np.isfinite(got)), f"a constant row must not give NaN or inf, got {got.tolist()}"
    assert np.allclose(got, np.tile(beta, (2, 1))), f"a constant row normalises to 0, so it should become beta {beta}"


def test_values_far_from_zero():
    offsets = np.array([[0.0], [1e8]])
    x = np.array([[1.0, 2.0, 3.0, 4.0]]) + offsets
    got = np.asarray(layer_norm(x, np.ones(4), np.zeros(4)))
    want = _reference(np.array([1.0, 2.0, 3.0, 4.0]), np.ones(4), np.zeros(4))
    assert np.allclose(got[1], want, atol=1e-6), (
        f"[1e8 + 1, 1e8 + 2, 1e8 + 3, 1e8 + 4] should normalise exactly like [1, 2, 3, 4] = "
        f"{np.round(want, 5).tolist()}, "
        f"got {np.round(got[1], 5).tolist()}: compute the variance of x - mean, not mean(x**2) - mean**2")


def test_inputs_are_not_modified():
    rng = np.random.default_rng(2)
    x, gamma, beta = rng.normal(size=(4, 6)), rng.normal(size=6), rng.normal(size=6)
    before = (x.copy(), gamma.copy(), beta.copy())
    layer_norm(x, gamma, beta)
    assert all(np.array_equal(a, b) for a, b in zip((x, gamma, beta), before)), "layer_norm must not modify its inputs"


def test_bad_arguments_raise_value_error():
    x = np.ones((3, 4))
    cases = (("gamma of length 3 for 4 features", (x, np.ones(3), np.zeros(4)), {}),
             ("beta of length 5 for 4 features", (x, np.ones(4), np.zeros(5)), {}),
             ("gamma of shape (1, 4)", (x, np.ones((1, 4)), np.zeros(4)), {}),
             ("gamma of length 3 for a (3, 5) x, whose features are its 5 columns",
              (np.ones((3, 5)), np.ones(3), np.zeros(3)), {}),
             ("a single number as x", (np.float64(2.0), np.ones(1), np.zeros(1)), {}),
             ("eps=-1", (x, np.ones(4), np.zeros(4)), {"eps": -1.0}))
    for what, args, kwargs in cases:
        try:
            layer_norm(*args, **kwargs)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"layer_norm with {what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"layer_norm with {what} should raise ValueError")
