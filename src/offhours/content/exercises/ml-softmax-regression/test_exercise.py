import warnings

import numpy as np
from submission import cross_entropy, gradient_step, softmax


def _quiet(call, what, advice):
    """Run call() turning any floating-point overflow, 0/0 or log(0) into a test failure."""
    try:
        with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
            warnings.simplefilter("error")
            return call()
    except (FloatingPointError, RuntimeWarning) as exc:
        raise AssertionError(f"{what} hit a floating-point problem ({exc}): {advice}")


def _loss(X, y, W, b):
    Z = X @ W + b
    Z = Z - Z.max(axis=1, keepdims=True)
    return -np.mean(Z[np.arange(len(y)), y] - np.log(np.exp(Z).sum(axis=1)))


def _blobs(rng, per_class=60):
    centres = np.array([[0.0, 3.0], [3.0, -2.0], [-3.0, -2.0]])
    X = np.concatenate([c + rng.normal(size=(per_class, 2)) for c in centres])
    return X, np.repeat(np.arange(3), per_class)


def test_example_from_the_task():
    got = softmax(np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 1000.0], [-1000.0, 0.0, 1000.0]]))
    want = [[0.09003057, 0.24472847, 0.66524096], [1 / 3, 1 / 3, 1 / 3], [0.0, 0.0, 1.0]]
    assert np.allclose(got, want), f"expected softmax {np.round(want, 4).tolist()}, got {np.round(got, 4).tolist()}"
    ce = cross_entropy(np.array([[1000.0, 0.0]]), [1])
    assert np.isclose(ce, 1000.0), f"expected cross_entropy([[1000, 0]], [1]) = 1000.0, got {ce}"
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    new_W, new_b, loss = gradient_step(X, [0, 1, 1], np.zeros((2, 3)), np.zeros(3), learning_rate=3.0)
    want_W = [[1 / 3, 1 / 3, -2 / 3], [-2 / 3, 4 / 3, -2 / 3]]
    assert np.allclose(new_W, want_W), (
        f"expected new_W {np.round(want_W, 4).tolist()}, got {np.round(new_W, 4).tolist()}")
    assert np.allclose(new_b, [0.0, 1.0, -1.0]), f"expected new_b [0, 1, -1], got {np.round(new_b, 4).tolist()}"
    assert np.isclose(loss, np.log(3)), f"expected the loss before the step, log 3 = 1.0986, got {loss}"


def test_softmax_rows_are_probabilities():
    rng = np.random.default_rng(0)
    Z = rng.normal(scale=3.0, size=(20, 5))
    P = softmax(Z)
    assert np.shape(P) == (20, 5), f"softmax must keep the shape (20, 5), got {np.shape(P)}"
    assert np.allclose(np.sum(P, axis=1), 1.0), "every row of softmax must sum to 1 (normalise along axis=1)"
    want = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    assert np.allclose(P, want, rtol=1e-12, atol=0), "softmax(z)_k should be e^(z_k) / sum_j e^(z_j), row by row"
    shifted = Z + rng.uniform(-50, 50, size=(20, 1))
    assert np.allclose(softmax(shifted), P), "adding a constant to a whole row must not change its softmax"


def test_softmax_is_numerically_stable():
    Z = np.array([[1000.0, 1000.0, 0.0], [-1000.0, -1000.0, -1000.0], [800.0, -800.0, 799.0]])
    P = np.asarray(_quiet(lambda: softmax(Z), "softmax of logits like ±1000",
                          "subtract each row's maximum before exponentiating"))
    assert np.all(np.isfinite(P)), f"softmax must never return NaN or inf, got {P.tolist()}"
    e = 1.0 / (1.0 + np.exp(-1.0))
    want = [[0.5, 0.5, 0.0], [1 / 3, 1 / 3, 1 / 3], [e, 0.0, 1.0 - e]]
    assert np.allclose(P, want), f"expected {np.round(want, 4).tolist()}, got {np.round(P, 4).tolist()}"


def test_cross_entropy_values():
    rng = np.random.default_rng(1)
    Z = rng.normal(size=(30, 4))
    y = rng.integers(0, 4, size=30)
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    want = -np.mean(np.log(P[np.arange(30), y]))
    got = cross_entropy(Z, y)
    assert isinstance(got, float), f"cross_entropy should return a Python float, got {type(got).__name__}"
    assert np.isclose(got, want), f"expected the mean of -log(probability of the true class), {want:.5f}, got {got:.5f}"
    assert np.isclose(cross_entropy(np.zeros((7, 5)), np.arange(7) % 5), np.log(5)), (
        "equal logits give every class 1/5, so the cross-entropy is log 5")


