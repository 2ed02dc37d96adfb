import numpy as np


def kfold_indices(n_samples: int, n_splits: int = 5, shuffle: bool = False,
                  seed: int | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """Return n_splits (train_idx, test_idx) pairs; every index is tested exactly once."""
    raise NotImplementedError("write kfold_indices")
