import numpy as np


def permutation_test(a, b, n_permutations: int = 10_000, rng=None) -> float:
    """Two-sided permutation test p-value for mean(a) - mean(b).

    Each round shuffles the pooled values with rng.permutation; p = (1 + extreme rounds) / (1 + rounds).
    """
    raise NotImplementedError("write permutation_test")
