"""Train a classifier on the wine data and save it for the API. See BRIEF.md."""

import sys

from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split


def train(model_path: str, X, y):
    """Fit a model on X (rows of 13 wine measurements) and y (cultivar 0, 1 or 2), write the fitted
    estimator itself to `model_path` with pickle, and return it."""
    raise NotImplementedError("milestone 1")


def main(model_path: str = "model.pkl") -> float:
    """Train on three quarters of load_wine, save to model_path, print and return held-out accuracy."""
    X, y = load_wine(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
    model = train(model_path, X_train, y_train)
    accuracy = float((model.predict(X_test) == y_test).mean())
    print(f"saved {model_path}; held-out accuracy {accuracy:.3f} on {len(y_test)} wines")
    return accuracy


if __name__ == "__main__":
    main(*sys.argv[1:2])
