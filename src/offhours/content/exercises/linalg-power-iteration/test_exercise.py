import numpy as np
import submission
from submission import power_iteration


def _with_spectrum(eigenvalues, seed):
    """A symmetric matrix Q diag(eigenvalues) Q^T with a random orthonormal Q."""
    n = len(eigenvalues)
    Q, _ = np.linalg.qr(np.random.default_rng(seed).normal(size=(n, n)))
    return Q @ np.diag(eigenvalues) @ Q.T, Q


def _same_direction(v, u):
    """|cos| of the angle between v and u: 1 when they are parallel, whichever the sign."""
    return abs(np.dot(v, u)) / (np.linalg.norm(v) * np.linalg.norm(u))


def test_example_from_the_task():
    eigenvalue, vector = power_iteration(np.array([[2.0, 1.0], [1.0, 2.0]]))
    assert np.isclose(eigenvalue, 3.0), f"the dominant eigenvalue of [[2, 1], [1, 2]] is 3, got {eigenvalue}"
    assert np.shape(vector) == (2,), f"the eigenvector should have shape (2,), got {np.shape(vector)}"
    assert np.allclose(np.abs(vector), [2 ** -0.5, 2 ** -0.5]), (
        f"expected ±[0.7071, 0.7071], the direction (1, 1) at length 1, got {np.round(vector, 4).tolist()}")


def test_matches_the_known_spectrum():
    A, Q = _with_spectrum([5.0, 3.0, -2.0, 1.0, 0.5, -0.1], seed=0)
    eigenvalue, vector = power_iteration(A)
    assert isinstance(eigenvalue, float), f"the eigenvalue should be a Python float, got {type(eigenvalue).__name__}"
    assert np.isclose(eigenvalue, 5.0, atol=1e-8), f"the dominant eigenvalue is 5.0, got {eigenvalue}"
    assert np.isclose(np.linalg.norm(vector), 1.0), f"the vector must have length 1, got {np.linalg.norm(vector)}"
    assert _same_direction(vector, Q[:, 0]) > 1 - 1e-9, "the vector should point along the eigenvector for 5.0"
    residual = np.linalg.norm(A @ vector - eigenvalue * vector)
    assert residual <= 2e-10, f"A v - λ v should be within tol=1e-10, got a residual of {residual:.3g}"


def test_negative_dominant_eigenvalue_keeps_its_sign():
    A, Q = _with_spectrum([4.0, -6.0, 1.0, 2.5], seed=1)
    try:
        eigenvalue, vector = power_iteration(A)
    except RuntimeError as exc:
        raise AssertionError(
            f"a dominant eigenvalue of -6 must converge, but power_iteration raised RuntimeError ({exc}): v flips "
            "sign at every step, so test the residual ‖A v - λ v‖, not whether v stopped changing")
    assert np.isclose(eigenvalue, -6.0, atol=1e-8), (
        f"the eigenvalue of largest absolute value is -6, got {eigenvalue}; "
        "‖A v‖ loses the sign, the Rayleigh quotient v · A v keeps it")
    assert _same_direction(vector, Q[:, 1]) > 1 - 1e-9, "the vector should point along the eigenvector for -6"


def test_top_variance_direction_of_a_covariance_matrix():
    rng = np.random.default_rng(2)
    data = rng.normal(size=(500, 4)) @ rng.normal(size=(4, 4))  # correlated features
    C = np.cov(data, rowvar=False)
    eigenvalue, vector = power_iteration(C)
    values, vectors = np.linalg.eigh(C)
    assert np.isclose(eigenvalue, values[-1], rtol=1e-8), (
        f"expected the largest variance {values[-1]:.6f} (from np.linalg.eigh), got {eigenvalue:.6f}")
    assert _same_direction(vector, vectors[:, -1]) > 1 - 1e-8, "the vector should match eigh's top eigenvector"
    again, _ = power_iteration(C, seed=7)
    assert np.isclose(again, eigenvalue), "another starting seed must reach the same eigenvalue"


