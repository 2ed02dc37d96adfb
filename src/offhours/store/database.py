"""Opening the database: engine settings per backend and Alembic migrations applied on open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

if TYPE_CHECKING:  # Alembic loads only when a migration has to run: opening an up-to-date database is quick
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
SERVER_POOL_SIZE = 15  # database connections per process (PostgreSQL)


def make_engine(url: str) -> sa.Engine:
    """An engine for the URL; SQLite gets WAL, enforced foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 15})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # pysqlite's own transaction handling defers BEGIN; emit it ourselves so a
            # transaction covers reads too (SQLAlchemy's documented recipe).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _sqlite_begin(conn: sa.Connection) -> None:
            conn.exec_driver_sql("BEGIN")

        return engine
    # As many connections per process as SQLAlchemy's default allows at most (5 + 10 overflow), but all kept
    # open: overflow connections close after each use, so a busy team server opened and closed dozens a second.
    return sa.create_engine(url, pool_pre_ping=True, pool_size=SERVER_POOL_SIZE, max_overflow=0)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest migration: revision ids are the zero-padded numbers that start each file name."""
    numbers = [f.name.split("_", 1)[0] for f in (MIGRATIONS / "versions").glob("[0-9]*_*.py")]
    assert numbers, "the migrations folder has no revisions"
    return max(numbers)


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Apply migrations up to `revision` in one transaction (a no-op when already there)."""
    if revision == "head" and current_revision(engine) == head_revision():
        return
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
