"""Reference: train a scaled logistic regression on the wine data and pickle the fitted pipeline."""

import os
import pickle
import sys

from sklearn.datasets import load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler


def build_model() -> Pipeline:
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))


def train(model_path: str, X, y) -> Pipeline:
    model = build_model().fit(X, y)
    # Write to a temporary name and rename, so a server never picks up a half-written file.
    partial = f"{model_path}.partial"
    with open(partial, "wb") as handle:
        pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, model_path)
    return model


def main(model_path: str = "model.pkl") -> float:
    X, y = load_wine(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
    model = train(model_path, X_train, y_train)
    accuracy = float((model.predict(X_test) == y_test).mean())
    print(f"saved {model_path}; held-out accuracy {accuracy:.3f} on {len(y_test)} wines")
    return accuracy


if __name__ == "__main__":
    main(*sys.argv[1:2])
