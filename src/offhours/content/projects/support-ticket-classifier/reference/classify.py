"""Reference: word TF-IDF and a class-balanced logistic regression, in one scikit-learn Pipeline."""

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

TEAMS = ("billing", "technical", "account", "delivery", "other")


def build_pipeline() -> Pipeline:
    return Pipeline([
        # Lower-cased words, log-scaled counts; words seen in a single ticket only (typos, order numbers) dropped.
        ("tfidf", TfidfVectorizer(lowercase=True, sublinear_tf=True, min_df=2, strip_accents="unicode")),
        # "other" is the smallest queue: balanced weights keep it from being swallowed by the big teams.
        ("clf", LogisticRegression(C=3.0, class_weight="balanced", max_iter=3000)),
    ])


def train(texts: list[str], labels: list[str]) -> Pipeline:
    return build_pipeline().fit([str(t) for t in texts], list(labels))


def predict(model: Pipeline, texts: list[str]) -> list[str]:
    return [str(label) for label in model.predict([str(t) for t in texts])]