def test_tolerance_and_small_cases():
    A, _ = _with_spectrum([2.0, 1.8, 0.3], seed=3)
    eigenvalue, vector = power_iteration(A, tol=1e-3)
    residual = np.linalg.norm(A @ vector - eigenvalue * vector)
    assert residual <= 1e-3 * 1.000001, (
        f"with tol=1e-3 the returned pair must satisfy ‖Av - λv‖ <= 1e-3, got {residual:.3g}")
    assert abs(eigenvalue - 2.0) < 0.01, f"even with tol=1e-3 the estimate should be near 2.0, got {eigenvalue}"
    eigenvalue, vector = power_iteration([[-4.0]])
    assert np.isclose(eigenvalue, -4.0) and np.allclose(np.abs(vector), [1.0]), (
        f"a 1 x 1 matrix [[-4]] has eigenvalue -4 and eigenvector ±[1], got {eigenvalue} and {vector}")


def test_zero_matrix_has_eigenvalue_zero():
    advice = "A @ v is the zero vector: check the residual before dividing by ‖A v‖"
    try:
        eigenvalue, vector = power_iteration(np.zeros((3, 3)))
    except RuntimeError as exc:
        raise AssertionError(f"the zero matrix raised RuntimeError ({exc}); {advice}")
    assert np.isclose(eigenvalue, 0.0) and np.isclose(np.linalg.norm(vector), 1.0), (
        f"the zero matrix has eigenvalue 0 and every unit vector is an eigenvector, got {eigenvalue} and "
        f"{vector}; {advice}")


def test_no_convergence_raises_runtime_error():
    for what, A, kwargs in (("eigenvalues 3 and -3 tie", np.diag([3.0, -3.0, 1.0]), {}),
                            ("max_iter=2 is far too few", _with_spectrum([1.0, 0.99, 0.5], seed=4)[0],
                             {"max_iter": 2})):
        try:
            got = power_iteration(A, **kwargs)
        except NotImplementedError:
            raise AssertionError("power_iteration is not written yet")
        except RuntimeError:
            continue
        raise AssertionError(f"{what}: power_iteration should raise RuntimeError, but it returned {got}")


def test_does_not_use_numpy_eigensolvers():
    A, _ = _with_spectrum([3.0, 1.0, -1.0], seed=5)
    forbidden = {name: getattr(np.linalg, name) for name in ("eig", "eigh", "eigvals", "eigvalsh", "svd")}

    def refuse(name):
        def call(*args, **kwargs):
            raise AssertionError(f"do not call np.linalg.{name}: find the eigenvector by power iteration")
        return call

    patched = []
    try:
        for name, original in forbidden.items():
            setattr(np.linalg, name, refuse(name))
            for attr, value in list(vars(submission).items()):
                if value is original:  # catches `from numpy.linalg import eigh`
                    patched.append((attr, value))
                    setattr(submission, attr, refuse(name))
        eigenvalue, _ = power_iteration(A)
    finally:
        for name, original in forbidden.items():
            setattr(np.linalg, name, original)
        for attr, value in patched:
            setattr(submission, attr, value)
    assert np.isclose(eigenvalue, 3.0), f"the dominant eigenvalue is 3.0, got {eigenvalue}"


def test_bad_matrices_raise_value_error_and_a_is_not_modified():
    A, _ = _with_spectrum([2.0, 1.0, 0.5], seed=6)
    before = A.copy()
    power_iteration(A)
    assert np.array_equal(A, before), "power_iteration must not modify A"
    for what, bad in (("a 2 x 3 matrix", np.ones((2, 3))), ("a 1-D array", np.ones(3)),
                      ("a non-symmetric matrix", np.array([[1.0, 2.0], [0.0, 1.0]]))):
        try:
            power_iteration(bad)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"{what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"power_iteration with {what} should raise ValueError")
