import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def make_model(C: float = 1.0) -> Pipeline:
    """An unfitted pipeline: standard scaling, then logistic regression with inverse regularisation C."""
    return Pipeline([
        ("scaler", StandardScaler()),
        ("model", LogisticRegression(C=C, max_iter=5000)),
    ])


def cv_auc(X: np.ndarray, y: np.ndarray, C: float = 1.0, n_splits: int = 5, seed: int = 0) -> float:
    """Mean ROC AUC of make_model(C) over stratified, shuffled k-fold cross-validation."""
    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    # the whole pipeline is refitted on each training part, so the scaler never sees the held-out fold
    scores = cross_val_score(make_model(C), X, y, cv=folds, scoring="roc_auc")
    return float(scores.mean())


def breast_cancer_auc(C: float = 1.0, n_splits: int = 5, seed: int = 0) -> float:
    """cv_auc on scikit-learn's breast cancer data set."""
    X, y = load_breast_cancer(return_X_y=True)
    return cv_auc(X, y, C=C, n_splits=n_splits, seed=seed)
