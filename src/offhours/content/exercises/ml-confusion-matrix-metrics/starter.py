import numpy as np


def confusion_matrix(y_true, y_pred) -> np.ndarray:
    """Return the 2x2 integer matrix [[TN, FP], [FN, TP]] for binary labels 0/1 (rows: true, columns: predicted)."""
    raise NotImplementedError("write confusion_matrix")


def precision_recall_f1(y_true, y_pred) -> tuple[float, float, float]:
    """Return (precision, recall, f1) for the positive class 1; any 0/0 counts as 0.0."""
    raise NotImplementedError("write precision_recall_f1")
