import numpy as np
from submission import pairwise_distances


def _slow(A, B):
    """Trusted reference: one np.linalg.norm per pair of rows."""
    return np.array([[np.linalg.norm(a - b) for b in B] for a in A]).reshape(len(A), len(B))


def test_example_from_the_task():
    A = np.array([[0.0, 0.0], [3.0, 4.0]])
    B = np.array([[0.0, 0.0], [6.0, 8.0], [3.0, 0.0]])
    got = pairwise_distances(A, B)
    want = [[0.0, 10.0, 3.0], [5.0, 5.0, 4.0]]
    assert np.shape(got) == (2, 3), f"2 rows in A and 3 in B give a (2, 3) matrix, got shape {np.shape(got)}"
    assert np.allclose(got, want), f"expected {want}, got {np.round(got, 6).tolist()}"


def test_matches_a_pair_by_pair_reference():
    rng = np.random.default_rng(0)
    A = rng.normal(size=(7, 5))
    B = rng.normal(loc=2.0, scale=3.0, size=(4, 5))
    got = np.asarray(pairwise_distances(A, B))
    want = _slow(A, B)
    assert got.shape == (7, 4), f"A with 7 rows and B with 4 rows give shape (7, 4), got {got.shape}"
    assert np.allclose(got, want), (
        f"D[i, j] must be the Euclidean distance between A[i] and B[j]; first row expected "
        f"{np.round(want[0], 4).tolist()}, got {np.round(got[0], 4).tolist()}")
    flipped = np.asarray(pairwise_distances(B, A))
    assert np.allclose(flipped, got.T), "swapping A and B must transpose the result"


def test_identical_rows_give_zero_and_never_nan():
    rng = np.random.default_rng(1)
    A = rng.normal(size=(300, 6))
    got = np.asarray(pairwise_distances(A, A))
    assert not np.isnan(got).any(), (
        "got NaN: a squared distance came out slightly negative before the square root (clip it at 0)")
    assert np.allclose(np.diag(got), 0.0, atol=1e-6), (
        f"the distance from a row to itself must be 0, got up to {np.abs(np.diag(got)).max():.3g}")
    assert np.allclose(got, got.T, atol=1e-9), "the distances of A to itself must form a symmetric matrix"


def test_single_points_one_column_and_lists():
    got = pairwise_distances([[1.0, 2.0, 2.0]], [[0.0, 0.0, 0.0]])
    assert np.shape(got) == (1, 1) and np.isclose(np.asarray(got)[0, 0], 3.0), (
        f"(1, 2, 2) is 3 away from the origin; expected [[3.0]], got {np.asarray(got).tolist()}")
    got = pairwise_distances(np.array([[1], [4], [-2]]), np.array([[0], [10]]))
    want = [[1.0, 9.0], [4.0, 6.0], [2.0, 12.0]]
    assert np.allclose(got, want), (
        f"with one column the distance is |a - b|; expected {want}, got {np.asarray(got).tolist()}")
    assert np.issubdtype(np.asarray(got).dtype, np.floating), (
        f"integer inputs must still give float distances, got dtype {np.asarray(got).dtype}")


def test_inputs_are_not_modified():
    rng = np.random.default_rng(2)
    A, B = rng.normal(size=(5, 3)), rng.normal(size=(6, 3))
    A0, B0 = A.copy(), B.copy()
    pairwise_distances(A, B)
    assert np.array_equal(A, A0) and np.array_equal(B, B0), "pairwise_distances must not modify A or B"


def test_bad_shapes_raise_value_error():
    cases = (("a 1-D A", np.zeros(3), np.zeros((2, 3))),
             ("a 1-D B", np.zeros((2, 3)), np.zeros(3)),
             ("3 columns against 2", np.zeros((4, 3)), np.zeros((4, 2))))
    for what, A, B in cases:
        try:
            pairwise_distances(A, B)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"pairwise_distances with {what} should raise ValueError")


def test_a_million_pairs():
    rng = np.random.default_rng(3)
    A = rng.normal(size=(1000, 4))
    B = rng.normal(size=(1500, 4))
    got = np.asarray(pairwise_distances(A, B))  # 1.5 million pairs: quick with broadcasting
    assert got.shape == (1000, 1500), f"expected shape (1000, 1500), got {got.shape}"
    rows = [0, 555, 999]
    assert np.allclose(got[rows], _slow(A[rows], B)), "spot-checked rows do not match the Euclidean distances"
