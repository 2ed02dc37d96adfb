import numpy as np
from submission import conv2d, conv_output_size


def _reference(image, kernel, stride, padding):
    """Straight from the definition, one product at a time."""
    H, W = image.shape
    kh, kw = kernel.shape
    out = np.zeros(((H + 2 * padding - kh) // stride + 1, (W + 2 * padding - kw) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            for u in range(kh):
                for v in range(kw):
                    r, c = i * stride + u - padding, j * stride + v - padding
                    if 0 <= r < H and 0 <= c < W:
                        out[i, j] += image[r, c] * kernel[u, v]
    return out


def test_example_from_the_task():
    image = np.arange(12.0).reshape(3, 4)
    kernel = np.array([[0.0, 1.0], [2.0, 3.0]])
    got = conv2d(image, kernel)
    assert np.allclose(got, [[24, 30, 36], [48, 54, 60]]), f"expected [[24, 30, 36], [48, 54, 60]], got {got.tolist()}"
    got = conv2d(image, kernel, stride=2, padding=1)
    assert np.allclose(got, [[0, 8, 6], [28, 54, 22]]), (
        f"with stride=2, padding=1 expected [[0, 8, 6], [28, 54, 22]], got {np.asarray(got).tolist()}")
    assert conv_output_size(3, 2, stride=2, padding=1) == 2 and conv_output_size(28, 5, padding=2) == 28, (
        "expected conv_output_size(3, 2, stride=2, padding=1) == 2 and conv_output_size(28, 5, padding=2) == 28")
    sobel = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])
    got = conv2d(np.arange(25.0).reshape(5, 5), sobel)
    assert np.allclose(got, np.full((3, 3), -8.0)), (
        f"the Sobel example should give a 3x3 array of -8, got {np.asarray(got).tolist()}")


def test_output_size_formula():
    cases = [((5, 3, 1, 0), 3), ((5, 3, 2, 1), 3), ((7, 3, 2, 0), 3), ((8, 3, 2, 0), 3), ((8, 3, 2, 1), 4),
             ((28, 5, 1, 2), 28), ((224, 7, 2, 3), 112), ((5, 5, 1, 0), 1), ((1, 3, 1, 1), 1), ((10, 1, 3, 0), 4)]
    for (n, k, s, p), want in cases:
        got = conv_output_size(n, k, stride=s, padding=p)
        assert got == want and isinstance(got, int), (
            f"conv_output_size(n={n}, k={k}, stride={s}, padding={p}) should be floor(({n} + 2*{p} - {k}) / {s}) "
            f"+ 1 = {want} (an int), got {got!r}")


def test_kernel_is_not_flipped():
    rng = np.random.default_rng(0)
    image = rng.normal(size=(5, 6))
    right = np.zeros((3, 3))
    right[1, 2] = 1.0  # picks the pixel just right of the centre
    got = conv2d(image, right, padding=1)
    want = np.zeros_like(image)
    want[:, :-1] = image[:, 1:]
    assert np.allclose(got, want), (
        "a 3x3 kernel that is 0 except kernel[1, 2] = 1 should copy each pixel's right-hand neighbour; your "
        "output looks different (did you flip the kernel? deep-learning convolution is cross-correlation)")


def test_matches_the_definition_for_many_settings():
    rng = np.random.default_rng(1)
    image = rng.normal(size=(9, 7))
    kernel = rng.normal(size=(3, 2))
    for stride in (1, 2, 3):
        for padding in (0, 1, 2):
            got = np.asarray(conv2d(image, kernel, stride=stride, padding=padding))
            want = _reference(image, kernel, stride, padding)
            shape = (conv_output_size(9, 3, stride, padding), conv_output_size(7, 2, stride, padding))
            assert got.shape == want.shape == shape, (
                f"stride={stride}, padding={padding}: a 9x7 image and 3x2 kernel give shape {want.shape}, "
                f"got {got.shape}")
            wrong = np.argwhere(~np.isclose(got, want))
            assert len(wrong) == 0, (
                f"stride={stride}, padding={padding}: {len(wrong)} of {want.size} outputs are wrong; the first is "
                f"out[{wrong[0][0]}, {wrong[0][1]}]: expected {want[tuple(wrong[0])]:.4f}, "
                f"got {got[tuple(wrong[0])]:.4f}")


