import numpy as np


def normal_log_likelihood(x, mu: float, sigma2: float) -> float:
    """Log-likelihood of the sample x under a normal distribution with mean mu and variance sigma2."""
    raise NotImplementedError("write normal_log_likelihood")


def normal_mle(x) -> tuple[float, float, float]:
    """Maximum likelihood estimates (mu_hat, sigma2_hat) of a normal sample and the log-likelihood there."""
    raise NotImplementedError("write normal_mle")
