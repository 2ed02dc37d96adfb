import warnings

import numpy as np
from submission import GaussianNaiveBayes


def _raises(error, call, what):
    try:
        call()
    except error:
        return
    except Exception as exc:
        raise AssertionError(f"{what} should raise {error.__name__}, but raised {type(exc).__name__}: {exc}")
    raise AssertionError(f"{what} should raise {error.__name__}, but it returned normally")


def _quiet(call, what):
    try:
        with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
            warnings.simplefilter("error")
            return call()
    except (FloatingPointError, RuntimeWarning) as exc:
        raise AssertionError(
            f"{what} hit a floating-point problem ({exc}): stay in log space and shift by the row maximum")


def _three_classes(rng):
    sizes = {"cat": 30, "dog": 50, "emu": 20}
    centres = {"cat": [0.0, 5.0, -2.0], "dog": [2.0, 3.0, 0.0], "emu": [-1.0, 4.0, 3.0]}
    scales = {"cat": [1.0, 0.5, 2.0], "dog": [1.5, 1.0, 1.0], "emu": [0.7, 2.0, 1.2]}
    X = np.concatenate([rng.normal(centres[c], scales[c], size=(n, 3)) for c, n in sizes.items()])
    y = np.repeat(list(sizes), list(sizes.values()))
    order = rng.permutation(len(y))
    return X[order], y[order]


def _log_posterior(X, priors, means, variances):
    joint = np.log(priors) + np.array([
        np.sum(-0.5 * np.log(2 * np.pi * v) - (X - m) ** 2 / (2 * v), axis=1) for m, v in zip(means, variances)]).T
    top = joint.max(axis=1, keepdims=True)
    return joint - top - np.log(np.exp(joint - top).sum(axis=1, keepdims=True))


def test_example_from_the_task():
    X = np.array([[1.0, 2.0], [2.0, 2.0], [3.0, 2.0], [6.0, 4.0], [8.0, 6.0]])
    y = np.array([0, 0, 0, 1, 1])
    model = GaussianNaiveBayes().fit(X, y)
    assert isinstance(model, GaussianNaiveBayes), "fit must return self, so calls can be chained"
    assert np.asarray(model.classes_).tolist() == [0, 1], f"expected classes_ [0, 1], got {model.classes_}"
    assert np.allclose(model.priors_, [0.6, 0.4]), f"expected priors_ [0.6, 0.4], got {model.priors_}"
    assert np.allclose(model.means_, [[2, 2], [7, 5]]), (
        f"expected means_ [[2, 2], [7, 5]], got {np.asarray(model.means_).tolist()}")
    assert np.allclose(model.variances_, [[2 / 3, 1e-9], [1, 1]], rtol=1e-9, atol=0), (
        "expected variances_ [[0.6667, 1e-09], [1, 1]] (ddof=0, floored at 1e-9), "
        f"got {np.asarray(model.variances_).tolist()}")
    Q = np.array([[2.5, 2.0], [7.0, 5.0], [5.0, 2.1]])
    assert np.asarray(model.predict(Q)).tolist() == [0, 1, 1], f"expected predictions [0, 1, 1], got {model.predict(Q)}"
    got = model.predict_log_proba(Q)
    assert np.allclose(got[0], [0.0, -25.4073306], atol=1e-6), (
        f"expected log-probabilities [-0, -25.407] for the first query, got {got[0]}")
    assert np.isclose(got[2, 0], -4999989.575, rtol=1e-8) and np.isclose(got[2, 1], 0.0, atol=1e-9), (
        f"expected about [-4999989.575, 0] for the third query, got {got[2]}")


def test_fitted_statistics():
    rng = np.random.default_rng(0)
    X, y = _three_classes(rng)
    model = GaussianNaiveBayes().fit(X, y)
    assert np.asarray(model.classes_).tolist() == ["cat", "dog", "emu"], (
        f"classes_ should be the sorted labels, got {model.classes_}")
    assert np.allclose(model.priors_, [0.3, 0.5, 0.2]), (
        f"priors_ should be the class shares [0.3, 0.5, 0.2], got {model.priors_}")
    want_means = np.array([X[y == c].mean(axis=0) for c in ("cat", "dog", "emu")])
    want_vars = np.array([X[y == c].var(axis=0) for c in ("cat", "dog", "emu")])
    assert np.shape(model.means_) == (3, 3) and np.shape(model.variances_) == (3, 3), (
        "means_ and variances_ should be (classes, features) = (3, 3), "
        f"got {np.shape(model.means_)} and {np.shape(model.variances_)}")
    assert np.allclose(model.means_, want_means), "means_[c] should be the mean of the rows labelled classes_[c]"
    assert np.allclose(model.variances_, want_vars), (
        "variances_[c] should be the population variance (ddof=0) of the rows labelled classes_[c]")


