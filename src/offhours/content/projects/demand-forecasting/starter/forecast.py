"""Daily demand forecasts for the next four weeks, per product. See BRIEF.md.

The check calls `fit` on all the history up to a forecast origin and `predict` on the 28 days right after
it, twice (two origins, eight weeks in all), on dates you have never seen.
"""

import numpy as np
import pandas as pd


def fit(history_df: pd.DataFrame):
    """Learn from the history and return a model (any object `predict` understands).

    history_df has the columns of demand.csv, as pd.read_csv gives them: date ("YYYY-MM-DD" text),
    product, units, promo (0/1) and holiday (a holiday's name, or NaN on ordinary days). Every product has
    one row per day, and the rows run up to the forecast origin. Do not change history_df in place.
    """
    raise NotImplementedError("milestones 3 and 4")


def predict(model, future_df: pd.DataFrame) -> np.ndarray:
    """Forecast units sold for every row of future_df, returned as a 1-D array in the order of its rows.

    future_df covers the 28 days right after the history, one row per product and day, with the columns
    date, product, promo and holiday (promotions and holidays are planned, so they are known in advance),
    but not units. Its rows may come in any order.
    """
    raise NotImplementedError("milestone 4")
