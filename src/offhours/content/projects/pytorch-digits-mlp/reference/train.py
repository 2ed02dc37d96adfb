"""Reference: a plain PyTorch training loop with a validation split and early stopping."""

import copy

import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from model import Net

MAX_EPOCHS = 30
PATIENCE = 6
BATCH_SIZE = 32
LEARNING_RATE = 3e-3
WEIGHT_DECAY = 1e-4
VALIDATION_SHARE = 0.15


def train(X_train: np.ndarray, y_train: np.ndarray, seed: int = 0) -> Net:
    torch.manual_seed(seed)  # weight initialisation and dropout masks
    X_fit, X_val, y_fit, y_val = train_test_split(
        np.asarray(X_train, dtype=np.float32), np.asarray(y_train, dtype=np.int64),
        test_size=VALIDATION_SHARE, stratify=y_train, random_state=seed)
    X_val_t, y_val_t = torch.from_numpy(X_val), torch.from_numpy(y_val)
    loader = DataLoader(TensorDataset(torch.from_numpy(X_fit), torch.from_numpy(y_fit)), batch_size=BATCH_SIZE,
                        shuffle=True, generator=torch.Generator().manual_seed(seed))  # batch order

    net = Net()
    loss_fn = nn.CrossEntropyLoss()
    optimiser = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    best_loss, best_state, waited = float("inf"), copy.deepcopy(net.state_dict()), 0
    history = []
    for epoch in range(1, MAX_EPOCHS + 1):
        net.train()
        total = 0.0
        for xb, yb in loader:
            optimiser.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            optimiser.step()
            total += loss.item() * len(xb)
        net.eval()
        with torch.no_grad():
            logits = net(X_val_t)
            val_loss = loss_fn(logits, y_val_t).item()
            val_acc = (logits.argmax(1) == y_val_t).float().mean().item()
        history.append({"epoch": epoch, "train_loss": total / len(X_fit), "val_loss": val_loss,
                        "val_acc": val_acc})
        if val_loss < best_loss - 1e-4:
            best_loss, best_state, waited = val_loss, copy.deepcopy(net.state_dict()), 0
        else:
            waited += 1
            if waited >= PATIENCE:
                break
    net.load_state_dict(best_state)
    net.eval()
    net.history = history  # kept for the report: the loss curve, epoch by epoch
    return net


def predict(net: Net, X: np.ndarray) -> np.ndarray:
    net.eval()
    with torch.no_grad():
        logits = net(torch.as_tensor(np.asarray(X, dtype=np.float32)))
    return logits.argmax(dim=1).numpy()


if __name__ == "__main__":
    import time

    from sklearn.datasets import load_digits

    torch.set_num_threads(1)
    X, y = load_digits(return_X_y=True)
    X_a, X_b, y_a, y_b = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
    started = time.perf_counter()
    net = train(X_a, y_a, seed=0)
    seconds = time.perf_counter() - started
    for row in net.history:
        print(f"epoch {row['epoch']:2d}  train loss {row['train_loss']:.3f}  val loss {row['val_loss']:.3f}  "
              f"val acc {row['val_acc']:.3f}")
    n_params = sum(p.numel() for p in net.parameters())
    print(f"{n_params} parameters, trained in {seconds:.1f} s; "
          f"accuracy on my own test split {(predict(net, X_b) == y_b).mean():.3f}")
