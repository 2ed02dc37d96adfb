import numpy as np


def _sample(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x must be a non-empty 1-D sample, got shape {x.shape}")
    return x


def normal_log_likelihood(x, mu: float, sigma2: float) -> float:
    """Log-likelihood of the sample x under a normal distribution with mean mu and variance sigma2."""
    x = _sample(x)
    if not sigma2 > 0:
        raise ValueError(f"sigma2 must be positive, got {sigma2}")
    n = x.size
    # the log of a product of densities is the sum of their logs; summing logs never under- or overflows
    return float(-0.5 * n * np.log(2 * np.pi * sigma2) - np.sum((x - mu) ** 2) / (2 * sigma2))


def normal_mle(x) -> tuple[float, float, float]:
    """Maximum likelihood estimates (mu_hat, sigma2_hat) of a normal sample and the log-likelihood there."""
    x = _sample(x)
    if x.size < 2:
        raise ValueError("need at least 2 values to estimate a variance")
    mu_hat = x.mean()  # setting d/dmu of the log-likelihood to 0 gives the sample mean
    sigma2_hat = np.mean((x - mu_hat) ** 2)  # d/dsigma2 = 0 gives the mean squared deviation: divide by n
    if sigma2_hat == 0:
        raise ValueError("all values are equal: the likelihood grows without bound as sigma2 -> 0")
    return float(mu_hat), float(sigma2_hat), normal_log_likelihood(x, mu_hat, sigma2_hat)
