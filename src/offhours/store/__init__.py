"""Storage: the only package that imports SQLAlchemy."""

from offhours.store import team_tables  # noqa: F401  (registers the team tables with the schema)
from offhours.store.repository import Store, StoredCalendar, StoredProfile

__all__ = ["Store", "StoredCalendar", "StoredProfile"]
