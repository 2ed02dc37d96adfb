import pandas as pd


def monthly_revenue(path: str = "orders.csv") -> pd.DataFrame:
    """Completed orders, revenue and average order value per region and month ("YYYY-MM")."""
    lines = pd.read_csv(path, parse_dates=["order_date"])
    done = lines[lines["status"] == "completed"]
    done = done.assign(
        line_total=done["quantity"] * done["unit_price"],
        month=done["order_date"].dt.strftime("%Y-%m"),
    )
    # nunique: an order with several lines is still one order
    summary = done.groupby(["region", "month"], as_index=False).agg(
        orders=("order_id", "nunique"),
        revenue=("line_total", "sum"),
    )
    # the average comes from the unrounded total; round both only at the end
    summary["avg_order_value"] = (summary["revenue"] / summary["orders"]).round(2)
    summary["revenue"] = summary["revenue"].round(2)
    return summary.sort_values(["region", "month"], ignore_index=True)
