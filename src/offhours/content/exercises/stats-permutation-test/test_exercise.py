import itertools
import time

import numpy as np
from submission import permutation_test

NEW = [14.2, 9.8, 12.5, 16.1, 11.0, 13.7]
OLD = [10.4, 8.9, 12.0, 9.5, 7.8, 11.2, 10.1]


def _reference(a, b, n_permutations, seed):
    """The procedure of the task, step by step."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    rng = np.random.default_rng(seed)
    observed = abs(a.mean() - b.mean())
    pooled = np.concatenate([a, b])
    extreme = 0
    for _ in range(n_permutations):
        s = rng.permutation(pooled)
        extreme += abs(s[:a.size].mean() - s[a.size:].mean()) >= observed
    return (1 + extreme) / (1 + n_permutations)


def _exact(a, b):
    """The exact two-sided p-value from every split of the pooled values (small samples only)."""
    pooled = np.asarray(a + b, dtype=float)
    observed = abs(np.mean(a) - np.mean(b))
    hits = total = 0
    for chosen in itertools.combinations(range(pooled.size), len(a)):
        mask = np.zeros(pooled.size, dtype=bool)
        mask[list(chosen)] = True
        hits += abs(pooled[mask].mean() - pooled[~mask].mean()) >= observed - 1e-12
        total += 1
    return hits / total


def test_example_from_the_task():
    got = permutation_test(NEW, OLD, rng=0)
    assert isinstance(got, float), f"return a Python float, got {type(got).__name__}"
    assert np.isclose(got, 0.018798120187981202, rtol=0, atol=1e-12), (
        f"permutation_test(new, old, rng=0): expected 0.018798120187981202 (188 / 10001), got {got}. "
        "Shuffle with rng.permutation(pooled) once per round and return (1 + extreme) / (1 + n_permutations)")


def test_close_to_the_exact_p_value_in_both_directions():
    # integer data, so equal gaps are exactly equal; 10,000 rounds put p within about ±0.01 of the exact value
    for a, b in (([12, 15, 11, 17, 14], [9, 10, 13, 8, 11]), ([3, 5, 4, 6], [4, 5, 7, 6, 8, 5]),
                 ([20, 22, 19, 30], [18, 21, 17, 24, 20])):
        want = _exact(a, b)
        for first, second in ((a, b), (b, a)):
            got = permutation_test(first, second, rng=1)
            assert abs(got - want) < 0.012, (
                f"a={first}, b={second}: the exact two-sided p-value is {want:.4f}, got {got:.4f}. "
                "Count rounds with |d| >= |observed|: equal gaps and gaps in the other direction are extreme too")


def test_follows_the_exact_procedure():
    rng = np.random.default_rng(0)
    for n_a, n_b, shift, n_perm, seed in ((8, 11, 0.5, 999, 2), (30, 25, 0.3, 2000, 3), (3, 40, 1.0, 500, 4)):
        a, b = rng.normal(shift, 1, size=n_a), rng.normal(0, 1, size=n_b)
        want = _reference(a, b, n_perm, seed)
        got = permutation_test(a, b, n_permutations=n_perm, rng=seed)
        assert np.isclose(got, want, rtol=0, atol=1e-12), (
            f"sizes {n_a} and {n_b}, n_permutations={n_perm}, rng={seed}: expected {want}, got {got}")


def test_huge_effect_gives_the_smallest_possible_p_never_zero():
    rng = np.random.default_rng(5)
    a, b = rng.normal(10, 1, size=30), rng.normal(0, 1, size=30)
    got = permutation_test(a, b, n_permutations=999, rng=0)
    assert got > 0, "p must never be 0: add 1 to both the count of extreme rounds and the number of rounds"
    assert np.isclose(got, 1 / 1000), (
        f"no shuffle comes close to a gap of 10 standard deviations, so p should be 1 / (999 + 1) = 0.001, got {got}")


def test_identical_groups_give_p_one():
    got = permutation_test([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0], n_permutations=500, rng=0)
    assert np.isclose(got, 1.0), (
        f"two identical groups have an observed gap of 0, so every round is at least as extreme: expected 1.0, "
        f"got {got}. Use >= rather than >")


def test_seed_and_generator_handling():
    a = permutation_test(NEW, OLD, n_permutations=300, rng=9)
    b = permutation_test(NEW, OLD, n_permutations=300, rng=9)
    assert a == b, f"the same seed must give the same p-value, got {a} and {b}"
    c = permutation_test(NEW, OLD, n_permutations=300, rng=np.random.default_rng(9))
    assert np.isclose(a, c), f"a Generator seeded with 9 should give the same p as rng=9: {c} vs {a}"
    g = np.random.default_rng(9)
    first = permutation_test([1, 2, 3, 4, 5, 6], [3, 4, 5, 6, 7, 8, 9], n_permutations=300, rng=g)
    second = permutation_test([1, 2, 3, 4, 5, 6], [3, 4, 5, 6, 7, 8, 9], n_permutations=300, rng=g)
    assert first != second, (
        "two calls with the same Generator object should continue its stream and give different p-values: "
        "create the generator with np.random.default_rng(rng), once, before the loop")


def test_inputs_not_modified():
    a, b = np.array(NEW), np.array(OLD)
    a0, b0 = a.copy(), b.copy()
    permutation_test(a, b, n_permutations=200, rng=0)
    assert np.array_equal(a, a0) and np.array_equal(b, b0), "permutation_test must not change a or b"


def test_bad_arguments_raise_value_error():
    for a, b, kwargs, why in (([], [1.0, 2.0], {}, "a is empty"), ([1.0], [], {}, "b is empty"),
                              ([1.0, 2.0], [3.0], {"n_permutations": 0}, "n_permutations=0"),
                              (np.ones((2, 2)), [1.0], {}, "a is 2-D")):
        try:
            permutation_test(a, b, rng=0, **kwargs)
        except ValueError:
            continue
        raise AssertionError(f"permutation_test should raise ValueError when {why}")


def test_large_groups_are_fast_enough():
    rng = np.random.default_rng(6)
    a, b = rng.normal(0.1, 1, size=300), rng.normal(0, 1, size=250)
    start = time.perf_counter()
    got = permutation_test(a, b, rng=0)
    seconds = time.perf_counter() - start
    assert 0 < got <= 1, f"a p-value lies in (0, 1], got {got}"
    assert seconds < 2.0, f"10,000 rounds on 300 + 250 values took {seconds:.1f}s; avoid Python loops over values"
