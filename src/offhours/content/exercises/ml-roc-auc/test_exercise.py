import numpy as np
from submission import roc_auc


def _auc_by_pairs(y, s):
    """The definition: the share of positive-negative pairs the positive wins, a tie counting half."""
    y, s = np.asarray(y), np.asarray(s, dtype=float)
    pos, neg = s[y == 1][:, None], s[y == 0][None, :]
    return float(np.mean((pos > neg) + 0.5 * (pos == neg)))


def test_examples_from_the_task():
    got = roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    assert np.isclose(got, 0.75), f"expected 0.75, got {got}"
    got = roc_auc([0, 1, 0, 1], [0.3, 0.3, 0.1, 0.9])
    assert np.isclose(got, 0.875), f"expected 0.875 (the tie at 0.3 counts as half a win), got {got}"


def test_perfect_reversed_and_constant_scores():
    y = [0, 0, 0, 1, 1]
    s = [0.1, 0.2, 0.3, 0.8, 0.9]
    assert np.isclose(roc_auc(y, s), 1.0), f"positives all scored highest should give 1.0, got {roc_auc(y, s)}"
    assert np.isclose(roc_auc(y, [-v for v in s]), 0.0), (
        f"positives all scored lowest should give 0.0, got {roc_auc(y, [-v for v in s])}")
    got = roc_auc(y, [0.5] * 5)
    assert np.isclose(got, 0.5), f"all scores equal is one big tie, so AUC should be 0.5, got {got}"


def test_ties_get_average_ranks():
    # many ties across and within the classes; ranks without averaging give a different answer
    y = np.array([1, 0, 1, 0, 0, 1, 1, 0, 1, 0])
    s = np.array([2, 2, 2, 1, 1, 3, 1, 3, 3, 2])
    want = _auc_by_pairs(y, s)
    got = roc_auc(y, s)
    assert np.isclose(got, want), f"expected {want} (tied scores share the average of their ranks), got {got}"


def test_random_scores_match_the_pairwise_definition():
    rng = np.random.default_rng(0)
    for n, n_distinct in ((20, None), (300, None), (300, 7)):
        y = rng.integers(0, 2, size=n)
        y[:2] = [0, 1]  # both classes present
        if n_distinct is None:
            s = rng.normal(size=n) + y
        else:  # few distinct values: many ties between a positive and a negative
            s = rng.integers(0, n_distinct, size=n) + y * rng.integers(0, 2, size=n)
        want = _auc_by_pairs(y, s)
        got = roc_auc(y, s)
        assert np.isclose(got, want), f"n={n}: expected {want}, got {got}"


def test_unchanged_by_a_monotone_rescaling_and_inputs_unchanged():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, size=100)
    s = rng.normal(size=100)
    y0, s0 = y.copy(), s.copy()
    a = roc_auc(y, s)
    b = roc_auc(y, np.exp(3 * s) + 10)
    assert np.isclose(a, b), f"AUC depends only on the order of the scores: got {a} and {b} for a rescaled copy"
    assert np.array_equal(y, y0) and np.array_equal(s, s0), "the inputs must not be modified"
    assert isinstance(a, float), f"return a float, got {type(a).__name__}"


def test_booleans_and_lists_accepted():
    got = roc_auc([False, False, True, True], [1, 4, 3, 8])
    assert np.isclose(got, 0.75), f"boolean labels and integer scores: expected 0.75, got {got}"


def test_one_class_or_length_mismatch_raises_value_error():
    for y, s, why in (([1, 1, 1], [0.1, 0.2, 0.3], "no negatives"), ([0, 0], [0.1, 0.2], "no positives"),
                      ([0, 1, 1], [0.1, 0.2], "lengths differ")):
        try:
            roc_auc(y, s)
        except ValueError:
            continue
        raise AssertionError(f"roc_auc({y}, {s}) should raise ValueError ({why})")


def test_large_input_is_fast_enough():
    # 200,000 samples: 10^10 pairs would never finish; one sort is instant
    rng = np.random.default_rng(2)
    y = rng.integers(0, 2, size=200_000)
    s = np.round(rng.normal(size=200_000) + 0.5 * y, 2)  # rounding creates many ties
    got = roc_auc(y, s)
    # closed form for ties by counting per distinct score: wins = sum over scores of pos * (neg below + neg here / 2)
    values, inv = np.unique(s, return_inverse=True)
    pos = np.bincount(inv, weights=y, minlength=values.size)
    neg = np.bincount(inv, weights=1 - y, minlength=values.size)
    below = np.cumsum(neg) - neg
    want = float(np.sum(pos * (below + neg / 2)) / (pos.sum() * neg.sum()))
    assert np.isclose(got, want), f"expected {want}, got {got}"


def test_agrees_with_scikit_learn_when_available():
    try:
        from sklearn.metrics import roc_auc_score
    except ImportError:
        return  # optional: the pairwise definition above already checks the value
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, size=500)
    s = np.round(rng.random(500) + 0.3 * y, 1)
    want = roc_auc_score(y, s)
    got = roc_auc(y, s)
    assert np.isclose(got, want), f"expected scikit-learn's {want}, got {got}"
