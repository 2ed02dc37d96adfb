import warnings

import numpy as np
from submission import causal_mask, scaled_dot_product_attention


def _reference(Q, K, V):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights


def _strict(call, what):
    try:
        with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
            warnings.simplefilter("error")
            return call()
    except (FloatingPointError, RuntimeWarning) as exc:
        raise AssertionError(f"{what} produced a numerical warning ({exc})")


def test_example_from_the_task():
    Q = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    V = np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 3.0]])
    output, weights = scaled_dot_product_attention(Q, Q.copy(), V)
    want_w = [[0.40111209, 0.19777581, 0.40111209], [0.19777581, 0.40111209, 0.40111209],
              [0.24825508, 0.24825508, 0.50348984]]
    assert np.allclose(weights, want_w, atol=1e-7), (
        f"expected weights {want_w}, got {np.round(np.asarray(weights), 8).tolist()}")
    want_o = [[1.60444837, 1.59888791], [1.40111209, 2.00556046], [1.75872461, 2.00697969]]
    assert np.allclose(output, want_o, atol=1e-7), f"expected output {want_o}, got {np.round(output, 8).tolist()}"
    mask = causal_mask(3)
    want_m = [[False, True, True], [False, False, True], [False, False, False]]
    assert np.asarray(mask).dtype == bool and np.array_equal(mask, want_m), (
        f"causal_mask(3) should be the boolean array {want_m}, got {np.asarray(mask).tolist()}")
    output, weights = scaled_dot_product_attention(Q, Q.copy(), V, mask=mask)
    want_w = [[1.0, 0.0, 0.0], [0.33023845, 0.66976155, 0.0], [0.24825508, 0.24825508, 0.50348984]]
    assert np.allclose(weights, want_w, atol=1e-7), (
        f"with the causal mask expected weights {want_w}, got {np.round(np.asarray(weights), 8).tolist()}")
    want_o = [[1.0, 0.0], [0.33023845, 1.3395231], [1.75872461, 2.00697969]]
    assert np.allclose(output, want_o, atol=1e-7), (
        f"with the causal mask expected output {want_o}, got {np.round(output, 8).tolist()}")


def test_matches_the_formula_with_batch_and_head_axes():
    rng = np.random.default_rng(0)
    Q, K, V = rng.normal(size=(2, 3, 4, 8)), rng.normal(size=(2, 3, 5, 8)), rng.normal(size=(2, 3, 5, 6))
    output, weights = scaled_dot_product_attention(Q, K, V)
    want_o, want_w = _reference(Q, K, V)
    assert np.shape(weights) == (2, 3, 4, 5), (
        f"weights should have shape (batch, heads, n_q, n_k) = (2, 3, 4, 5), got {np.shape(weights)}")
    assert np.shape(output) == (2, 3, 4, 6), (
        f"output should have shape (batch, heads, n_q, d_v) = (2, 3, 4, 6), got {np.shape(output)}")
    assert np.allclose(np.sum(weights, axis=-1), 1.0), (
        "each query's weights (over the keys, the last axis) should sum to 1")
    assert np.allclose(weights, want_w), (
        "weights should be softmax(Q Kᵀ / √d_k) over the keys; with d_k = 8, check that you divide by √8 = 2.83 "
        "(not by d_k, nor by √d_v)")
    assert np.allclose(output, weights @ V) and np.allclose(output, want_o), "output should be weights @ V"


def test_masked_keys_get_zero_weight_and_the_rest_renormalise():
    rng = np.random.default_rng(1)
    Q, K, V = rng.normal(size=(4, 3)), rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    mask = rng.uniform(size=(4, 6)) < 0.4
    mask[:, 0] = False  # every query keeps at least one key
    output, weights = scaled_dot_product_attention(Q, K, V, mask=mask)
    weights = np.asarray(weights)
    assert np.all(weights[mask] == 0.0), (
        "every position where mask is True must get weight exactly 0 (True means 'do not look at this key')")
    for i in range(4):
        keep = ~mask[i]
        want_o, want_w = _reference(Q[i:i + 1], K[keep], V[keep])
        assert np.allclose(weights[i, keep], want_w[0]), (
            f"query {i}: the weights of the allowed keys should be the softmax over those keys only "
            f"(expected {np.round(want_w[0], 4).tolist()}, got {np.round(weights[i, keep], 4).tolist()})")
        assert np.allclose(output[i], want_o[0]), f"query {i}: the output should average only the allowed values"


def test_causal_mask_and_causal_attention():
    for n in (1, 2, 5):
        got = np.asarray(causal_mask(n))
        assert got.shape == (n, n) and got.dtype == bool, f"causal_mask({n}) should be a ({n}, {n}) boolean array"
        assert np.array_equal(got, np.arange(n)[:, None] < np.arange(n)[None, :]), (
            f"causal_mask({n}) should be True exactly where the key comes after the query (j > i)")
    rng = np.random.default_rng(2)
    X, V = rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 3))
    output, weights = scaled_dot_product_attention(X, X, V, mask=causal_mask(5))
    assert np.allclose(np.triu(weights, k=1), 0.0), "with a causal mask no query may give weight to a later key"
    assert np.allclose(output[:, 0], V[:, 0]), "under a causal mask the first position can only copy its own value"
    changed = V.copy()
    changed[:, 3:] += 100.0
    later, _ = scaled_dot_product_attention(X, X, changed, mask=causal_mask(5))
    assert np.allclose(later[:, :3], output[:, :3]), (
        "changing the values at positions 3 and 4 must not affect outputs 0-2")


