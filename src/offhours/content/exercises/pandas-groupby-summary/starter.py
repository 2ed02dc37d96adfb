import pandas as pd


def monthly_revenue(path: str = "orders.csv") -> pd.DataFrame:
    """Completed orders, revenue and average order value per region and month ("YYYY-MM")."""
    raise NotImplementedError("write monthly_revenue")
