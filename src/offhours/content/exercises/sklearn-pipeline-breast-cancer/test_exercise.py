import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from submission import breast_cancer_auc, cv_auc, make_model


def _trusted(X, y, C=1.0, n_splits=5, seed=0):
    model = Pipeline([("scaler", StandardScaler()), ("model", LogisticRegression(C=C, max_iter=5000))])
    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return float(cross_val_score(model, X, y, cv=folds, scoring="roc_auc").mean())


def _toy(n_neg=90, n_pos=60, seed=0):
    """Rows sorted by class (so unshuffled folds would be lopsided), a few wild values in one feature."""
    rng = np.random.default_rng(seed)
    y = np.repeat([0, 1], [n_neg, n_pos])
    X = np.column_stack([y + rng.normal(0, 1.0, y.size), 0.5 * y + rng.normal(0, 1.0, y.size),
                         rng.normal(0, 1.0, y.size)])
    X[rng.choice(y.size, 4, replace=False), 0] += 60
    return X, y


def test_pipeline_structure():
    pipe = make_model(0.3)
    assert isinstance(pipe, Pipeline), f"make_model must return a sklearn Pipeline, got {type(pipe).__name__}"
    names = [name for name, _ in pipe.steps]
    assert names == ["scaler", "model"], f"expected two steps named ['scaler', 'model'], got {names}"
    scaler, model = pipe.named_steps["scaler"], pipe.named_steps["model"]
    assert type(scaler) is StandardScaler, f"the first step should be a StandardScaler, got {type(scaler).__name__}"
    assert type(model) is LogisticRegression, (
        f"the last step should be a LogisticRegression, got {type(model).__name__}")
    assert model.C == 0.3, f"make_model(0.3) should build LogisticRegression(C=0.3, ...), got C={model.C}"
    assert model.max_iter == 5000, f"use max_iter=5000, got {model.max_iter}"
    assert not hasattr(scaler, "mean_") and not hasattr(model, "coef_"), "make_model must return an unfitted pipeline"
    assert make_model() is not make_model(), "every call should build a new pipeline, not hand out a shared one"
    pipe.set_params(model__C=2.0)
    assert pipe.named_steps["model"].C == 2.0, "set_params(model__C=2.0) should reach the logistic regression"


def test_breast_cancer_score_in_range_and_matches_scikit_learn():
    X, y = load_breast_cancer(return_X_y=True)
    got = breast_cancer_auc()
    assert isinstance(got, float), f"return a float, got {type(got).__name__}"
    assert 0.98 < got <= 1.0, f"a scaled logistic regression reaches a mean ROC AUC of about 0.995 here, got {got}"
    want = _trusted(X, y)
    assert np.isclose(got, want, atol=1e-4), (
        f"expected {want:.5f}, the mean of cross_val_score(pipeline, X, y, cv=StratifiedKFold(5, shuffle=True, "
        f"random_state=0), scoring='roc_auc'), got {got:.5f}")


def test_C_reaches_the_model():
    X, y = load_breast_cancer(return_X_y=True)
    got, want = breast_cancer_auc(C=0.01), _trusted(X, y, C=0.01)
    assert np.isclose(got, want, atol=1e-4), (
        f"breast_cancer_auc(C=0.01): expected {want:.5f}, got {got:.5f} (C must reach the logistic "
        "regression and the scaling must happen inside each fold; without scaling it would be about 0.989)")


def test_folds_are_stratified_shuffled_and_seeded():
    X, y = _toy()
    for n_splits, seed in ((5, 0), (3, 7), (4, 11)):
        got, want = cv_auc(X, y, n_splits=n_splits, seed=seed), _trusted(X, y, n_splits=n_splits, seed=seed)
        assert np.isclose(got, want, atol=1e-6), (
            f"n_splits={n_splits}, seed={seed}: expected {want:.6f} from StratifiedKFold(n_splits, shuffle=True, "
            f"random_state=seed), got {got:.6f}")


def test_scaling_happens_inside_cross_validation():
    X, y = _toy()
    sizes = []
    original_fit = StandardScaler.fit

    def recording_fit(self, X, y=None, **kwargs):
        sizes.append(len(X))
        return original_fit(self, X, y, **kwargs)

    StandardScaler.fit = recording_fit
    try:
        cv_auc(X, y, n_splits=5, seed=0)
    finally:
        StandardScaler.fit = original_fit
    folds = [len(train) for train, _ in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y)]
    assert sizes, "no StandardScaler was fitted: the pipeline should scale the features"
    assert sizes[0] < len(y), (
        f"a StandardScaler was fitted on all {len(y)} rows before cross-validation: that leaks every validation "
        "fold into the scaling. Let cross-validation fit the whole pipeline on each training part instead")
    inside = sorted(s for s in sizes if s < len(y))
    assert inside == sorted(folds), (
        f"the scaler should be fitted once per fold on that fold's training rows {sorted(folds)}, "
        f"was fitted on {sizes} rows")
