"""Reference: a two-layer MLP that scales the raw 0-16 pixel values itself."""

import torch
from torch import nn

PIXEL_MAX = 16.0  # load_digits stores each pixel as a count from 0 to 16


class Net(nn.Module):
    def __init__(self, hidden: int = 128, dropout: float = 0.2) -> None:
        super().__init__()
        self.layers = nn.Sequential(
            nn.Flatten(),
            nn.Linear(64, hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2),
            nn.ReLU(),
            nn.Linear(hidden // 2, 10),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # Accept (n, 64) rows or (n, 8, 8) images; the scaling travels with the model, so predict() on raw
        # pixels can never forget it.
        return self.layers(x.float() / PIXEL_MAX)
