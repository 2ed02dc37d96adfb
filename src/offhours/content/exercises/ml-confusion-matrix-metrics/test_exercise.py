import numpy as np
from submission import confusion_matrix, precision_recall_f1


def _counts_by_hand(t, p):
    """The four cells counted one pair at a time: the closed form the answer must agree with."""
    tn = fp = fn = tp = 0
    for a, b in zip(t, p):
        if a == 1 and b == 1:
            tp += 1
        elif a == 1:
            fn += 1
        elif b == 1:
            fp += 1
        else:
            tn += 1
    return tn, fp, fn, tp


def test_example_from_the_task():
    y_true = [1, 0, 1, 1, 0, 0]
    y_pred = [1, 1, 0, 1, 0, 0]
    got = np.asarray(confusion_matrix(y_true, y_pred))
    assert got.shape == (2, 2), f"the matrix must have shape (2, 2), got {got.shape}"
    assert got.tolist() == [[2, 1], [1, 2]], f"expected [[2, 1], [1, 2]] ([[TN, FP], [FN, TP]]), got {got.tolist()}"
    p, r, f = precision_recall_f1(y_true, y_pred)
    assert np.allclose([p, r, f], [2 / 3, 2 / 3, 2 / 3]), f"expected (2/3, 2/3, 2/3), got {(p, r, f)}"


def test_layout_rows_are_truth_columns_are_predictions():
    # 3 false positives and 1 false negative tell the two off-diagonal cells apart
    y_true = [0, 0, 0, 1, 1, 1, 0]
    y_pred = [1, 1, 1, 0, 1, 1, 0]
    got = np.asarray(confusion_matrix(y_true, y_pred)).tolist()
    assert got == [[1, 3], [1, 2]], (
        f"expected [[TN=1, FP=3], [FN=1, TP=2]], got {got}: rows are the true class, columns the predicted class")
    p, r, f = precision_recall_f1(y_true, y_pred)
    assert np.isclose(p, 2 / 5), f"precision = TP / (TP + FP) = 2/5, got {p}"
    assert np.isclose(r, 2 / 3), f"recall = TP / (TP + FN) = 2/3, got {r}"
    assert np.isclose(f, 2 * (2 / 5) * (2 / 3) / (2 / 5 + 2 / 3)), (
        f"F1 should be 2PR/(P+R) = {2 * 0.4 * (2/3) / (0.4 + 2/3)}, got {f}")


def test_random_labels_match_counting_by_hand():
    rng = np.random.default_rng(0)
    for n in (1, 7, 200):
        t = rng.integers(0, 2, size=n)
        p = rng.integers(0, 2, size=n)
        tn, fp, fn, tp = _counts_by_hand(t, p)
        got = np.asarray(confusion_matrix(t, p))
        assert got.tolist() == [[tn, fp], [fn, tp]], f"n={n}: expected {[[tn, fp], [fn, tp]]}, got {got.tolist()}"
        assert np.issubdtype(got.dtype, np.integer), f"the matrix should hold integers, got dtype {got.dtype}"
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        got_prf = precision_recall_f1(t, p)
        assert np.allclose(got_prf, (prec, rec, f1)), f"n={n}: expected {(prec, rec, f1)}, got {got_prf}"


def test_zero_division_gives_zero():
    # nothing predicted positive: precision is 0/0
    p, r, f = precision_recall_f1([1, 0, 1], [0, 0, 0])
    assert (p, r, f) == (0.0, 0.0, 0.0), f"with no predicted positives expect (0.0, 0.0, 0.0), got {(p, r, f)}"
    # no real positives: recall is 0/0
    p, r, f = precision_recall_f1([0, 0, 0], [1, 0, 0])
    assert (p, r, f) == (0.0, 0.0, 0.0), f"with no true positives to find expect (0.0, 0.0, 0.0), got {(p, r, f)}"
    # every label negative and every prediction negative: all three are 0/0
    p, r, f = precision_recall_f1([0, 0], [0, 0])
    assert (p, r, f) == (0.0, 0.0, 0.0), (
        f"all-negative labels and predictions should give (0.0, 0.0, 0.0), got {(p, r, f)}")
    got = np.asarray(confusion_matrix([0, 0], [0, 0])).tolist()
    assert got == [[2, 0], [0, 0]], (
        f"a class that never appears still gets its row and column of zeros: expected [[2, 0], [0, 0]], got {got}")


def test_perfect_predictions_give_ones_as_floats():
    y = np.array([1, 0, 1, 1, 0])
    got = precision_recall_f1(y, y.copy())
    assert got == (1.0, 1.0, 1.0), f"perfect predictions should give (1.0, 1.0, 1.0), got {got}"
    assert isinstance(got, tuple) and len(got) == 3, f"return a tuple of three values, got {type(got).__name__}"
    assert all(isinstance(v, float) for v in got), f"return floats (not ints), got {[type(v).__name__ for v in got]}"


def test_booleans_accepted_and_inputs_unchanged():
    t = np.array([True, False, True, True])
    p = np.array([True, True, False, True])
    t0, p0 = t.copy(), p.copy()
    got = np.asarray(confusion_matrix(t, p)).tolist()
    assert got == [[0, 1], [1, 2]], f"booleans count as 0/1: expected [[0, 1], [1, 2]], got {got}"
    precision_recall_f1(t, p)
    assert np.array_equal(t, t0) and np.array_equal(p, p0), "the inputs must not be modified"


def test_bad_input_raises_value_error():
    for t, p, why in (([0, 1, 1], [0, 1], "lengths differ"), ([0, 2, 1], [0, 1, 1], "a label is 2")):
        try:
            confusion_matrix(t, p)
        except ValueError:
            continue
        raise AssertionError(f"confusion_matrix({t}, {p}) should raise ValueError ({why})")


def test_agrees_with_scikit_learn_when_available():
    try:
        from sklearn import metrics
    except ImportError:
        return  # scikit-learn is optional here; the hand-counted tests above already check the numbers
    rng = np.random.default_rng(1)
    t = rng.integers(0, 2, size=300)
    p = np.where(rng.random(300) < 0.8, t, 1 - t)
    want = metrics.confusion_matrix(t, p, labels=[0, 1])
    got = np.asarray(confusion_matrix(t, p))
    assert np.array_equal(got, want), f"expected scikit-learn's {want.tolist()}, got {got.tolist()}"
    want_prf = (metrics.precision_score(t, p), metrics.recall_score(t, p), metrics.f1_score(t, p))
    assert np.allclose(precision_recall_f1(t, p), want_prf), f"expected {want_prf}, got {precision_recall_f1(t, p)}"
