import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.datasets import load_wine
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier
from sklearn.utils.validation import check_is_fitted
from submission import compare_models

COLUMNS = ["model", "mean_score", "std_score"]


def _configs():
    return {
        "logreg_scaled": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
        "knn_unscaled": KNeighborsClassifier(n_neighbors=7),
        "tree_depth3": DecisionTreeClassifier(max_depth=3, random_state=0),
    }


def _fold_scores(model, X, y, n_splits=5, seed=0, scoring="accuracy"):
    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return cross_val_score(clone(model), X, y, cv=folds, scoring=scoring)


def _check(got, models, X, y, what, **kwargs):
    assert isinstance(got, pd.DataFrame), f"return a pandas DataFrame, got {type(got).__name__}"
    assert list(got.columns) == COLUMNS, f"expected exactly the columns {COLUMNS}, in order, got {list(got.columns)}"
    assert list(got.index) == list(range(len(got))), f"{what}: number the rows 0..n-1, got index {list(got.index)}"
    scores = {name: _fold_scores(model, X, y, **kwargs) for name, model in models.items()}
    order = sorted(scores, key=lambda name: (-round(float(np.mean(scores[name])), 12), name))
    names = [str(n) for n in got["model"]]
    assert sorted(names) == sorted(scores), f"{what}: expected one row for each of {sorted(scores)}, got {names}"
    for name, mean, std in got[COLUMNS].itertuples(index=False):
        s = scores[str(name)]
        assert np.isclose(mean, np.mean(s), atol=1e-9), (
            f"{what}: {name}: expected mean_score {np.mean(s):.6f} over the folds of StratifiedKFold("
            f"shuffle=True, random_state=seed), got {mean:.6f}")
        if np.isclose(std, np.std(s, ddof=1), atol=1e-9) and not np.isclose(std, np.std(s), atol=1e-9):
            raise AssertionError(f"{what}: {name}: std_score {std:.6f} uses ddof=1; use the population "
                                 f"standard deviation (ddof=0, np.std's default): {np.std(s):.6f}")
        assert np.isclose(std, np.std(s), atol=1e-9), (
            f"{what}: {name}: expected std_score {np.std(s):.6f}, got {std:.6f}")
    assert names == order, (
        f"{what}: expected the rows in the order {order} (best mean first, ties by name), got {names}")


def test_example_from_the_task():
    X, y = load_wine(return_X_y=True)
    got = compare_models(_configs(), X, y)
    _check(got, _configs(), X, y, "the wine example")
    assert [str(n) for n in got["model"]] == ["logreg_scaled", "tree_depth3", "knn_unscaled"], (
        f"expected logreg_scaled, tree_depth3, knn_unscaled, got {list(got['model'])}")
    assert np.allclose(got["mean_score"].astype(float), [0.983175, 0.938413, 0.662381], atol=1e-5), (
        f"expected mean scores about [0.983175, 0.938413, 0.662381], got {got['mean_score'].round(6).tolist()}")


def test_every_model_gets_the_same_folds():
    # two copies of one configuration can only score the same if they see exactly the same folds
    X, y = load_wine(return_X_y=True)
    knn = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=3))
    models = {"knn_b": knn, "knn_a": clone(knn), "tree": DecisionTreeClassifier(max_depth=2, random_state=0),
              "knn_c": clone(knn)}
    got = compare_models(models, X, y, n_splits=4, seed=3)
    rows = got.set_index("model")
    for copy in ("knn_a", "knn_c"):
        assert np.isclose(rows.loc[copy, "mean_score"], rows.loc["knn_b", "mean_score"], atol=1e-12) and np.isclose(
            rows.loc[copy, "std_score"], rows.loc["knn_b", "std_score"], atol=1e-12), (
            "identical configurations scored differently, so they were not cross-validated on the same folds: "
            f"{ {str(k): round(float(v), 6) for k, v in rows['mean_score'].items()} }")
    _check(got, models, X, y, "three copies of one model (ties go alphabetically)", n_splits=4, seed=3)


def test_scoring_splits_and_seed_are_passed_on():
    X, y = load_wine(return_X_y=True)
    got = compare_models(_configs(), X, y, n_splits=3, seed=4, scoring="f1_macro")
    _check(got, _configs(), X, y, "n_splits=3, seed=4, scoring='f1_macro'", n_splits=3, seed=4, scoring="f1_macro")


def test_binary_roc_auc_on_rows_sorted_by_class():
    rng = np.random.default_rng(0)
    y = np.repeat([0, 1], [70, 50])
    X = np.column_stack([y + rng.normal(0, 1.2, y.size), rng.normal(0, 1, y.size), 0.4 * y + rng.normal(0, 1, y.size)])
    models = {"logreg": LogisticRegression(), "stump": DecisionTreeClassifier(max_depth=1, random_state=0),
              "knn": KNeighborsClassifier(n_neighbors=9)}
    got = compare_models(models, X, y, scoring="roc_auc", seed=1)
    _check(got, models, X, y, "two classes, scoring='roc_auc', seed=1", scoring="roc_auc", seed=1)


def test_given_estimators_stay_unfitted():
    X, y = load_wine(return_X_y=True)
    models = _configs()
    compare_models(models, X, y, n_splits=3)
    for name, model in models.items():
        try:
            check_is_fitted(model)
        except NotFittedError:
            continue
        raise AssertionError(f"{name} was fitted by compare_models: let cross-validation fit copies, "
                             "and leave the caller's estimators untouched")
