import warnings

import numpy as np
from submission import mlp_forward, relu, softmax


def _reference(X, W1, b1, W2, b2):
    H = np.maximum(X @ W1 + b1, 0.0)
    Z2 = H @ W2 + b2
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    return H, E / E.sum(axis=1, keepdims=True)


def _network(rng, n=7, d=4, h=5, k=3):
    return (rng.normal(size=(n, d)), rng.normal(size=(d, h)), rng.normal(size=h),
            rng.normal(size=(h, k)), rng.normal(size=k))


def test_example_from_the_task():
    X = np.array([[1.0, 2.0], [0.0, -1.0]])
    W1 = np.array([[1.0, -1.0, 0.5], [0.5, 1.0, -2.0]])
    b1 = np.array([0.0, 0.5, 1.0])
    W2 = np.array([[0.5, -0.5, 0.0], [0.0, 1.0, 0.0], [-0.5, 0.0, 0.5]])
    b2 = np.array([0.0, 0.0, 0.2])
    H, P = mlp_forward(X, W1, b1, W2, b2)
    assert np.allclose(H, [[2.0, 1.5, 0.0], [0.0, 0.0, 3.0]]), (
        f"expected H = [[2, 1.5, 0], [0, 0, 3]], got {np.round(H, 4).tolist()}")
    want = [[0.48641453, 0.29502533, 0.21856014], [0.03331754, 0.14931886, 0.8173636]]
    assert np.allclose(P, want, atol=1e-7), f"expected P = {want}, got {np.round(P, 8).tolist()}"
    got = softmax(np.array([1000.0, 1001.0, 1002.0]))
    assert np.allclose(got, [0.09003057, 0.24472847, 0.66524096], atol=1e-7), (
        f"softmax([1000, 1001, 1002]) should equal softmax([0, 1, 2]) = [0.0900, 0.2447, 0.6652], got {got}")


def test_relu_values_and_shape():
    z = np.array([[-2.0, -0.0, 0.0], [0.5, 3.0, -1e-9]])
    before = z.copy()
    got = relu(z)
    assert np.shape(got) == z.shape, f"relu must keep the shape {z.shape}, got {np.shape(got)}"
    assert np.array_equal(got, [[0.0, 0.0, 0.0], [0.5, 3.0, 0.0]]), (
        f"relu should keep positive values and turn everything else into 0, got {np.asarray(got).tolist()}")
    assert np.array_equal(z, before), "relu must return a new array and leave its input unchanged"
    assert np.allclose(relu([-1, 2]), [0.0, 2.0]), "relu should accept a list"


def test_softmax_rows_are_probabilities():
    rng = np.random.default_rng(0)
    Z = rng.normal(0, 3, size=(6, 4))
    got = softmax(Z)
    assert np.shape(got) == Z.shape, f"softmax must keep the shape {Z.shape}, got {np.shape(got)}"
    assert np.all(got > 0), "every softmax probability should be positive"
    sums = got.sum(axis=1)
    assert np.allclose(sums, 1.0), (
        f"each ROW should sum to 1 (softmax over the last axis), got row sums {np.round(sums, 4).tolist()}")
    want = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    assert np.allclose(got, want), "softmax(z)_j should be exp(z_j) / sum over the row of exp(z_c)"
    shifted = softmax(Z + rng.normal(size=(6, 1)) * 50)
    assert np.allclose(shifted, got), "adding a constant to every logit of a row must not change its softmax"


def test_softmax_any_number_of_dimensions():
    rng = np.random.default_rng(1)
    v = rng.normal(size=5)
    got = softmax(v)
    assert np.shape(got) == (5,) and np.isclose(np.sum(got), 1.0), (
        f"a 1-D vector should give one probability vector of shape (5,) summing to 1, got {np.round(got, 4)}")
    T = rng.normal(size=(2, 3, 4))
    got = softmax(T)
    want = np.exp(T) / np.exp(T).sum(axis=-1, keepdims=True)
    assert np.shape(got) == T.shape and np.allclose(got, want), (
        "for a 3-D array, softmax should normalise along the last axis")