def test_single_row_agrees_with_np_correlate():
    rng = np.random.default_rng(2)
    row, weights = rng.normal(size=12), rng.normal(size=4)
    got = conv2d(row[None, :], weights[None, :])
    want = np.correlate(row, weights, mode="valid")[None, :]
    assert np.shape(got) == (1, 9) and np.allclose(got, want), (
        "on a one-row image with a one-row kernel, conv2d should match np.correlate(row, kernel, 'valid')")


def test_zero_padding_at_the_border():
    got = conv2d(np.ones((4, 4)), np.ones((3, 3)), padding=1)
    want = [[4, 6, 6, 4], [6, 9, 9, 6], [6, 9, 9, 6], [4, 6, 6, 4]]
    assert np.allclose(got, want), (
        f"summing 3x3 windows of ones with one ring of zero padding: corners see 4 ones, edges 6, the inside 9; "
        f"expected {want}, got {np.asarray(got).tolist()}")
    for k in (1, 3, 5):
        same = conv2d(np.ones((6, 8)), np.ones((k, k)), padding=(k - 1) // 2)
        assert np.shape(same) == (6, 8), f"a {k}x{k} kernel with padding {(k - 1) // 2} keeps a 6x8 image's shape"


def test_one_by_one_kernel_and_stride():
    rng = np.random.default_rng(3)
    image = rng.normal(size=(7, 6))
    got = conv2d(image, [[2.0]], stride=2)
    assert np.allclose(got, 2 * image[::2, ::2]), (
        "a 1x1 kernel [[2]] with stride 2 should keep every second row and column, doubled")


def test_inputs_are_not_modified_and_integers_work():
    image = np.arange(20).reshape(4, 5)
    kernel = np.array([[1, -1], [0, 2]])
    before = (image.copy(), kernel.copy())
    got = conv2d(image, kernel, stride=1, padding=1)
    assert np.array_equal(image, before[0]) and np.array_equal(kernel, before[1]), (
        "conv2d must not modify the image or the kernel")
    assert np.issubdtype(np.asarray(got).dtype, np.floating), (
        f"the output should be floats, got {np.asarray(got).dtype}")
    assert np.allclose(got, _reference(image.astype(float), kernel.astype(float), 1, 1)), (
        "an integer image and kernel should give the same values as their float versions")
    lists = conv2d(image.tolist(), kernel.tolist(), stride=1, padding=1)
    assert np.allclose(lists, got), "lists should give the same result as arrays"


def test_bad_arguments_raise_value_error():
    image, kernel = np.ones((4, 5)), np.ones((3, 3))
    cases = (("a kernel taller than the image", (image, np.ones((5, 2))), {}),
             ("a kernel wider than the padded image", (image, np.ones((2, 8))), {"padding": 1}),
             ("stride=0", (image, kernel), {"stride": 0}),
             ("padding=-1", (image, kernel), {"padding": -1}),
             ("a 3-D image", (np.ones((2, 4, 5)), kernel), {}),
             ("a 1-D kernel", (image, np.ones(3)), {}))
    for what, args, kwargs in cases:
        try:
            conv2d(*args, **kwargs)
        except ValueError:
            continue
        except Exception as exc:
            raise AssertionError(f"conv2d with {what} should raise ValueError, not {type(exc).__name__}: {exc}")
        raise AssertionError(f"conv2d with {what} should raise ValueError")
    for args in ((5, 3, 0, 0), (5, 3, 1, -1), (5, 7, 1, 0)):
        try:
            conv_output_size(*args)
        except ValueError:
            continue
        raise AssertionError(f"conv_output_size(n, k, stride, padding) = conv_output_size{args} "
                             "should raise ValueError")
