"""Card-fraud scoring: learn from a month of labelled payments, score the payments of a new month.

See BRIEF.md. The check calls `train` on the May month in transactions.csv and `score` on a month it
generates itself, so keep everything your model needs inside the object `train` returns.
"""

import numpy as np
import pandas as pd


def train(df: pd.DataFrame):
    """Fit a fraud model on labelled payments and return it.

    df has the columns of transactions.csv (as pd.read_csv gives them), including the label is_fraud.
    Return any object that `score` understands: a fitted estimator, a pipeline, or a small dict.
    """
    raise NotImplementedError("milestones 3 and 4")


def score(model, df: pd.DataFrame) -> np.ndarray:
    """Return the probability that each payment in df is fraud, as a 1-D array in the order of the rows.

    df has the same columns as in `train` but WITHOUT is_fraud. Each payment must be scored from its own
    row only (as when it arrives alone at authorisation time), and the numbers must be probabilities: on a
    month with 400 frauds they should add up to roughly 400.
    """
    raise NotImplementedError("milestone 4")
