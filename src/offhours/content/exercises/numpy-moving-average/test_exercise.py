import numpy as np
from submission import moving_average


def _reference(x, window, partial=False):
    """Trusted reference: the mean over NumPy's sliding-window view, padded at the front."""
    x = np.asarray(x, dtype=float)
    out = np.full(x.size, np.nan)
    if window <= x.size:
        out[window - 1:] = np.lib.stride_tricks.sliding_window_view(x, window).mean(axis=1)
    if partial:
        head = min(window - 1, x.size)
        out[:head] = np.cumsum(x[:head]) / np.arange(1, head + 1)
    return out


def _show(a):
    return np.round(np.asarray(a, dtype=float), 4).tolist()


def _same_shape(got, x):
    assert np.shape(got) == np.shape(x), (
        f"the result must have one value per element of x, shape {np.shape(x)}, got {np.shape(got)}")


def test_example_from_the_task():
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    got = moving_average(x, 3)
    want = [np.nan, np.nan, 2.0, 3.0, 4.0, 5.0]
    _same_shape(got, x)
    assert np.allclose(got, want, equal_nan=True), (
        f"expected {want} (NaN until the first full window), got {_show(got)}")
    got = moving_average(x, 3, partial=True)
    want = [1.0, 1.5, 2.0, 3.0, 4.0, 5.0]
    assert np.allclose(got, want), f"with partial=True expected {want}, got {_show(got)}"


def test_matches_sliding_windows_on_a_random_walk():
    rng = np.random.default_rng(0)
    x = 100 + np.cumsum(rng.normal(size=60))
    for window in (2, 7, 30):
        for partial in (False, True):
            got = moving_average(x, window, partial=partial)
            _same_shape(got, x)
            want = _reference(x, window, partial)
            assert np.allclose(got, want, equal_nan=True), (
                f"window={window}, partial={partial}: first 10 values expected {_show(want[:10])}, "
                f"got {_show(np.asarray(got)[:10])}")


def test_window_one_and_windows_as_long_as_the_series_or_longer():
    x = np.array([4.0, -2.0, 7.0, 1.0])
    assert np.allclose(moving_average(x, 1), x), "window=1 must return the series itself (as floats)"
    got = moving_average(x, 4)
    _same_shape(got, x)
    assert np.allclose(got, [np.nan, np.nan, np.nan, 2.5], equal_nan=True), (
        f"window=4 on 4 values has one full window, the last: expected [nan, nan, nan, 2.5], got {_show(got)}")
    got = moving_average(x, 10)
    assert np.shape(got) == (4,) and np.all(np.isnan(got)), (
        f"a window longer than the series never fills: expected 4 NaN, got {_show(got)}")
    got = moving_average(x, 10, partial=True)
    assert np.allclose(got, [4.0, 1.0, 3.0, 2.5]), (
        f"with partial=True a too-long window gives the running mean [4, 1, 3, 2.5], got {_show(got)}")


def test_lists_integers_and_no_changes_to_x():
    x = np.array([3, 5, 10, 2, 8])
    before = x.copy()
    got = np.asarray(moving_average(x, 2))
    assert np.array_equal(x, before), "moving_average must not modify x"
    _same_shape(got, x)
    assert np.issubdtype(got.dtype, np.floating), f"integer input must give a float result, got {got.dtype}"
    assert np.allclose(got, [np.nan, 4.0, 7.5, 6.0, 5.0], equal_nan=True), (
        f"expected [nan, 4, 7.5, 6, 5], got {_show(got)}")
    assert np.allclose(moving_average([3, 5, 10, 2, 8], 2), got, equal_nan=True), "a list should work like an array"
    assert np.asarray(moving_average([], 3)).shape == (0,), "an empty series gives an empty result"


def test_long_series_and_pandas_when_available():
    rng = np.random.default_rng(1)
    x = 5000 + np.cumsum(rng.normal(size=100_000))
    got = moving_average(x, 50)
    _same_shape(got, x)
    want = _reference(x, 50)
    wrong = ~np.isclose(got, want, equal_nan=True, rtol=1e-9)
    assert not wrong.any(), (
        f"on 100,000 values with window=50, position {np.argmax(wrong)} should be {want[np.argmax(wrong)]:.6f}, "
        f"got {np.asarray(got)[np.argmax(wrong)]:.6f}")
    try:
        import pandas as pd
    except ImportError:
        return
    series = pd.Series(x[:500])
    assert np.allclose(moving_average(x[:500], 24), series.rolling(24).mean(), equal_nan=True), (
        "the result should match pandas' rolling(24).mean()")
    assert np.allclose(moving_average(x[:500], 24, partial=True), series.rolling(24, min_periods=1).mean()), (
        "with partial=True the result should match pandas' rolling(24, min_periods=1).mean()")


def test_bad_arguments_raise_value_error():
    x = np.arange(10.0)
    cases = (("window=0", x, 0), ("window=-3", x, -3), ("window=2.5", x, 2.5),
             ("a 2-D x", x.reshape(2, 5), 2))
    for what, series, window in cases:
        try:
            moving_average(series, window)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"moving_average with {what} should raise ValueError")
