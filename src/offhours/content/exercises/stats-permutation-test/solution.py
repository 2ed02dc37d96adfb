import numpy as np


def permutation_test(a, b, n_permutations: int = 10_000, rng=None) -> float:
    """Two-sided permutation test p-value for mean(a) - mean(b).

    Each round shuffles the pooled values with rng.permutation; p = (1 + extreme rounds) / (1 + rounds).
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    for name, s in (("a", a), ("b", b)):
        if s.ndim != 1 or s.size == 0:
            raise ValueError(f"{name} must be a non-empty 1-D sample, got shape {s.shape}")
    if n_permutations < 1:
        raise ValueError(f"n_permutations must be at least 1, got {n_permutations}")
    rng = np.random.default_rng(rng)
    observed = abs(a.mean() - b.mean())
    pooled = np.concatenate([a, b])  # a new array: shuffling it never touches a or b
    n_a = a.size
    extreme = 0
    for _ in range(n_permutations):
        shuffled = rng.permutation(pooled)  # relabel at random: under the null the labels do not matter
        diff = shuffled[:n_a].mean() - shuffled[n_a:].mean()
        if abs(diff) >= observed:  # two-sided: a gap this large in either direction counts
            extreme += 1
    # counting the observed labelling as one of the rounds keeps p above 0 and the test valid
    return (1 + extreme) / (1 + n_permutations)
