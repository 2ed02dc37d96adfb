import numpy as np


def moving_average(x, window: int, partial: bool = False) -> np.ndarray:
    """Trailing mean of the last `window` values at every position of the 1-D series x."""
    raise NotImplementedError("write moving_average")