def test_variance_floor():
    X = np.array([[1.0, 5.0], [3.0, 5.0], [0.0, 1.0], [0.5, 3.0]])
    y = np.array([1, 1, 2, 2])
    model = GaussianNaiveBayes().fit(X, y)
    assert np.isclose(model.variances_[0, 1], 1e-9, rtol=1e-6, atol=0), (
        f"a feature constant within a class should get the floor 1e-9 as its variance, got {model.variances_[0, 1]}")
    coarse = GaussianNaiveBayes(var_floor=0.1).fit(X, y)
    assert np.allclose(coarse.variances_, [[1.0, 0.1], [0.1, 1.0]]), (
        f"with var_floor=0.1 expected variances [[1, 0.1], [0.1, 1]] (0.0625 and 0 raised to 0.1), "
        f"got {np.asarray(coarse.variances_).tolist()}")
    got = _quiet(lambda: model.predict_log_proba(np.array([[2.0, 4.0], [0.2, 5.0]])),
                 "predicting with a floored variance")
    assert np.all(np.isfinite(got)), f"log-probabilities must be finite, got {np.asarray(got).tolist()}"
    assert np.asarray(model.predict([[2.0, 4.0], [2.0, 5.0]])).tolist() == [2, 1], (
        "a 4 in the feature that is always 5 for class 1 rules class 1 out; a 5 fits it exactly")


def test_log_probabilities_match_bayes_rule():
    rng = np.random.default_rng(1)
    X, y = _three_classes(rng)
    model = GaussianNaiveBayes().fit(X, y)
    Q = rng.normal([0.5, 4.0, 0.0], 2.0, size=(40, 3))
    got = np.asarray(model.predict_log_proba(Q))
    assert got.shape == (40, 3), f"expected shape (queries, classes) = (40, 3), got {got.shape}"
    want = _log_posterior(Q, model.priors_, model.means_, model.variances_)
    assert np.allclose(got, want, atol=1e-9), (
        "predict_log_proba should be log prior + Σ log normal densities, minus the row's log-sum-exp")
    assert np.allclose(np.exp(got).sum(axis=1), 1.0), "the probabilities in every row must add up to 1"
    labels = np.asarray(model.predict(Q))
    assert np.array_equal(labels, np.asarray(model.classes_)[want.argmax(axis=1)]), (
        "predict should return classes_[argmax of the log-probabilities], as labels (here strings)")
    try:
        from sklearn.naive_bayes import GaussianNB
    except ImportError:
        return  # optional cross-check; its variance smoothing differs only by ~1e-9
    ref = GaussianNB().fit(X, y)
    assert np.allclose(got, ref.predict_log_proba(Q), atol=1e-5), "should agree with scikit-learn's GaussianNB"


def test_far_away_points_do_not_underflow():
    rng = np.random.default_rng(2)
    X, y = _three_classes(rng)
    model = GaussianNaiveBayes().fit(X, y)
    Q = np.array([[1e4, -1e4, 5e3], [-300.0, 200.0, 1e3]])
    got = np.asarray(_quiet(lambda: model.predict_log_proba(Q), "predict_log_proba for points far from every class"))
    assert np.all(np.isfinite(got)) and np.all(got <= 1e-12), (
        f"log-probabilities must be finite and at most 0, got {got.tolist()}")
    row_total = got.max(axis=1) + np.log(np.exp(got - got.max(axis=1, keepdims=True)).sum(axis=1))
    assert np.allclose(row_total, 0.0), "even far from every class, each row's probabilities must add up to 1"
    labels = np.asarray(_quiet(lambda: model.predict(Q), "predict for far points")).tolist()
    assert labels == np.asarray(model.classes_)[got.argmax(axis=1)].tolist(), (
        f"predict should pick the class with the largest log-probability, got {labels}")


def test_ties_go_to_the_first_class():
    X = np.array([[0.0], [1.0], [0.0], [1.0]])
    y = np.array(["b", "b", "a", "a"])
    model = GaussianNaiveBayes().fit(X, y)
    got = np.asarray(model.predict([[0.3], [5.0]])).tolist()
    assert got == ["a", "a"], f"identical classes tie everywhere: the first class in classes_, 'a', wins; got {got}"


def test_refit_inputs_and_errors():
    rng = np.random.default_rng(3)
    X, y = _three_classes(rng)
    X0, y0 = X.copy(), y.copy()
    _raises(RuntimeError, lambda: GaussianNaiveBayes().predict(X), "predict before fit")
    _raises(ValueError, lambda: GaussianNaiveBayes(var_floor=0.0), "var_floor=0")
    _raises(ValueError, lambda: GaussianNaiveBayes().fit(X[:, 0], y), "fit with a 1-D X")
    _raises(ValueError, lambda: GaussianNaiveBayes().fit(X, y[:-1]), "fit with one label too few")
    model = GaussianNaiveBayes().fit(X, y)
    assert np.array_equal(X, X0) and np.array_equal(y, y0), "fit must not modify X or y"
    _raises(ValueError, lambda: model.predict(X[:, :2]), "predict with 2 columns after fitting on 3")
    model.fit([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]], [7, 8])
    assert np.asarray(model.classes_).tolist() == [7, 8], "a second fit must replace the classes learned before"
    assert np.shape(model.means_) == (2, 3), f"a second fit must replace means_, got shape {np.shape(model.means_)}"
