import numpy as np
from submission import ab_sample_size, power_two_proportions


def _close(got, want, tol=1e-9):
    return abs(got - want) <= tol * max(1.0, abs(want))


def test_examples_from_the_task():
    got = ab_sample_size(0.10, 0.10)
    assert got == 14751, f"ab_sample_size(0.10, 0.10): expected 14751 users per group, got {got}"
    assert isinstance(got, int), f"return a Python int (math.ceil gives one), got {type(got).__name__}"
    got = ab_sample_size(0.10, 0.01, relative=False)
    assert got == 14751, (
        f"ab_sample_size(0.10, 0.01, relative=False) is the same 10% -> 11% test: expected 14751, got {got}")
    got = power_two_proportions(0.10, 0.11, 5000)
    assert _close(got, 0.3710889343229117), f"power_two_proportions(0.10, 0.11, 5000): expected 0.37109, got {got}"


def test_more_sample_sizes():
    # (baseline, lift, alpha, power, relative) -> users per group
    cases = (((0.10, 0.05, 0.05, 0.8, True), 57763), ((0.04, 0.25, 0.05, 0.8, True), 6745),
             ((0.10, 0.10, 0.05, 0.9, True), 19747), ((0.10, 0.10, 0.01, 0.8, True), 21950),
             ((0.20, -0.10, 0.05, 0.8, True), 6039), ((0.30, 0.05, 0.05, 0.8, False), 1377))
    for (baseline, lift, alpha, power, relative), want in cases:
        got = ab_sample_size(baseline, lift, alpha=alpha, power=power, relative=relative)
        assert got == want, (
            f"ab_sample_size({baseline}, {lift}, alpha={alpha}, power={power}, relative={relative}): expected "
            f"{want}, got {got}")


def test_the_sample_size_is_the_smallest_with_enough_power():
    for baseline, lift, alpha, power in ((0.10, 0.10, 0.05, 0.8), (0.02, 0.30, 0.05, 0.9), (0.5, -0.04, 0.1, 0.8),
                                         (0.15, 0.2, 0.01, 0.95)):
        n = ab_sample_size(baseline, lift, alpha=alpha, power=power)
        p2 = baseline * (1 + lift)
        at_n = power_two_proportions(baseline, p2, n, alpha=alpha)
        below = power_two_proportions(baseline, p2, n - 1, alpha=alpha)
        assert at_n >= power - 1e-12, (
            f"baseline={baseline}, lift={lift}: with n={n} the power is {at_n:.5f}, below the {power} asked for. "
            "Solve the task's power formula (with sd_null and sd_alt) for n, then round up")
        assert below < power, (
            f"baseline={baseline}, lift={lift}: n-1={n - 1} already has power {below:.5f} >= {power}, so {n} is not "
            "the smallest sample size")


def test_power_agrees_with_simulated_experiments():
    # run 20,000 fake A/B tests with a pooled two-proportion z-test and count how often they reject
    rng = np.random.default_rng(0)
    z_a = 1.959963984540054
    for p1, p2, n in ((0.10, 0.11, 5000), (0.10, 0.11, 14751), (0.30, 0.25, 400)):
        want = power_two_proportions(p1, p2, n)
        x1 = rng.binomial(n, p1, size=20_000)
        x2 = rng.binomial(n, p2, size=20_000)
        pooled = (x1 + x2) / (2 * n)
        se = np.sqrt(pooled * (1 - pooled) * 2 / n)
        simulated = float(np.mean(np.abs(x2 - x1) / n > z_a * se))
        assert abs(simulated - want) < 0.02, (
            f"p1={p1}, p2={p2}, n={n}: simulated experiments reject {simulated:.3f} of the time, but "
            f"power_two_proportions says {want:.3f}")


def test_sizes_move_the_right_way():
    base = ab_sample_size(0.10, 0.10)
    assert ab_sample_size(0.10, 0.20) < base, "a bigger lift should need fewer users"
    assert ab_sample_size(0.10, 0.10, power=0.9) > base, "more power should need more users"
    assert ab_sample_size(0.10, 0.10, alpha=0.01) > base, "a stricter alpha should need more users"
    ratio = ab_sample_size(0.10, 0.05) / base
    assert 3.7 < ratio < 4.2, f"halving the lift should need about four times the users, got {ratio:.2f} times"
    assert _close(power_two_proportions(0.10, 0.11, 3000), power_two_proportions(0.11, 0.10, 3000)), (
        "the test is two-sided: swapping p1 and p2 must not change the power")
    small, big = power_two_proportions(0.10, 0.11, 1000), power_two_proportions(0.10, 0.11, 50_000)
    assert small < big, f"power should grow with the sample size, got {small} at 1,000 and {big} at 50,000"
    assert 0.0 < small < 1.0 and big > 0.999, f"power is a probability: got {small} and {big}"


def test_bad_arguments_raise_value_error():
    calls = ((lambda: ab_sample_size(0.0, 0.1), "baseline=0"), (lambda: ab_sample_size(1.2, 0.1), "baseline=1.2"),
             (lambda: ab_sample_size(0.1, 0.0), "lift=0"),
             (lambda: ab_sample_size(0.9, 0.2), "0.9 lifted by 20% is 1.08"),
             (lambda: ab_sample_size(0.1, -0.2, relative=False), "0.1 - 0.2 is negative"),
             (lambda: ab_sample_size(0.1, 0.1, alpha=0.0), "alpha=0"),
             (lambda: ab_sample_size(0.1, 0.1, power=1.0), "power=1"),
             (lambda: power_two_proportions(0.1, 0.11, 0), "n_per_group=0"),
             (lambda: power_two_proportions(0.1, 1.0, 100), "p2=1"))
    for call, why in calls:
        try:
            call()
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {why}")
