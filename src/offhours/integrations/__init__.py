"""Adapters to the outside world: calendars, Anki, notebooks, reports."""
