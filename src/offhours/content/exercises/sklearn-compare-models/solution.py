import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier


def candidate_models() -> dict:
    """The three configurations to compare (given: keep them as they are)."""
    return {
        "logreg_scaled": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
        "knn_unscaled": KNeighborsClassifier(n_neighbors=7),
        "tree_depth3": DecisionTreeClassifier(max_depth=3, random_state=0),
    }


def compare_models(models: dict, X: np.ndarray, y: np.ndarray, n_splits: int = 5, seed: int = 0,
                   scoring: str = "accuracy") -> pd.DataFrame:
    """Cross-validate every model on the same stratified folds; one row per model, best mean first."""
    # fix the folds once: every model is trained and scored on exactly the same rows
    folds = list(StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed).split(X, y))
    rows = []
    for name, model in models.items():
        # cross_val_score fits clones, so the caller's estimators stay unfitted
        scores = cross_val_score(model, X, y, cv=folds, scoring=scoring)
        rows.append({"model": name, "mean_score": float(np.mean(scores)), "std_score": float(np.std(scores))})
    table = pd.DataFrame(rows, columns=["model", "mean_score", "std_score"])
    return table.sort_values(["mean_score", "model"], ascending=[False, True], ignore_index=True)
