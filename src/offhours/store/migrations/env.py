"""Alembic environment: runs on the connection offhours hands over (see store/database.py)."""

from alembic import context

from offhours.store import team_tables  # noqa: F401  (registers the team tables)
from offhours.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through offhours (`offhours db upgrade`), not the alembic CLI")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
