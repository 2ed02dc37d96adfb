"""Where offhours keeps its data, and what time it is. Read from the environment once, at the edge."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import platformdirs

from offhours.errors import InputError

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    signup: Literal["open", "invite"] = "invite"  # team server mode: "open" lets anyone sign up, "invite" needs a code

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """`OFFHOURS_HOME` overrides the data folder, `OFFHOURS_DATABASE_URL` the database."""
        env = os.environ if env is None else env
        home = Path(env.get("OFFHOURS_HOME") or platformdirs.user_data_path("offhours", appauthor=False))
        url = env.get("OFFHOURS_DATABASE_URL") or f"sqlite:///{home.expanduser() / 'offhours.db'}"
        signup = env.get("OFFHOURS_SIGNUP", "invite")
        if signup == "open":
            return cls(home=home.expanduser(), database_url=url, signup="open")
        if signup != "invite":
            raise InputError(f"OFFHOURS_SIGNUP: expected 'open' or 'invite', got {signup!r}")
        return cls(home=home.expanduser(), database_url=url)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def ensure_home(self) -> None:
        """Create the data folder when the database lives in it (SQLite will not create the folder)."""
        if self.is_sqlite:
            self.home.mkdir(parents=True, exist_ok=True)


def utc_now() -> datetime:
    return datetime.now(UTC)


def clock_from_env(env: Mapping[str, str] | None = None) -> Clock:
    """The real clock, or a pinned one when `OFFHOURS_NOW` holds an ISO timestamp (tests, demos)."""
    env = os.environ if env is None else env
    pinned = env.get("OFFHOURS_NOW")
    if not pinned:
        return utc_now
    try:
        moment = datetime.fromisoformat(pinned)
    except ValueError:
        raise InputError(f"OFFHOURS_NOW: expected an ISO 8601 timestamp, got {pinned!r}") from None
    if moment.tzinfo is None:
        raise InputError(f"OFFHOURS_NOW: give a UTC offset, e.g. {pinned}+00:00")
    fixed = moment.astimezone(UTC)
    return lambda: fixed
