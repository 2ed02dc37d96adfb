import warnings

import numpy as np
from submission import mlp_loss_and_grads

NAMES = ("W1", "b1", "W2", "b2")


def _loss(X, y, params):
    H = np.maximum(X @ params["W1"] + params["b1"], 0.0)
    Z = H @ params["W2"] + params["b2"]
    Z = Z - Z.max(axis=1, keepdims=True)
    log_probs = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    return -log_probs[np.arange(len(y)), y].mean()


def _numerical_grads(X, y, params, eps=1e-6):
    """Central differences, one parameter entry at a time."""
    grads = {}
    for name in NAMES:
        grad = np.zeros_like(params[name])
        for index in np.ndindex(params[name].shape):
            shifted = {key: value.copy() for key, value in params.items()}
            shifted[name][index] += eps
            up = _loss(X, y, shifted)
            shifted[name][index] -= 2 * eps
            grad[index] = (up - _loss(X, y, shifted)) / (2 * eps)
        grads[name] = grad
    return grads


def _problem(rng, n=8, d=3, h=5, k=4):
    X = rng.normal(size=(n, d))
    y = rng.integers(0, k, size=n)
    params = {"W1": rng.normal(size=(d, h)), "b1": rng.normal(0, 0.5, size=h),
              "W2": rng.normal(size=(h, k)), "b2": rng.normal(0, 0.5, size=k)}
    return X, y, params


def _call(X, y, params):
    return mlp_loss_and_grads(X, y, *(params[name] for name in NAMES))


def _check_against_numerical(X, y, params, what):
    loss, grads = _call(X, y, params)
    assert np.isclose(loss, _loss(X, y, params), rtol=1e-10), (
        f"{what}: expected loss {_loss(X, y, params):.6f}, got {loss:.6f}")
    numerical = _numerical_grads(X, y, params)
    for name in ("b2", "W2", "b1", "W1"):  # in the order backpropagation reaches them
        got = np.asarray(grads[name])
        assert got.shape == params[name].shape, (
            f"{what}: grads['{name}'] should have the shape of {name}, {params[name].shape}, got {got.shape}")
        want = numerical[name]
        error = np.linalg.norm(got - want) / max(np.linalg.norm(got) + np.linalg.norm(want), 1e-12)
        worst = np.unravel_index(np.argmax(np.abs(got - want)), got.shape)
        assert error < 1e-6, (
            f"{what}: grads['{name}'] does not match the numerical gradient (relative error {error:.2e}); "
            f"at index {tuple(int(i) for i in worst)} expected {want[worst]:.6f}, got {got[worst]:.6f}")


def test_example_from_the_task():
    X = np.array([[1.0, 2.0], [0.0, -1.0]])
    y = np.array([0, 2])
    W1 = np.array([[1.0, -1.0, 0.5], [0.5, 1.0, -2.0]])
    b1 = np.array([0.0, 0.5, 1.0])
    W2 = np.array([[0.5, -0.5, 0.0], [0.0, 1.0, 0.0], [-0.5, 0.0, 0.5]])
    b2 = np.array([0.0, 0.0, 0.2])
    loss, grads = mlp_loss_and_grads(X, y, W1, b1, W2, b2)
    assert np.isclose(loss, 0.46118266, atol=1e-7), (
        f"expected loss 0.46118 = -(log 0.48641 + log 0.81736) / 2, got {loss}")
    assert isinstance(loss, float), f"the loss should be a Python float, got {type(loss).__name__}"
    want = {"W1": [[-0.2021527, 0.14751266, 0.0], [-0.4043054, 0.29502533, 0.05398849]],
            "b1": [-0.2021527, 0.14751266, -0.05398849],
            "W2": [[-0.51358547, 0.29502533, 0.21856014], [-0.3851891, 0.221269, 0.1639201],
                   [0.04997631, 0.22397829, -0.27395461]],
            "b2": [-0.24013396, 0.2221721, 0.01796187]}
    assert set(grads) == set(NAMES), f"grads should have exactly the keys {list(NAMES)}, got {sorted(grads)}"
    for name in ("b2", "W2", "b1", "W1"):
        assert np.allclose(grads[name], want[name], atol=1e-7), (
            f"expected grads['{name}'] = {want[name]}, got {np.round(np.asarray(grads[name]), 8).tolist()}")


def test_gradients_match_numerical_gradients():
    rng = np.random.default_rng(0)
    X, y, params = _problem(rng)
    _check_against_numerical(X, y, params, "8 samples, 3 features, 5 hidden units, 4 classes")


