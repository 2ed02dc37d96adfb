import numpy as np
from submission import StandardScaler


def _raises(error, call, what):
    try:
        call()
    except error:
        return
    except Exception as exc:
        raise AssertionError(f"{what} should raise {error.__name__}, but raised {type(exc).__name__}: {exc}")
    raise AssertionError(f"{what} should raise {error.__name__}, but it returned normally")


def test_example_from_the_task():
    scaler = StandardScaler().fit(np.array([[1.0, 10.0], [3.0, 10.0], [5.0, 10.0]]))
    assert isinstance(scaler, StandardScaler), "fit must return self, so calls can be chained"
    assert np.allclose(scaler.mean_, [3.0, 10.0]), f"expected mean_ [3, 10], got {scaler.mean_}"
    assert np.allclose(scaler.scale_, [np.sqrt(8 / 3), 1.0]), (
        f"expected scale_ [1.633, 1.0] (ddof=0, and 1.0 for the constant column), got {scaler.scale_}")
    assert scaler.n_features_in_ == 2, f"expected n_features_in_ 2, got {scaler.n_features_in_}"
    got = scaler.transform(np.array([[3.0, 12.0], [7.0, 10.0]]))
    want = [[0.0, 2.0], [4 / np.sqrt(8 / 3), 0.0]]
    assert np.allclose(got, want), f"expected {np.round(want, 4).tolist()}, got {np.round(got, 4).tolist()}"


def test_new_data_uses_training_statistics():
    rng = np.random.default_rng(0)
    train = rng.normal([5.0, -2.0, 100.0], [2.0, 0.5, 30.0], size=(80, 3))
    test = rng.normal([9.0, 0.0, 50.0], [1.0, 3.0, 10.0], size=(20, 3))
    scaler = StandardScaler().fit(train)
    got = scaler.transform(test)
    want = (test - train.mean(axis=0)) / train.std(axis=0)
    assert got.shape == test.shape, f"transform must keep the shape {test.shape}, got {got.shape}"
    assert np.allclose(got, want), (
        "transform must use the mean and standard deviation learned from the training data, "
        "not statistics of the data passed to transform")
    assert not np.allclose(got.mean(axis=0), 0, atol=0.1), (
        "test data scaled with training statistics should not come out with mean 0")


def test_fit_transform_gives_mean_zero_std_one():
    rng = np.random.default_rng(1)
    X = rng.normal(3.0, 4.0, size=(50, 4))
    Z = StandardScaler().fit_transform(X)
    assert np.allclose(Z.mean(axis=0), 0), f"fit_transform output should have column means 0, got {Z.mean(axis=0)}"
    assert np.allclose(Z.std(axis=0), 1), f"fit_transform output should have column std 1 (ddof=0), got {Z.std(axis=0)}"
    again = StandardScaler().fit(X).transform(X)
    assert np.allclose(Z, again), "fit_transform(X) must equal fit(X).transform(X)"


def test_inverse_transform_round_trips():
    rng = np.random.default_rng(2)
    X = rng.normal(10.0, 5.0, size=(30, 3))
    X[:, 1] = 7.0  # a constant column must survive the round trip too
    scaler = StandardScaler().fit(X)
    back = scaler.inverse_transform(scaler.transform(X))
    assert np.allclose(back, X), "inverse_transform(transform(X)) must give back X"
    Z = np.array([[1.0, 0.0, -1.0]])
    want = Z * scaler.scale_ + scaler.mean_
    assert np.allclose(scaler.inverse_transform(Z), want), "inverse_transform(Z) should be Z * scale_ + mean_"


def test_constant_column_is_centred_not_divided_by_zero():
    X = np.array([[2.0, 1.0], [2.0, 3.0], [2.0, 5.0]])
    scaler = StandardScaler().fit(X)
    assert np.allclose(scaler.scale_, [1.0, np.sqrt(8 / 3)]), f"a constant column gets scale_ 1.0, got {scaler.scale_}"
    got = scaler.transform(np.array([[4.0, 3.0]]))
    assert np.all(np.isfinite(got)), f"no NaN or inf for a constant column, got {got}"
    assert np.allclose(got, [[2.0, 0.0]]), f"a constant column is only centred: expected [[2.0, 0.0]], got {got}"


def test_refit_replaces_what_was_learned():
    scaler = StandardScaler().fit(np.array([[0.0], [2.0]]))
    scaler.fit(np.array([[10.0], [20.0], [30.0]]))
    assert np.allclose(scaler.mean_, [20.0]), f"fitting again must replace mean_: expected [20.0], got {scaler.mean_}"
    want = (30.0 - 20.0) / np.sqrt(200.0 / 3)  # std of 10, 20, 30 with ddof=0
    got = scaler.transform([[30.0]])
    assert np.allclose(got, [[want]]), (
        f"after refitting, transform must use the new statistics: expected {want}, got {got}")


def test_inputs_are_not_modified_and_lists_work():
    X = np.array([[1.0, 2.0], [3.0, 5.0], [4.0, 9.0]])
    before = X.copy()
    scaler = StandardScaler()
    Z = scaler.fit_transform(X)
    assert np.array_equal(X, before), "fit_transform must not modify X"
    Z_before = Z.copy()
    scaler.inverse_transform(Z)
    assert np.array_equal(Z, Z_before), "inverse_transform must not modify its input"
    from_list = StandardScaler().fit_transform([[1, 2], [3, 5], [4, 9]])
    assert np.allclose(from_list, Z), "lists of ints should work like float arrays"


def test_errors_before_fit_and_on_bad_shapes():
    _raises(RuntimeError, lambda: StandardScaler().transform(np.ones((2, 2))), "transform before fit")
    _raises(RuntimeError, lambda: StandardScaler().inverse_transform(np.ones((2, 2))), "inverse_transform before fit")
    scaler = StandardScaler().fit(np.arange(6.0).reshape(3, 2))
    _raises(ValueError, lambda: scaler.transform(np.ones((2, 3))), "transform with 3 columns after fitting on 2")
    _raises(ValueError, lambda: scaler.inverse_transform(np.ones((2, 1))),
            "inverse_transform with 1 column after fitting on 2")
    _raises(ValueError, lambda: StandardScaler().fit(np.arange(4.0)), "fit on a 1-D array")


def test_agrees_with_scikit_learn_when_available():
    try:
        from sklearn.preprocessing import StandardScaler as Reference
    except ImportError:
        return  # optional: the closed-form checks above already pin the numbers
    rng = np.random.default_rng(3)
    train, test = rng.normal(size=(40, 3)) * [1, 10, 100], rng.normal(size=(10, 3))
    ref = Reference().fit(train)
    mine = StandardScaler().fit(train)
    assert np.allclose(mine.mean_, ref.mean_) and np.allclose(mine.scale_, ref.scale_), (
        f"expected scikit-learn's mean_ {ref.mean_} and scale_ {ref.scale_}, got {mine.mean_} and {mine.scale_}")
    assert np.allclose(mine.transform(test), ref.transform(test)), "transform should match scikit-learn's"
