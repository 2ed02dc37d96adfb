import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def make_model(C: float = 1.0) -> Pipeline:
    """An unfitted pipeline: standard scaling, then logistic regression with inverse regularisation C."""
    raise NotImplementedError("write make_model")


def cv_auc(X: np.ndarray, y: np.ndarray, C: float = 1.0, n_splits: int = 5, seed: int = 0) -> float:
    """Mean ROC AUC of make_model(C) over stratified, shuffled k-fold cross-validation."""
    raise NotImplementedError("write cv_auc")


def breast_cancer_auc(C: float = 1.0, n_splits: int = 5, seed: int = 0) -> float:
    """cv_auc on scikit-learn's breast cancer data set."""
    raise NotImplementedError("write breast_cancer_auc")
