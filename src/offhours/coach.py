"""The service facade: every use case the CLI and the web app offer, in one place.

The faces parse input and render output; the coach decides. It holds the store, the catalog and the
clock, so tests pin "now" by handing in their own clock.
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from offhours import __version__
from offhours.errors import InputError, NotInitialisedError
from offhours.profile import Profile, load_profile_file, local_today, profile_from_dict
from offhours.settings import Clock, Settings, utc_now
from offhours.store import Store, StoredProfile, transfer


class AlreadyInitialisedError(InputError):
    def __init__(self) -> None:
        super().__init__("a learner already lives here; pass --force to replace the profile (history is kept)")


@dataclass(frozen=True)
class TransferSummary:
    path: Path
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


class Coach:
    """One learner's (or, in server mode, one request's) entry point to everything offhours does."""

    def __init__(self, store: Store | Callable[[], Store], *, clock: Clock = utc_now) -> None:
        # The store opens on first use, so input that fails validation never creates a database.
        self._store = store if isinstance(store, Store) else None
        self._open_store = store if not isinstance(store, Store) else None
        self.clock = clock

    @classmethod
    def open(cls, settings: Settings, *, clock: Clock = utc_now) -> Coach:
        def open_store() -> Store:
            if settings.is_sqlite:
                settings.home.mkdir(parents=True, exist_ok=True)
            return Store.open(settings.database_url)

        return cls(open_store, clock=clock)

    @property
    def store(self) -> Store:
        if self._store is None:
            assert self._open_store is not None
            self._store = self._open_store()
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    def now(self) -> datetime:
        return self.clock()

    # ---- the learner ------------------------------------------------------------------------------------------

    def has_learner(self) -> bool:
        return self.store.local_learner_id() is not None

    def profile(self) -> StoredProfile:
        learner_id = self.store.local_learner_id()
        stored = self.store.load_profile(learner_id) if learner_id is not None else None
        if stored is None:
            raise NotInitialisedError()
        return stored

    def learner_today(self) -> date:
        """Today's date in the learner's timezone."""
        return self.now().astimezone(ZoneInfo(self.profile().profile.timezone)).date()

    def init_profile(self, profile: Profile, *, replace: bool = False) -> StoredProfile:
        existing = self.store.local_learner_id()
        if existing is not None and not replace:
            raise AlreadyInitialisedError()
        start = profile.start_date or local_today(self.now(), profile.timezone)
        learner_id = self.store.save_profile(profile, start_date=start, now=self.now(), learner_id=existing)
        stored = self.store.load_profile(learner_id)
        assert stored is not None
        return stored

    def read_profile_file(self, path: Path) -> Profile:
        return load_profile_file(path, now=self.now())

    def validate_profile_data(self, data: dict[str, Any], *, source: str = "onboarding") -> Profile:
        return profile_from_dict(data, source=source, now=self.now(), base_dir=Path.cwd())

    def demo_profile(self) -> Profile:
        """The bundled example learner, with a deadline six months from today."""
        text = (resources.files("offhours") / "content" / "demo_profile.toml").read_text(encoding="utf-8")
        data = tomllib.loads(text)
        today = local_today(self.now(), data["timezone"])
        for goal in data["goals"]:
            goal["deadline"] = (today + timedelta(days=int(goal.pop("weeks_from_today")) * 7)).isoformat()
        return profile_from_dict(data, source="demo_profile.toml", now=self.now())

    # ---- export / import --------------------------------------------------------------------------------------

    def export(self, path: Path) -> TransferSummary:
        doc = transfer.export_document(self.store, now=self.now(), app_version=__version__)
        _write_atomically(path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return TransferSummary(path, {name: len(rows) for name, rows in doc["tables"].items()})

    def import_(self, path: Path, *, dry_run: bool = False, replace: bool = False) -> TransferSummary:
        """Validate the whole file, then replace all data in one transaction (or, dry run, change nothing)."""
        source = str(path)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError("file not found", where=source) from None
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg}", where=f"{source}:{exc.lineno}:{exc.colno}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read: {exc}", where=source) from None
        rows = transfer.validate_document(doc, source=source)
        if self.has_learner() and not replace and not dry_run:
            raise InputError("this home already has data; pass --force to replace all of it with the file")
        transfer.import_rows(self.store, rows, source=source, dry_run=dry_run)
        return TransferSummary(path, {name: len(r) for name, r in rows.items()})


def _write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a crash never leaves half a file."""
    path = path.expanduser()
    if not path.parent.is_dir():
        raise InputError("folder does not exist", where=str(path.parent))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