def test_padding_mask_broadcasts_over_queries():
    rng = np.random.default_rng(3)
    Q, K, V = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 2))
    lengths = np.array([5, 3])  # the second sequence has two padding positions at the end
    padding = (np.arange(5)[None, :] >= lengths[:, None])[:, None, :]  # shape (2, 1, 5)
    output, weights = scaled_dot_product_attention(Q, K, V, mask=padding)
    assert np.shape(weights) == (2, 3, 5), (
        f"a (2, 1, 5) mask must broadcast over the 3 queries, got weights of shape {np.shape(weights)}")
    assert np.allclose(np.asarray(weights)[1, :, 3:], 0.0), (
        "padding keys 3 and 4 of the second sequence need zero weight")
    want_o, _ = _reference(Q[1], K[1, :3], V[1, :3])
    assert np.allclose(output[1], want_o), "the second sequence should attend as if it were only 3 keys long"
    assert np.allclose(output[0], _reference(Q[0], K[0], V[0])[0]), "the first sequence has no padding: nothing changes"


def test_fully_masked_query_gives_zeros():
    rng = np.random.default_rng(4)
    Q, K, V = rng.normal(size=(3, 2)), rng.normal(size=(4, 2)), rng.normal(size=(4, 3))
    mask = np.zeros((3, 4), dtype=bool)
    mask[1] = True  # query 1 may look at nothing
    output, weights = _strict(lambda: scaled_dot_product_attention(Q, K, V, mask=mask),
                              "a fully masked row (its scores are all -inf, and -inf - (-inf) is NaN)")
    weights, output = np.asarray(weights), np.asarray(output)
    assert np.all(np.isfinite(weights)) and np.all(np.isfinite(output)), (
        "a query whose keys are all masked must not produce NaN")
    uniform = np.allclose(weights[1], 0.25)
    even = " (a large negative number instead of -inf spreads the weight evenly)" if uniform else ""
    assert np.all(weights[1] == 0.0) and np.all(output[1] == 0.0), (
        f"a query whose keys are all masked should get all-zero weights and an all-zero output, got weights "
        f"{np.round(weights[1], 4).tolist()}{even}")
    assert np.allclose(weights[[0, 2]], _reference(Q[[0, 2]], K, V)[1]), "the other queries are not affected"


def test_large_scores_are_stable():
    rng = np.random.default_rng(5)
    Q, K, V = rng.normal(size=(4, 8)) * 300, rng.normal(size=(6, 8)) * 300, rng.normal(size=(6, 3))
    mask = causal_mask(6)[:4]
    output, weights = _strict(lambda: scaled_dot_product_attention(Q, K, V, mask=mask), "scores of about ±1e5")
    assert np.all(np.isfinite(output)) and np.allclose(np.sum(weights, axis=-1), 1.0), (
        "with huge scores the weights must still be finite and sum to 1: subtract each row's maximum before np.exp")


def test_inputs_are_not_modified():
    rng = np.random.default_rng(6)
    Q, K, V = rng.normal(size=(3, 4)), rng.normal(size=(5, 4)), rng.normal(size=(5, 2))
    mask = rng.uniform(size=(3, 5)) < 0.3
    before = [a.copy() for a in (Q, K, V, mask)]
    scaled_dot_product_attention(Q, K, V, mask=mask)
    assert all(np.array_equal(a, b) for a, b in zip((Q, K, V, mask), before)), "Q, K, V and mask must not be modified"


def test_bad_arguments_raise_value_error():
    Q, K, V = np.ones((3, 4)), np.ones((5, 4)), np.ones((5, 2))
    cases = (("an integer 0/1 mask", (Q, K, V, np.zeros((3, 5), dtype=int))),
             ("keys with d_k = 3 for queries with d_k = 4", (Q, np.ones((5, 3)), V, None)),
             ("6 values for 5 keys", (Q, K, np.ones((6, 2)), None)),
             ("a (3, 4) mask for (3, 5) scores", (Q, K, V, np.zeros((3, 4), dtype=bool))),
             ("a (2, 3, 5) mask that would add an axis", (Q, K, V, np.zeros((2, 3, 5), dtype=bool))),
             ("1-D queries", (np.ones(4), K, V, None)),
             ("a batch axis on Q only", (np.ones((2, 3, 4)), K, V, None)))
    for what, (q, k, v, m) in cases:
        try:
            scaled_dot_product_attention(q, k, v, mask=m)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"scaled_dot_product_attention with {what} should raise ValueError")
