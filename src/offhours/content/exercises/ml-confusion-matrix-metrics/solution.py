import numpy as np


def _binary(y, name: str) -> np.ndarray:
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"{name} must be 1-D")
    if not np.isin(y, [0, 1]).all():
        raise ValueError(f"{name} may only hold 0 and 1")
    return y.astype(int)  # a new int array: booleans become 0/1 and the caller's data is untouched


def confusion_matrix(y_true, y_pred) -> np.ndarray:
    """Return the 2x2 integer matrix [[TN, FP], [FN, TP]] for binary labels 0/1 (rows: true, columns: predicted)."""
    t, p = _binary(y_true, "y_true"), _binary(y_pred, "y_pred")
    if t.shape != p.shape:
        raise ValueError(f"y_true has {t.size} labels but y_pred has {p.size}")
    # 2*true + predicted numbers the four cells 0..3 in row-major order: TN, FP, FN, TP
    counts = np.bincount(2 * t + p, minlength=4)
    return counts.reshape(2, 2)


def _ratio(num: int, den: int) -> float:
    return float(num) / float(den) if den else 0.0


def precision_recall_f1(y_true, y_pred) -> tuple[float, float, float]:
    """Return (precision, recall, f1) for the positive class 1; any 0/0 counts as 0.0."""
    (_tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred)
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return precision, recall, f1
