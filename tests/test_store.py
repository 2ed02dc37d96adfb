"""Storage on a real SQLite file: migrations from empty, WAL, UTC times, profile round trip."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from conftest import NOW, PROFILE, Home

from offhours.profile import parse_profile
from offhours.store import Store
from offhours.store.database import current_revision, head_revision
from offhours.store.tables import learners, metadata


def test_migrations_from_empty_match_the_tables(home: Home) -> None:
    home.path.mkdir(parents=True)
    store = Store.open(f"sqlite:///{home.db}")
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diffs == [], "the migrations and store/tables.py disagree; write a migration"
    with sqlite3.connect(home.db) as raw:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert set(metadata.tables) <= tables
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    Store.open(f"sqlite:///{home.db}").close()  # opening again is a no-op
    store.close()


def test_profile_round_trip_and_replace_keeps_the_learner(home: Home) -> None:
    home.path.mkdir(parents=True)
    store = Store.open(f"sqlite:///{home.db}")
    profile = parse_profile(PROFILE, source="p.toml", now=NOW)
    learner_id = store.save_profile(profile, start_date=profile.start_date or NOW.date(), now=NOW)
    stored = store.load_profile(learner_id)
    assert stored is not None and stored.profile == profile
    assert stored.created_at == NOW and stored.created_at.tzinfo is not None

    renamed = profile.model_copy(update={"name": "Renamed"})
    later = NOW + timedelta(days=1)
    assert store.save_profile(renamed, start_date=NOW.date(), now=later, learner_id=learner_id) == learner_id
    again = store.load_profile(learner_id)
    assert again is not None and again.profile.name == "Renamed"
    assert again.created_at == NOW and again.updated_at == later
    assert store.local_learner_id() == learner_id
    store.close()


def test_times_are_stored_in_utc_and_naive_ones_are_refused(home: Home) -> None:
    home.path.mkdir(parents=True)
    store = Store.open(f"sqlite:///{home.db}")
    tokyo = datetime(2026, 12, 1, 9, 0, tzinfo=timezone(timedelta(hours=9)))
    row = {"name": "x", "timezone": "Asia/Tokyo", "start_date": tokyo.date(), "mode": "structured",
           "created_at": tokyo, "updated_at": tokyo}
    with store.engine.begin() as conn:
        conn.execute(learners.insert().values(**row))
    with sqlite3.connect(home.db) as raw:
        assert raw.execute("SELECT created_at FROM learners").fetchone()[0].startswith("2026-12-01 00:00:00")
    with store.engine.connect() as conn:
        back = conn.execute(sa.select(learners.c.created_at)).scalar_one()
    assert back == tokyo and back.tzinfo == UTC
    with pytest.raises(sa.exc.StatementError, match="naive datetime"), store.engine.begin() as conn:
        conn.execute(learners.insert().values(**{**row, "created_at": datetime(2026, 1, 1)}))
    store.close()