def test_other_shapes_match_numerical_gradients():
    rng = np.random.default_rng(1)
    X, y, params = _problem(rng, n=1, d=2, h=3, k=2)
    _check_against_numerical(X, y, params, "a single sample")
    X, y, params = _problem(rng, n=20, d=6, h=2, k=5)
    _check_against_numerical(X, y, params, "20 samples, 2 hidden units, 5 classes")


def test_loss_is_the_mean_over_the_batch():
    rng = np.random.default_rng(2)
    X, y, params = _problem(rng)
    loss, grads = _call(X, y, params)
    loss2, grads2 = _call(np.vstack([X, X]), np.concatenate([y, y]), params)
    assert np.isclose(loss, loss2), (
        f"repeating the whole batch twice should not change a MEAN loss, got {loss:.5f} then {loss2:.5f}")
    for name in NAMES:
        assert np.allclose(grads[name], grads2[name]), (
            f"repeating the batch twice should not change grads['{name}']: the loss is a mean, so every "
            "gradient is divided by the batch size n, exactly once")


def test_dead_hidden_units_get_zero_gradient():
    rng = np.random.default_rng(3)
    X, y, params = _problem(rng)
    params["W1"][:, 1] = 0.0
    params["b1"][1] = -1.0  # unit 1 is negative for every sample, so its ReLU outputs 0 and passes no gradient
    _, grads = _call(X, y, params)
    assert np.allclose(np.asarray(grads["W1"])[:, 1], 0) and np.isclose(grads["b1"][1], 0), (
        "a hidden unit whose ReLU input is negative for every sample must get zero gradient in W1 and b1: "
        "multiply by the ReLU's derivative, (Z1 > 0)")
    assert np.allclose(np.asarray(grads["W2"])[1], 0), (
        "the row of W2 fed by an always-zero hidden unit must get zero gradient")


def test_loss_is_stable_for_large_logits():
    rng = np.random.default_rng(4)
    X, y, params = _problem(rng)
    params["W2"] = params["W2"] * 1000.0  # logits in the thousands: softmax saturates to exact 0s and 1s
    try:
        with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
            warnings.simplefilter("error")
            loss, grads = _call(X, y, params)
    except (FloatingPointError, RuntimeWarning) as exc:
        raise AssertionError(f"logits in the thousands made the computation overflow or take log(0) ({exc}): "
                             "compute the log-softmax from logits minus their row maximum")
    assert np.isfinite(loss) and np.isclose(loss, _loss(X, y, params), rtol=1e-9), (
        f"expected a finite loss of {_loss(X, y, params):.2f}, got {loss}")
    assert all(np.all(np.isfinite(grads[name])) for name in NAMES), "every gradient must be finite"


def test_gradient_descent_learns_xor():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0])
    rng = np.random.default_rng(5)
    params = {"W1": rng.normal(0, 1, size=(2, 8)), "b1": np.zeros(8),
              "W2": rng.normal(0, 1, size=(8, 2)), "b2": np.zeros(2)}
    first, _ = _call(X, y, params)
    for _ in range(500):
        loss, grads = _call(X, y, params)
        params = {name: params[name] - 0.5 * np.asarray(grads[name]) for name in NAMES}
    H = np.maximum(X @ params["W1"] + params["b1"], 0.0)
    predicted = (H @ params["W2"] + params["b2"]).argmax(axis=1)
    assert loss < 0.05 and predicted.tolist() == [0, 1, 1, 0], (
        f"500 gradient descent steps with your gradients should fit XOR (loss {first:.3f} -> below 0.05, "
        f"predictions [0, 1, 1, 0]); got loss {loss:.3f} and predictions {predicted.tolist()}")


def test_inputs_are_not_modified():
    rng = np.random.default_rng(6)
    X, y, params = _problem(rng)
    before = (X.copy(), y.copy(), {name: value.copy() for name, value in params.items()})
    _call(X, y, params)
    assert np.array_equal(X, before[0]) and np.array_equal(y, before[1]), "X and y must not be modified"
    for name in NAMES:
        assert np.array_equal(params[name], before[2][name]), f"{name} must not be modified"


def test_bad_labels_raise_value_error():
    rng = np.random.default_rng(7)
    X, y, params = _problem(rng, n=4, k=3)
    cases = (("a label equal to the number of classes (3)", np.array([0, 1, 2, 3])),
             ("a negative label", np.array([0, -1, 2, 1])),
             ("3 labels for 4 samples", np.array([0, 1, 2])),
             ("labels of shape (4, 1)", np.array([[0], [1], [2], [1]])))
    for what, labels in cases:
        try:
            _call(X, labels, params)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"mlp_loss_and_grads with {what} should raise ValueError")
