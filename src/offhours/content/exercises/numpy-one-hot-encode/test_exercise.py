import numpy as np
from submission import one_hot


def test_example_from_the_task():
    got = one_hot([2, 0, 1, 2])
    want = [[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]]
    assert np.shape(got) == (4, 3), f"4 labels with largest label 2 give shape (4, 3), got {np.shape(got)}"
    assert np.array_equal(got, want), f"expected {want}, got {np.asarray(got).tolist()}"
    got = one_hot([1, 0], num_classes=4)
    want = [[0, 1, 0, 0], [1, 0, 0, 0]]
    assert np.array_equal(got, want), f"with num_classes=4 expected {want}, got {np.asarray(got).tolist()}"


def test_rows_have_a_single_one_in_the_label_column():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 10, size=500)
    got = np.asarray(one_hot(labels))
    assert got.shape == (500, 10), f"labels 0-9 give 10 columns, expected shape (500, 10), got {got.shape}"
    assert got.dtype == np.float64, f"the result should be a float64 array, got dtype {got.dtype}"
    assert set(np.unique(got)) <= {0.0, 1.0}, "the matrix may only contain 0.0 and 1.0"
    assert np.array_equal(got.sum(axis=1), np.ones(500)), "every row must contain exactly one 1"
    assert np.array_equal(got.argmax(axis=1), labels), "the 1 in row i must sit in column labels[i]"
    assert np.array_equal(got, np.eye(10)[labels]), "the result should equal the matching rows of np.eye(10)"


def test_classes_that_never_occur_still_get_a_column():
    advice = "count the columns as max(labels) + 1, not as the number of distinct labels"
    try:
        got = np.asarray(one_hot(np.array([0, 3, 3])))
    except IndexError as exc:
        raise AssertionError(f"labels [0, 3, 3] need 4 columns, but one_hot raised IndexError ({exc}): {advice}")
    assert got.shape == (3, 4), (
        f"labels up to 3 need 4 columns (classes 1 and 2 are simply absent), got shape {got.shape}: {advice}")
    assert np.array_equal(got, [[1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 1]]), (
        f"expected [[1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 1]], got {got.tolist()}")
    wide = np.asarray(one_hot([0, 1], num_classes=5))
    assert wide.shape == (2, 5) and np.all(wide[:, 2:] == 0), (
        f"num_classes=5 must give 5 columns, the last three all zero, got {wide.tolist()}")


def test_whole_number_floats_tuples_and_empty_labels():
    assert np.array_equal(one_hot(np.array([1.0, 0.0, 2.0])), one_hot([1, 0, 2])), (
        "float labels holding whole numbers, like 2.0, must encode like the integers")
    assert np.array_equal(one_hot((0, 1)), [[1, 0], [0, 1]]), "a tuple of labels should work like a list"
    empty = np.asarray(one_hot([], num_classes=3))
    assert empty.shape == (0, 3), f"no labels with num_classes=3 give shape (0, 3), got {empty.shape}"
    empty = np.asarray(one_hot([]))
    assert empty.shape == (0, 0), f"no labels and no num_classes give shape (0, 0), got {empty.shape}"


def test_labels_are_not_modified():
    labels = np.array([3, 1, 2])
    before = labels.copy()
    one_hot(labels)
    assert np.array_equal(labels, before) and labels.dtype == before.dtype, "one_hot must not modify labels"


def test_bad_labels_raise_value_error():
    cases = (("a negative label (as an index, -1 would silently pick the last column)", [0, -1, 2], None),
             ("a fractional label 1.5", [0, 1.5], None),
             ("a NaN label", [0.0, float("nan")], None),
             ("a 2-D labels array", [[0, 1], [1, 0]], None),
             ("label 3 with num_classes=3", [0, 3], 3))
    for what, labels, num_classes in cases:
        try:
            one_hot(labels, num_classes=num_classes)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"one_hot with {what} should raise ValueError")
