import pandas as pd


def customer_summary(customers_path: str = "customers.csv", orders_path: str = "orders.csv") -> pd.DataFrame:
    """One row per customer: number of orders, total spend and last order date, biggest spenders first."""
    customers = pd.read_csv(customers_path)
    orders = pd.read_csv(orders_path, parse_dates=["order_date"])

    # a left join keeps every customer; one without orders gets a single row of NaN order columns,
    # and orders of customers we do not know are dropped
    joined = customers.merge(orders, on="customer_id", how="left", validate="one_to_many")
    per_customer = joined.groupby("customer_id", as_index=False).agg(
        n_orders=("order_id", "count"),  # count skips NaN, so no orders gives 0 (size would give 1)
        total_spend=("amount", "sum"),  # the sum of nothing is 0
        last_order_date=("order_date", "max"),  # NaT when there are no orders
    )
    summary = customers[["customer_id", "name", "country"]].merge(per_customer, on="customer_id")
    summary["n_orders"] = summary["n_orders"].astype(int)
    summary["total_spend"] = summary["total_spend"].astype(float).round(2)
    return summary.sort_values(["total_spend", "customer_id"], ascending=[False, True], ignore_index=True)
