import math
from statistics import NormalDist

import numpy as np
from submission import normal_log_likelihood, normal_mle

X = [4.9, 5.6, 5.1, 6.3, 4.4, 5.7]


def _close(got, want, rtol=1e-9, atol=1e-9):
    return bool(np.isclose(got, want, rtol=rtol, atol=atol))


def test_example_from_the_task():
    got = normal_mle(X)
    assert isinstance(got, tuple) and len(got) == 3, (
        f"normal_mle returns (mu_hat, sigma2_hat, log_likelihood), got {got!r}")
    mu, s2, ll = got
    assert _close(mu, 5.333333333333333), f"mu_hat should be the mean 5.3333, got {mu}"
    assert _close(s2, 0.37555555555555536), (
        f"sigma2_hat should be 0.37556 (squared deviations / n), got {s2}"
        + (": that is the n - 1 sample variance, which is not the MLE" if _close(s2, 0.45066666666666644) else ""))
    assert _close(ll, -5.575584595704159), f"the log-likelihood at the maximum should be -5.57558, got {ll}"
    assert all(isinstance(v, float) for v in got), f"return Python floats, got {[type(v).__name__ for v in got]}"
    got = normal_log_likelihood(X, 5.0, 0.5)
    assert _close(got, -6.354189657548199), f"normal_log_likelihood(x, 5.0, 0.5): expected -6.35419, got {got}"
    assert isinstance(got, float), f"normal_log_likelihood should return a Python float, got {type(got).__name__}"


def test_log_likelihood_matches_the_sum_of_log_densities():
    rng = np.random.default_rng(0)
    x = rng.normal(3, 2, size=40)
    for mu, sigma2 in ((3.0, 4.0), (0.0, 1.0), (5.5, 0.3), (-2.0, 25.0)):
        dist = NormalDist(mu, math.sqrt(sigma2))
        want = sum(math.log(dist.pdf(float(v))) for v in x)
        got = normal_log_likelihood(x, mu, sigma2)
        assert _close(got, want, rtol=1e-9), (
            f"mu={mu}, sigma2={sigma2}: the sum of the log densities is {want:.6f}, got {got}. sigma2 is the "
            "variance, not the standard deviation")


def test_the_estimates_maximise_the_log_likelihood():
    rng = np.random.default_rng(1)
    for n, mu0, sd0 in ((10, 0.0, 1.0), (50, 100.0, 15.0), (300, -4.0, 0.2)):
        x = rng.normal(mu0, sd0, size=n)
        mu, s2, ll = normal_mle(x)
        assert _close(ll, normal_log_likelihood(x, mu, s2)), (
            f"n={n}: the third value should be normal_log_likelihood(x, mu_hat, sigma2_hat), got {ll}")
        se = math.sqrt(s2 / n)
        for d_mu in (-0.5, -0.01, 0.0, 0.01, 0.5):
            for f in (0.8, 0.99, 1.0, 1.01, 1.25, n / (n - 1)):
                if d_mu == 0.0 and f == 1.0:
                    continue
                other = normal_log_likelihood(x, mu + d_mu * se, s2 * f)
                assert other < ll, (
                    f"n={n}: (mu={mu + d_mu * se:.5g}, sigma2={s2 * f:.5g}) gives log-likelihood {other:.8f}, "
                    f"higher than or equal to {ll:.8f} at your estimates ({mu:.5g}, {s2:.5g}), so they are not the "
                    "maximum")


def test_derivatives_are_zero_at_the_estimates():
    rng = np.random.default_rng(2)
    x = rng.gamma(2.0, 3.0, size=200)  # not even normal: the MLE still maximises the normal likelihood
    mu, s2, _ = normal_mle(x)
    h_mu, h_s2 = 1e-4 * math.sqrt(s2), 1e-4 * s2
    d_mu = (normal_log_likelihood(x, mu + h_mu, s2) - normal_log_likelihood(x, mu - h_mu, s2)) / (2 * h_mu)
    d_s2 = (normal_log_likelihood(x, mu, s2 + h_s2) - normal_log_likelihood(x, mu, s2 - h_s2)) / (2 * h_s2)
    assert abs(d_mu) < 1e-4 * x.size and abs(d_s2) < 1e-4 * x.size / s2, (
        f"at the maximum both slopes of the log-likelihood are 0, got d/dmu = {d_mu:.4g} and d/dsigma2 = {d_s2:.4g}")
    assert _close(mu, x.mean()) and _close(s2, x.var()), (
        f"expected mu_hat = {x.mean():.6g} and sigma2_hat = {x.var():.6g} (divide by n), got {mu:.6g} and {s2:.6g}")


def test_large_samples_do_not_underflow_or_overflow():
    rng = np.random.default_rng(3)
    for sd in (10.0, 0.01):  # densities around 0.04 (the product underflows) and around 40 (it overflows)
        x = rng.normal(0, sd, size=5000)
        _, s2, ll = normal_mle(x)
        want = -0.5 * x.size * (math.log(2 * math.pi * s2) + 1)
        assert math.isfinite(ll), (
            f"sd={sd}, n=5000: the log-likelihood must be finite, got {ll}. Sum logs, do not multiply densities")
        assert _close(ll, want, rtol=1e-9), f"sd={sd}, n=5000: expected log-likelihood {want:.4f}, got {ll}"
        got = normal_log_likelihood(x, 0.0, sd**2)
        assert math.isfinite(got), f"normal_log_likelihood on 5000 values with sd={sd} must be finite, got {got}"


def test_changing_units():
    rng = np.random.default_rng(4)
    x = rng.normal(20, 3, size=30)
    mu, s2, ll = normal_mle(x)
    mu2, s22, ll2 = normal_mle(10 * x + 5)
    assert _close(mu2, 10 * mu + 5) and _close(s22, 100 * s2), (
        f"for 10x + 5 expected mu_hat = {10 * mu + 5:.6g} and sigma2_hat = {100 * s2:.6g}, got {mu2:.6g} and {s22:.6g}")
    assert _close(ll2, ll - x.size * math.log(10)), (
        f"stretching the data 10 times spreads each density 10 times thinner: expected log-likelihood "
        f"{ll - x.size * math.log(10):.6f}, got {ll2:.6f}")


def test_input_is_not_modified():
    x = np.array(X)
    before = x.copy()
    normal_mle(x)
    normal_log_likelihood(x, 1.0, 2.0)
    assert np.array_equal(x, before), "neither function may change x"


def test_bad_input_raises_value_error():
    calls = ((lambda: normal_mle([]), "normal_mle([])"), (lambda: normal_mle([3.0]), "normal_mle of one value"),
             (lambda: normal_mle([2.0, 2.0, 2.0]), "normal_mle of equal values (no maximum)"),
             (lambda: normal_mle(np.ones((2, 3))), "normal_mle of a 2-D array"),
             (lambda: normal_log_likelihood(X, 5.0, 0.0), "sigma2=0"),
             (lambda: normal_log_likelihood(X, 5.0, -1.0), "sigma2=-1"),
             (lambda: normal_log_likelihood([], 0.0, 1.0), "an empty sample"))
    for call, why in calls:
        try:
            call()
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {why}")
