import numpy as np


def describe(x) -> dict[str, float]:
    """Return the mean, median, population and sample variance, quartiles and IQR of a 1-D sample.

    Keys: "mean", "median", "var_pop", "var_sample", "q1", "q3", "iqr". Quantiles use linear
    interpolation between the sorted values (NumPy's default method).
    """
    raise NotImplementedError("write describe")
