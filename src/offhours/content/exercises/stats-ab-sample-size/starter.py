import math
from statistics import NormalDist


def power_two_proportions(p1: float, p2: float, n_per_group: float, alpha: float = 0.05) -> float:
    """Approximate power of a two-sided two-proportion z-test with n_per_group users in each group."""
    raise NotImplementedError("write power_two_proportions")


def ab_sample_size(baseline: float, lift: float, alpha: float = 0.05, power: float = 0.8,
                   relative: bool = True) -> int:
    """Users needed in EACH group to detect the lift with a two-sided two-proportion z-test."""
    raise NotImplementedError("write ab_sample_size")
