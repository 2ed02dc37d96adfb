import statistics

import numpy as np
from submission import describe

KEYS = ("mean", "median", "var_pop", "var_sample", "q1", "q3", "iqr")


def _want(x):
    """The trusted values from NumPy itself (the learner may not call these)."""
    x = np.asarray(x, dtype=float)
    q1, med, q3 = np.quantile(x, [0.25, 0.5, 0.75])
    want = {"mean": x.mean(), "median": med, "var_pop": x.var(), "var_sample": x.var(ddof=1),
            "q1": q1, "q3": q3, "iqr": q3 - q1}
    return {k: float(v) for k, v in want.items()}


def _check(got, want, label):
    assert isinstance(got, dict), f"{label}: describe must return a dict, got {type(got).__name__}"
    missing = [k for k in KEYS if k not in got]
    assert not missing, f"{label}: the dict is missing the keys {missing}"
    for k in KEYS:
        assert np.isclose(got[k], want[k], rtol=1e-9, atol=1e-9), (
            f"{label}: {k!r} should be {want[k]!r}, got {got[k]!r}")


def test_example_from_the_task():
    got = describe([2, 4, 4, 4, 5, 5, 7, 9])
    want = {"mean": 5.0, "median": 4.5, "var_pop": 4.0, "var_sample": 32 / 7, "q1": 4.0, "q3": 5.5, "iqr": 1.5}
    _check(got, want, "describe([2, 4, 4, 4, 5, 5, 7, 9])")
    for k in KEYS:
        assert isinstance(got[k], float), f"{k!r} should be a Python float, got {type(got[k]).__name__}"


def test_odd_and_even_lengths_use_linear_interpolation():
    # n = 5: positions fall on values; n = 4 and n = 6: they fall between values
    for x in ([7, 1, 3, 9, 5], [1, 2, 3, 4], [10, 0, 4, 6, 2, 8], [3.5, -1.0]):
        _check(describe(x), _want(x), f"describe({x})")
    got = describe([1, 2, 3, 4])
    assert np.isclose(got["q1"], 1.75), (
        f"for [1, 2, 3, 4] q1 sits at position 0.75, three quarters of the way from 1 to 2: expected 1.75, "
        f"got {got['q1']}")


def test_random_samples_agree_with_numpy():
    rng = np.random.default_rng(0)
    for n in (2, 3, 10, 101, 1000):
        x = rng.lognormal(mean=3, sigma=1, size=n)  # skewed, like incomes
        _check(describe(x), _want(x), f"random sample of {n}")


def test_sample_variance_divides_by_n_minus_one():
    got = describe([1.0, 3.0])
    assert np.isclose(got["var_pop"], 1.0), f"[1, 3]: population variance is 2 / 2 = 1, got {got['var_pop']}"
    assert np.isclose(got["var_sample"], 2.0), (
        f"[1, 3]: sample variance divides the squared deviations by n - 1 = 1, so 2.0, got {got['var_sample']}")


def test_large_close_values_keep_their_precision():
    x = 1e9 + np.array([4.0, 7.0, 13.0, 16.0])
    got = describe(x)
    assert np.isclose(got["var_pop"], 22.5, rtol=1e-6), (
        f"values 1e9 + [4, 7, 13, 16] have population variance 22.5, got {got['var_pop']}: compute the mean "
        "first and then the squared deviations, not mean(x**2) - mean(x)**2")
    assert np.isclose(got["var_sample"], 30.0, rtol=1e-6), f"sample variance should be 30, got {got['var_sample']}"


def test_constant_sample_and_outlier():
    got = describe([4.0, 4.0, 4.0])
    for k, v in (("var_pop", 0.0), ("var_sample", 0.0), ("iqr", 0.0), ("median", 4.0)):
        assert np.isclose(got[k], v), f"a constant sample of 4s: {k!r} should be {v}, got {got[k]}"
    base = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]
    a, b = describe(base), describe([*base[:-1], 900.0])
    assert np.isclose(a["median"], b["median"]) and np.isclose(a["iqr"], b["iqr"]), (
        "one huge outlier should not move the median or the IQR of these 9 values")


def test_input_is_not_modified():
    x = np.array([5.0, 1.0, 4.0, 2.0, 3.0])
    before = x.copy()
    describe(x)
    assert np.array_equal(x, before), "describe must not reorder or change x: sort a copy (np.sort), not x.sort()"


def test_bad_input_raises_value_error():
    for x, why in (([1.0], "one value"), ([], "no values"), (np.ones((3, 2)), "a 2-D array")):
        try:
            describe(x)
        except ValueError:
            continue
        raise AssertionError(f"describe should raise ValueError for {why}")


def test_does_not_call_the_numpy_shortcuts():
    def forbidden(name):
        def call(*args, **kwargs):
            raise AssertionError(f"do not call {name}: compute it from np.sort, sums and means")
        return call

    names = ("var", "std", "median", "percentile", "quantile", "nanvar", "nanstd", "nanmedian",
             "nanpercentile", "nanquantile")
    saved = {name: getattr(np, name) for name in names}
    saved_stats = {name: getattr(statistics, name) for name in ("median", "variance", "pvariance", "quantiles")}
    try:
        for name in names:
            setattr(np, name, forbidden(f"np.{name}"))
        for name in saved_stats:
            setattr(statistics, name, forbidden(f"statistics.{name}"))
        got = describe([3.0, 1.0, 2.0, 10.0])
    finally:
        for name, fn in saved.items():
            setattr(np, name, fn)
        for name, fn in saved_stats.items():
            setattr(statistics, name, fn)
    _check(got, _want([3.0, 1.0, 2.0, 10.0]), "describe([3, 1, 2, 10])")
