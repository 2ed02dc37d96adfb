import numpy as np
from submission import welch_t


def _by_formula(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    u, v = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (a.mean() - b.mean()) / np.sqrt(u + v)
    df = (u + v) ** 2 / (u**2 / (a.size - 1) + v**2 / (b.size - 1))
    return float(t), float(df)


def test_example_from_the_task():
    got = welch_t([31, 28, 35, 30, 33, 29, 34], [24, 30, 19, 27, 25, 33, 21, 23, 28])
    assert isinstance(got, tuple) and len(got) == 2, f"return a tuple (t, df), got {got!r}"
    t, df = got
    assert np.isclose(t, 3.3022883028965784), f"expected t ≈ 3.3023, got {t}"
    assert np.isclose(df, 13.287886187897406), f"expected df ≈ 13.2879, got {df}"
    assert isinstance(t, float) and isinstance(df, float), (
        f"t and df should be Python floats, got {type(t).__name__} and {type(df).__name__}")


def test_random_samples_of_different_sizes_and_spreads():
    rng = np.random.default_rng(0)
    for n_a, n_b, sd_a, sd_b in ((5, 5, 1, 1), (8, 30, 1, 5), (40, 6, 3, 0.5), (2, 2, 1, 2), (200, 150, 10, 12)):
        a = rng.normal(10, sd_a, size=n_a)
        b = rng.normal(11, sd_b, size=n_b)
        want = _by_formula(a, b)
        got = welch_t(a, b)
        assert np.allclose(got, want), (
            f"sizes {n_a} and {n_b}: expected (t, df) = {want}, got {got}. "
            "Use the sample variance (ddof=1) in both t and df")


def test_sample_variance_not_population_variance():
    t, df = welch_t([1, 2, 3, 4], [5, 5, 5])
    # mean(a) = 2.5, u = (5/3)/4, v = 0: t = -2.5 / sqrt(5/12); df = n_a - 1 because b has no spread
    assert np.isclose(t, -2.5 / np.sqrt(5 / 12)), (
        f"a=[1, 2, 3, 4], b=[5, 5, 5]: expected t = {-2.5 / np.sqrt(5 / 12):.6f} with the sample variance 5/3 of a, "
        f"got {t}")
    assert np.isclose(df, 3.0), f"when b is constant all uncertainty comes from a, so df = n_a - 1 = 3, got {df}"


def test_swapping_the_groups_flips_the_sign_only():
    rng = np.random.default_rng(1)
    a, b = rng.normal(0, 1, size=12), rng.normal(0.5, 2, size=20)
    t1, df1 = welch_t(a, b)
    t2, df2 = welch_t(b, a)
    assert np.isclose(t1, -t2), f"welch_t(b, a) should give -t: got {t1} and {t2}"
    assert np.isclose(df1, df2), f"df must not depend on the order of the groups: got {df1} and {df2}"


def test_df_range_and_equal_sizes_equal_spreads():
    rng = np.random.default_rng(2)
    for n_a, n_b in ((5, 50), (30, 8), (15, 15)):
        a, b = rng.normal(0, rng.uniform(0.5, 3), size=n_a), rng.normal(0, rng.uniform(0.5, 3), size=n_b)
        _, df = welch_t(a, b)
        lo, hi = min(n_a, n_b) - 1, n_a + n_b - 2
        assert lo - 1e-9 <= df <= hi + 1e-9, f"sizes {n_a} and {n_b}: df must lie in [{lo}, {hi}], got {df}"
    a = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    _, df = welch_t(a, a + 10)
    assert np.isclose(df, 8.0), f"two samples of 5 with identical spread give df = 2·(5 - 1) = 8, got {df}"


def test_shift_and_scale():
    rng = np.random.default_rng(3)
    a, b = rng.normal(size=10), rng.normal(size=14)
    t, df = welch_t(a, b)
    t2, df2 = welch_t(100 * a + 7, 100 * b + 7)
    assert np.isclose(t, t2) and np.isclose(df, df2), (
        f"changing units (x -> 100x + 7 in both groups) must not change t or df: {(t, df)} vs {(t2, df2)}")


def test_inputs_not_modified_and_lists_accepted():
    a, b = np.array([3.0, 1.0, 2.0]), np.array([6.0, 4.0, 9.0, 7.0])
    a0, b0 = a.copy(), b.copy()
    got = welch_t(a, b)
    assert np.array_equal(a, a0) and np.array_equal(b, b0), "welch_t must not change its inputs"
    assert np.allclose(welch_t(a.tolist(), b.tolist()), got), "lists and arrays should give the same answer"


def test_bad_input_raises_value_error():
    for a, b, why in (([1.0], [1.0, 2.0], "a has one value"), ([1.0, 2.0], [], "b is empty"),
                      ([2.0, 2.0, 2.0], [5.0, 5.0], "both samples are constant"),
                      (np.ones((2, 2)), [1.0, 2.0], "a is 2-D")):
        try:
            welch_t(a, b)
        except ValueError:
            continue
        raise AssertionError(f"welch_t should raise ValueError when {why}")


def test_agrees_with_scipy_when_available():
    try:
        from scipy import stats
    except ImportError:
        return  # optional: the formula checks above already pin the values
    rng = np.random.default_rng(4)
    a, b = rng.normal(0, 1, size=9), rng.normal(1, 3, size=23)
    res = stats.ttest_ind(a, b, equal_var=False)
    t, df = welch_t(a, b)
    assert np.isclose(t, res.statistic), f"expected SciPy's Welch t {res.statistic}, got {t}"
    if hasattr(res, "df"):
        assert np.isclose(df, res.df), f"expected SciPy's Welch df {res.df}, got {df}"
