"""Storage: the only package that imports SQLAlchemy."""

from offhours.store.repository import Store, StoredProfile

__all__ = ["Store", "StoredProfile"]
