"""Storage: the only package that imports SQLAlchemy."""

from offhours.store.repository import Store, StoredCalendar, StoredProfile

__all__ = ["Store", "StoredCalendar", "StoredProfile"]
