import numpy as np
from submission import standardize


def test_example_from_the_task():
    got = standardize(np.array([[1.0, 10.0], [3.0, 10.0]]))
    assert np.allclose(got, [[-1.0, 0.0], [1.0, 0.0]]), f"expected [[-1, 0], [1, 0]], got {got.tolist()}"


def test_columns_have_mean_zero_and_unit_std():
    rng = np.random.default_rng(0)
    X = rng.normal(5, 3, size=(50, 4))
    got = standardize(X)
    assert got.shape == X.shape, f"the shape must stay {X.shape}, got {got.shape}"
    assert np.allclose(got.mean(axis=0), 0), "every column should have mean 0"
    assert np.allclose(got.std(axis=0), 1), "every column should have standard deviation 1 (ddof=0)"


def test_constant_column_becomes_zeros():
    got = standardize(np.array([[2.0, 1.0], [2.0, 3.0], [2.0, 5.0]]))
    assert not np.isnan(got).any(), "a constant column must not produce NaN (no division by zero)"
    assert np.allclose(got[:, 0], 0), "a constant column should become all zeros"


def test_input_is_not_modified():
    X = np.array([[1.0, 2.0], [3.0, 4.0]])
    before = X.copy()
    standardize(X)
    assert np.array_equal(X, before), "standardize must return a new array and leave X unchanged"
