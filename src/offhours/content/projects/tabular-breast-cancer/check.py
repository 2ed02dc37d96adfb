import re

import numpy as np
from sklearn.base import clone
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

from project import build_model, choose_threshold

X, y = load_breast_cancer(return_X_y=True)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=2024)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest,
                                                  random_state=7)
_fitted = {}


def _model():
    if "model" not in _fitted:
        model = build_model()
        _fitted["model"] = clone(model).fit(X_train, y_train)
    return _fitted["model"]


def test_build_model_returns_an_unfitted_estimator():
    model = build_model()
    assert hasattr(model, "fit") and hasattr(model, "predict_proba"), \
        "build_model() must return a scikit-learn estimator with fit and predict_proba"
    clone(model)  # raises if it is not a proper estimator


def test_held_out_roc_auc():
    proba = _model().predict_proba(X_test)[:, 0]
    auc = roc_auc_score(y_test == 0, proba)
    assert auc >= 0.97, f"held-out ROC-AUC for malignant is {auc:.3f}; the project asks for at least 0.97"


def test_threshold_catches_malignant_cases():
    model = _model()
    threshold = float(choose_threshold(model, X_val, y_val))
    assert 0.0 < threshold < 1.0, f"the threshold must be a probability strictly between 0 and 1, got {threshold}"
    flagged = model.predict_proba(X_test)[:, 0] >= threshold
    recall = recall_score(y_test == 0, flagged)
    precision = precision_score(y_test == 0, flagged, zero_division=0)
    assert recall >= 0.95, f"at threshold {threshold:.3f} recall on malignant cases is {recall:.3f} (need 0.95)"
    assert precision >= 0.80, f"at threshold {threshold:.3f} precision is {precision:.3f} (need 0.80)"


def test_report_has_the_sections_and_numbers():
    text = open("REPORT.md", encoding="utf-8").read()
    for section in ("Data", "Models", "Results", "Threshold"):
        assert re.search(rf"^#+\s*{section}", text, re.M | re.I), f"REPORT.md needs a '{section}' section"
    assert re.search(r"0\.\d{2}", text), "REPORT.md should report your scores as numbers (e.g. 0.99)"
    assert "TODO" not in text, "REPORT.md still has TODO placeholders"
