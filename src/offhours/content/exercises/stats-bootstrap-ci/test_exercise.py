import numpy as np
from submission import bootstrap_ci

X = [3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.3, 2.9, 4.1, 5.2]


def _reference(x, statistic, n_resamples, confidence, seed):
    """The procedure of the task, step by step."""
    x = np.asarray(x, dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, x.size, size=(n_resamples, x.size))
    values = np.array([statistic(row) for row in x[idx]])
    alpha = 1 - confidence
    return tuple(float(v) for v in np.quantile(values, [alpha / 2, 1 - alpha / 2]))


def test_examples_from_the_task():
    got = bootstrap_ci(X, rng=0)
    assert isinstance(got, tuple) and len(got) == 2, f"return a tuple (low, high), got {got!r}"
    assert np.allclose(got, (3.5, 5.03)), f"bootstrap_ci(x, rng=0): expected about (3.5, 5.03), got {got}"
    got = bootstrap_ci(X, statistic=np.median, confidence=0.9, rng=0)
    assert np.allclose(got, (3.35, 5.2)), (
        f"bootstrap_ci(x, statistic=np.median, confidence=0.9, rng=0): expected about (3.35, 5.2), got {got}")
    assert all(isinstance(v, float) for v in got), f"both ends should be Python floats, got {got!r}"


def test_follows_the_exact_procedure():
    rng = np.random.default_rng(0)
    for n, statistic, n_resamples, confidence, seed in ((25, np.mean, 2000, 0.95, 1), (40, np.median, 3000, 0.8, 2),
                                                        (7, np.max, 500, 0.99, 3), (60, np.std, 1000, 0.5, 4)):
        x = rng.exponential(scale=10, size=n)
        want = _reference(x, statistic, n_resamples, confidence, seed)
        got = bootstrap_ci(x, statistic=statistic, n_resamples=n_resamples, confidence=confidence, rng=seed)
        assert np.allclose(got, want), (
            f"n={n}, statistic={statistic.__name__}, n_resamples={n_resamples}, confidence={confidence}, rng={seed}: "
            f"expected {want}, got {got}. Draw all positions at once with rng.integers(0, n, size=(n_resamples, n)) "
            "and take the alpha/2 and 1 - alpha/2 quantiles")


def test_seed_and_generator_handling():
    a = bootstrap_ci(X, n_resamples=500, rng=7)
    b = bootstrap_ci(X, n_resamples=500, rng=7)
    assert a == b, f"the same seed must give the same interval, got {a} and {b}"
    c = bootstrap_ci(X, n_resamples=500, rng=np.random.default_rng(7))
    assert np.allclose(a, c), f"a Generator seeded with 7 should give the same interval as rng=7: {c} vs {a}"
    g = np.random.default_rng(7)
    first = bootstrap_ci(X, n_resamples=500, rng=g)
    second = bootstrap_ci(X, n_resamples=500, rng=g)
    assert first != second, (
        "calling twice with the same Generator object should continue its stream and give a different "
        "interval: use np.random.default_rng(rng), which returns a Generator unchanged")


def test_matches_the_normal_theory_interval_for_a_large_sample():
    rng = np.random.default_rng(1)
    x = rng.normal(50, 8, size=400)
    low, high = bootstrap_ci(x, n_resamples=4000, rng=2)
    se = x.std(ddof=1) / np.sqrt(x.size)
    want_low, want_high = x.mean() - 1.96 * se, x.mean() + 1.96 * se
    assert low < x.mean() < high, f"the interval ({low}, {high}) should contain the sample mean {x.mean()}"
    assert abs(low - want_low) < 0.15 * se and abs(high - want_high) < 0.15 * se, (
        f"for 400 normal values the 95% interval for the mean should be close to mean ± 1.96·SE = "
        f"({want_low:.3f}, {want_high:.3f}), got ({low:.3f}, {high:.3f})")


def test_width_grows_with_confidence_and_shrinks_with_sample_size():
    rng = np.random.default_rng(3)
    x = rng.normal(size=100)
    widths = [np.diff(bootstrap_ci(x, n_resamples=2000, confidence=c, rng=0))[0] for c in (0.5, 0.9, 0.99)]
    assert widths[0] < widths[1] < widths[2], f"widths for confidence 0.5, 0.9, 0.99 should grow, got {widths}"
    small = np.diff(bootstrap_ci(x[:25], n_resamples=2000, rng=0))[0]
    big = np.diff(bootstrap_ci(x, n_resamples=2000, rng=0))[0]
    assert big < small, f"100 values should give a narrower interval than 25 of them, got widths {big} and {small}"


def test_any_statistic_and_one_resample():
    got = bootstrap_ci(X, statistic=lambda r: float(np.percentile(r, 90)), n_resamples=300, rng=5)
    want = _reference(X, lambda r: float(np.percentile(r, 90)), 300, 0.95, 5)
    assert np.allclose(got, want), f"a lambda computing the 90th percentile: expected {want}, got {got}"
    low, high = bootstrap_ci(X, n_resamples=1, rng=0)
    assert np.isclose(low, high), f"with one resample both ends are that resample's statistic, got ({low}, {high})"


def test_input_is_not_modified():
    x = np.array(X)
    before = x.copy()
    bootstrap_ci(x, n_resamples=200, rng=0)
    assert np.array_equal(x, before), "bootstrap_ci must not change x"


def test_bad_arguments_raise_value_error():
    cases = (([], {}, "an empty sample"), (np.ones((3, 3)), {}, "a 2-D array"),
             (X, {"n_resamples": 0}, "n_resamples=0"), (X, {"confidence": 1.0}, "confidence=1"),
             (X, {"confidence": 0.0}, "confidence=0"), (X, {"confidence": 95}, "confidence=95 (a percentage)"))
    for x, kwargs, why in cases:
        try:
            bootstrap_ci(x, rng=0, **kwargs)
        except ValueError:
            continue
        raise AssertionError(f"bootstrap_ci should raise ValueError for {why}")