def test_cross_entropy_is_finite_for_extreme_logits():
    Z = np.array([[1000.0, 0.0], [0.0, 1000.0], [-1000.0, 1000.0]])
    got = _quiet(lambda: cross_entropy(Z, np.array([1, 1, 0])), "cross_entropy of logits like ±1000",
                 "use log-softmax = shifted logits − log(sum of their exponentials), never log(softmax)")
    assert np.isfinite(got), f"cross_entropy must stay finite, got {got}"
    assert np.isclose(got, (1000.0 + 0.0 + 2000.0) / 3), (
        f"expected (1000 + 0 + 2000) / 3 = 1000.0: work with log-softmax, not log(softmax); got {got}")


def test_gradient_matches_finite_differences():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(25, 3))
    y = rng.integers(0, 4, size=25)
    W, b = rng.normal(scale=0.5, size=(3, 4)), rng.normal(scale=0.5, size=4)
    lr = 0.1
    new_W, new_b, loss = gradient_step(X, y, W, b, lr)
    assert np.shape(new_W) == (3, 4) and np.shape(new_b) == (4,), (
        f"expected new_W of shape (3, 4) and new_b of shape (4,), got {np.shape(new_W)} and {np.shape(new_b)}")
    assert np.isclose(loss, _loss(X, y, W, b)), "the returned loss should be the cross-entropy before the step"
    h = 1e-6
    num_W = np.zeros_like(W)
    for i in range(3):
        for k in range(4):
            step = np.zeros_like(W)
            step[i, k] = h
            num_W[i, k] = (_loss(X, y, W + step, b) - _loss(X, y, W - step, b)) / (2 * h)
    num_b = np.array([(_loss(X, y, W, b + h * e) - _loss(X, y, W, b - h * e)) / (2 * h) for e in np.eye(4)])
    assert np.allclose((W - new_W) / lr, num_W, atol=1e-6), (
        "W moved by something other than learning_rate times the gradient of the mean cross-entropy: "
        "check (1/n) · Xᵀ(P − Y)")
    assert np.allclose((b - new_b) / lr, num_b, atol=1e-6), (
        "b moved by something other than learning_rate times the gradient: check the mean of (P − Y) over rows")
    assert np.isclose(np.sum(new_b), np.sum(b)), "each row of P − Y sums to 0, so a step never changes sum(b)"


def test_repeated_steps_learn_three_classes():
    rng = np.random.default_rng(3)
    X, y = _blobs(rng)
    W, b = np.zeros((2, 3)), np.zeros(3)
    losses = []
    for _ in range(200):
        W, b, loss = gradient_step(X, y, W, b, 0.5)
        losses.append(loss)
    assert np.isclose(losses[0], np.log(3)), f"the first loss from zero weights should be log 3, got {losses[0]}"
    assert np.all(np.diff(losses) < 0), "with a modest learning rate the loss must go down at every step"
    accuracy = np.mean(np.argmax(X @ W + b, axis=1) == y)
    assert accuracy > 0.95, f"after 200 steps the three well-separated blobs should be >95% right, got {accuracy:.0%}"


def test_inputs_are_not_modified():
    rng = np.random.default_rng(4)
    X, y = _blobs(rng, per_class=5)
    W, b = rng.normal(size=(2, 3)), rng.normal(size=3)
    Z = X @ W + b
    saved = [a.copy() for a in (X, y, W, b, Z)]
    softmax(Z)
    cross_entropy(Z, y)
    gradient_step(X, y, W, b, 0.5)
    for name, before, after in zip("X y W b Z".split(), saved, (X, y, W, b, Z)):
        assert np.array_equal(before, after), f"{name} must not be modified: return new arrays instead"


def test_bad_arguments_raise_value_error():
    X, W, b, y = np.ones((4, 2)), np.zeros((2, 3)), np.zeros(3), np.array([0, 1, 2, 1])
    cases = (("softmax of a 1-D array", lambda: softmax(np.zeros(3))),
             ("label 3 with 3 classes", lambda: cross_entropy(np.zeros((2, 3)), [0, 3])),
             ("label -1", lambda: cross_entropy(np.zeros((2, 3)), [-1, 0])),
             ("3 labels for 4 rows", lambda: gradient_step(X, y[:3], W, b, 0.1)),
             ("W with 3 rows for 2 features", lambda: gradient_step(X, y, np.zeros((3, 3)), b, 0.1)),
             ("b with 2 entries for 3 classes", lambda: gradient_step(X, y, W, np.zeros(2), 0.1)))
    for what, call in cases:
        try:
            call()
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"{what} should raise ValueError")
