"""Shared fixtures: a temporary offhours home, a pinned clock, and a CLI runner bound to both."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from offhours.cli import app
from offhours.coach import Coach
from offhours.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def shared_file(relative: str) -> Path:
    """A file from ../shared (real-world test data); skip the test cleanly when it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} not present (it ships beside the repo in CI only)")
    return path


@dataclass
class Home:
    path: Path

    @property
    def db(self) -> Path:
        return self.path / "offhours.db"

    def settings(self) -> Settings:
        return Settings(home=self.path, database_url=f"sqlite:///{self.db}")

    def coach(self, now: datetime = NOW) -> Coach:
        return Coach.open(self.settings(), clock=lambda: now)

    def count(self, table: str) -> int:
        if not self.db.exists():
            return 0
        with sqlite3.connect(self.db) as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Home]:
    path = tmp_path / "home"
    monkeypatch.setenv("OFFHOURS_HOME", str(path))
    monkeypatch.delenv("OFFHOURS_DATABASE_URL", raising=False)
    monkeypatch.setenv("OFFHOURS_NOW", NOW.isoformat())
    yield Home(path)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None


@pytest.fixture
def cli(home: Home) -> Callable[..., Run]:
    """Run `offhours ARGS` in-process, as a user would from a shell, with the temporary home."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input, prog_name="offhours")
        return Run(result.exit_code, result.stdout, result.stderr, result.exception)

    return run


PROFILE = """\
name = "Test learner"
timezone = "Europe/London"
start_date = "2026-12-01"
mode = "structured"
domain = "finance"

[style]
visual = 0.4
auditory = 0.3
reading = 0.1
kinesthetic = 0.2

[[goals]]
kind = "apply-at-work"
title = "Use ML for card-fraud detection at work"
deadline = "2027-05-31"

[availability]
weekly_minutes = 300
max_daily_minutes = 90
block_minutes = [30, 60]
rest_days = ["sun"]
work_days = ["mon", "tue", "wed", "thu", "fri"]
work_hours = "09:00-17:30"

[[availability.slots]]
days = ["mon", "tue", "wed", "thu", "fri"]
start = "07:40"
end = "08:20"
context = "commute"

[[availability.slots]]
days = ["sat"]
start = "09:00"
end = "12:00"
context = "desk"
"""


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


# ---- server mode: the same tests on SQLite and on a real PostgreSQL server --------------------------------

POSTGRES_ENV = "OFFHOURS_TEST_POSTGRES_URL"  # an account that may CREATE DATABASE; `.ci/run` sets it up


def _postgres_admin_url() -> str:
    import os

    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need a server: set {POSTGRES_ENV} (`.ci/run` installs and starts one)")
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[server]')")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each backend: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    import uuid

    import sqlalchemy as sa

    admin_url = _postgres_admin_url()
    name = f"offhours_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as error:
        admin.dispose()
        pytest.skip(f"PostgreSQL at {POSTGRES_ENV} is not reachable: {str(error).splitlines()[0]}")
    yield sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
