import numpy as np


def roc_auc(y_true, scores) -> float:
    """Return the ROC AUC of `scores` for binary labels `y_true`, via average ranks (ties count as half)."""
    raise NotImplementedError("write roc_auc")
