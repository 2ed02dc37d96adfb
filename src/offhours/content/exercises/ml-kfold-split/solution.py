import numpy as np


def kfold_indices(n_samples: int, n_splits: int = 5, shuffle: bool = False,
                  seed: int | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """Return n_splits (train_idx, test_idx) pairs; every index is tested exactly once."""
    if n_splits < 2:
        raise ValueError(f"n_splits must be at least 2, got {n_splits}")
    if n_splits > n_samples:
        raise ValueError(f"cannot make {n_splits} folds from {n_samples} samples")
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    # n // k samples per fold, and the first n % k folds take one more, so sizes differ by at most one
    sizes = np.full(n_splits, n_samples // n_splits)
    sizes[: n_samples % n_splits] += 1
    bounds = np.concatenate(([0], np.cumsum(sizes)))
    splits = []
    for start, stop in zip(bounds[:-1], bounds[1:]):
        in_test = np.zeros(n_samples, dtype=bool)
        in_test[order[start:stop]] = True
        # np.flatnonzero returns sorted positions, so both arrays come out in increasing order
        splits.append((np.flatnonzero(~in_test), np.flatnonzero(in_test)))
    return splits