def test_softmax_is_numerically_stable():
    Z = np.array([[1000.0, 0.0, -1000.0], [-1000.0, -1000.0, -1001.0], [800.0, 800.0, 800.0]])
    try:
        with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
            warnings.simplefilter("error")
            got = np.asarray(softmax(Z))
    except (FloatingPointError, RuntimeWarning) as exc:
        raise AssertionError(
            f"softmax overflowed on logits of ±1000 ({exc}): subtract each row's maximum before np.exp")
    assert np.all(np.isfinite(got)), f"softmax must not return inf or NaN, got {got.tolist()}"
    want = [[1.0, 0.0, 0.0], [0.42231879, 0.42231879, 0.15536241], [1 / 3, 1 / 3, 1 / 3]]
    assert np.allclose(got, want, atol=1e-7), f"expected {want}, got {np.round(got, 8).tolist()}"


def test_forward_matches_the_equations():
    rng = np.random.default_rng(2)
    args = _network(rng)
    H, P = mlp_forward(*args)
    want_H, want_P = _reference(*args)
    assert np.shape(H) == (7, 5), f"H should have shape (n, h) = (7, 5), got {np.shape(H)}"
    assert np.shape(P) == (7, 3), f"P should have shape (n, k) = (7, 3), got {np.shape(P)}"
    assert np.allclose(H, want_H), "H should be relu(X @ W1 + b1)"
    assert np.allclose(P.sum(axis=1), 1.0), "every row of P should sum to 1"
    assert np.allclose(P, want_P), "P should be softmax(H @ W2 + b2), one softmax per row"


def test_dead_hidden_layer_leaves_only_the_output_bias():
    rng = np.random.default_rng(3)
    X, W1, _, W2, _ = _network(rng, n=4)
    b1 = np.full(5, -1e6)  # every hidden unit is switched off for every sample
    b2 = np.array([0.0, np.log(2.0), np.log(5.0)])
    H, P = mlp_forward(X, W1 * 0.0, b1, W2, b2)
    assert np.array_equal(H, np.zeros((4, 5))), "with very negative hidden pre-activations, relu makes H all 0"
    assert np.allclose(P, np.tile([0.125, 0.25, 0.625], (4, 1))), (
        "with H = 0 the logits are just b2, so every row of P should be softmax(b2) = [0.125, 0.25, 0.625]; "
        f"got {np.round(P, 4).tolist()}")


def test_inputs_are_not_modified_and_lists_work():
    rng = np.random.default_rng(4)
    args = _network(rng)
    copies = [a.copy() for a in args]
    H, P = mlp_forward(*args)
    assert all(np.array_equal(a, c) for a, c in zip(args, copies)), "mlp_forward must not modify its inputs"
    H2, P2 = mlp_forward(*(a.tolist() for a in args))
    assert np.allclose(H, H2) and np.allclose(P, P2), "lists should give the same result as arrays"


def test_shapes_that_do_not_fit_raise_value_error():
    rng = np.random.default_rng(5)
    X, W1, b1, W2, b2 = _network(rng)
    cases = (("a 1-D X", (X[0], W1, b1, W2, b2)),
             ("W1 with 3 rows for 4 features", (X, W1[:3], b1, W2, b2)),
             ("b1 of length 4 for 5 hidden units", (X, W1, b1[:4], W2, b2)),
             ("W2 with 4 rows for 5 hidden units", (X, W1, b1, W2[:4], b2)),
             ("b2 of length 2 for 3 classes", (X, W1, b1, W2, b2[:2])),
             ("b1 of shape (1, 5)", (X, W1, b1[None, :], W2, b2)))
    for what, args in cases:
        try:
            mlp_forward(*args)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"mlp_forward with {what} should raise ValueError")
