"""Your training loop and prediction. See BRIEF.md, milestones 3 and 4."""

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from model import Net


def train(X_train: np.ndarray, y_train: np.ndarray, seed: int = 0) -> Net:
    """Train a fresh Net on X_train (float array of shape (n, 64), raw pixels 0-16) and y_train (ints 0-9)
    and return it, ready for predict().

    Write the loop yourself: split off a validation set from X_train, wrap the rest in a DataLoader, pick a
    loss and an optimiser, run a few epochs, and keep the weights from the epoch with the best validation
    loss (early stopping). Everything random (weights, dropout, shuffling, the split) must follow `seed`,
    so that two calls with the same seed return networks that make identical predictions.
    Use only the data you are given, and stay well under 60 s on one CPU thread.
    """
    raise NotImplementedError("milestone 3")


def predict(net: Net, X: np.ndarray) -> np.ndarray:
    """Return the predicted digit (an integer 0-9) for each row of X, as a numpy array of shape (n,)."""
    raise NotImplementedError("milestone 4")
