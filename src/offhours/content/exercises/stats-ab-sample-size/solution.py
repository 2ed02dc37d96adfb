import math
from statistics import NormalDist

STANDARD_NORMAL = NormalDist()


def _check_rate(name: str, p: float) -> None:
    if not 0 < p < 1:
        raise ValueError(f"{name} must be a rate strictly between 0 and 1, got {p}")


def power_two_proportions(p1: float, p2: float, n_per_group: float, alpha: float = 0.05) -> float:
    """Approximate power of a two-sided two-proportion z-test with n_per_group users in each group."""
    _check_rate("p1", p1)
    _check_rate("p2", p2)
    _check_rate("alpha", alpha)
    if n_per_group <= 0:
        raise ValueError(f"n_per_group must be positive, got {n_per_group}")
    z_alpha = STANDARD_NORMAL.inv_cdf(1 - alpha / 2)
    p_bar = (p1 + p2) / 2
    sd_null = math.sqrt(2 * p_bar * (1 - p_bar))  # spread of the difference if both rates were p_bar
    sd_alt = math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))  # spread of the difference at the true rates
    # reject when the observed gap passes z_alpha * sd_null / sqrt(n); the gap is centred on |p2 - p1|
    return STANDARD_NORMAL.cdf((abs(p2 - p1) * math.sqrt(n_per_group) - z_alpha * sd_null) / sd_alt)


def ab_sample_size(baseline: float, lift: float, alpha: float = 0.05, power: float = 0.8,
                   relative: bool = True) -> int:
    """Users needed in EACH group to detect the lift with a two-sided two-proportion z-test."""
    _check_rate("baseline", baseline)
    _check_rate("alpha", alpha)
    _check_rate("power", power)
    if lift == 0:
        raise ValueError("lift must not be 0: no sample size can detect a difference of nothing")
    p1 = baseline
    p2 = baseline * (1 + lift) if relative else baseline + lift
    if not 0 < p2 < 1:
        raise ValueError(f"the lifted rate {p2} is not strictly between 0 and 1")
    z_alpha = STANDARD_NORMAL.inv_cdf(1 - alpha / 2)
    z_power = STANDARD_NORMAL.inv_cdf(power)
    p_bar = (p1 + p2) / 2
    sd_null = math.sqrt(2 * p_bar * (1 - p_bar))
    sd_alt = math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    # solve power_two_proportions(p1, p2, n) = power for n, then round up: a fraction of a user is a user
    n = ((z_alpha * sd_null + z_power * sd_alt) / (p2 - p1)) ** 2
    return max(1, math.ceil(n))
