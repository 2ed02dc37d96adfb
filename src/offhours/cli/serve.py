"""`offhours serve` (the web dashboard), and the team server's `db` and `admin` commands."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from offhours.cli.common import console
from offhours.settings import Settings, clock_from_env

if TYPE_CHECKING:
    from offhours.accounts import Accounts

db_app = typer.Typer(help="The database: migrations (a team server applies them before starting).",
                     no_args_is_help=True)
admin_app = typer.Typer(help="Team server administration: the first admin, invite codes.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.add_typer(db_app, name="db")
    app.add_typer(admin_app, name="admin")


def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (local only by default).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8765,
    multi_user: Annotated[bool, typer.Option(
        "--multi-user", help="Team server mode: accounts, groups, buddies, mentors (run `offhours db upgrade` "
        "first; usually with OFFHOURS_DATABASE_URL=postgresql+psycopg://...).")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64,
                                         help="Worker processes (they share nothing but the database).")] = 1,
    proxy_headers: Annotated[bool, typer.Option(
        "--proxy-headers", help="Trust X-Forwarded-Proto/For from a local reverse proxy (HTTPS → Secure cookies).")]
    = False,
) -> None:
    """Serve the web dashboard and its JSON API (OpenAPI at /docs)."""
    import uvicorn

    from offhours.web.app import app_from_env

    settings = Settings.from_env()
    settings.ensure_home()
    if multi_user:
        from offhours.store import Store

        Store.open(settings.database_url, migrate=False).close()  # refuses an out-of-date database
        os.environ["OFFHOURS_MULTI_USER"] = "1"  # read by every worker's app factory
    mode = "team server" if multi_user else "dashboard"
    console.print(f"offhours {mode} on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops it.")
    uvicorn.run("offhours.web.app:app_from_env" if workers > 1 else app_from_env(), factory=workers > 1,
                host=host, port=port, workers=workers, log_level="warning", proxy_headers=proxy_headers)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration (one transaction); safe to run again."""
    from offhours.store import database

    settings = Settings.from_env()
    settings.ensure_home()
    engine = database.make_engine(settings.database_url)
    try:
        before = database.current_revision(engine)
        database.upgrade(engine)
        after = database.current_revision(engine)
    finally:
        engine.dispose()
    if before == after:
        console.print(f"The database is up to date (revision {after}).")
    else:
        console.print(f"Upgraded the database from revision {before or 'none'} to {after}.")


@db_app.command("status")
def db_status() -> None:
    """Which migration the database is at, and which this offhours needs."""
    from offhours.store import database

    settings = Settings.from_env()
    settings.ensure_home()
    engine = database.make_engine(settings.database_url)
    try:
        found = database.current_revision(engine)
    finally:
        engine.dispose()
    needed = database.head_revision()
    state = "up to date" if found == needed else "run `offhours db upgrade`"
    console.print(f"database revision {found or 'none'}, needed {needed}: {state}")


def _accounts() -> Accounts:
    from offhours.accounts import Accounts
    from offhours.store import Store

    settings = Settings.from_env()
    settings.ensure_home()
    return Accounts(Store.open(settings.database_url, migrate=False), clock_from_env(), signup=settings.signup)


@admin_app.command("create")
def admin_create(
    email: Annotated[str, typer.Option("--email", help="The admin's email (their sign-in).")],
    name: Annotated[str, typer.Option("--name", help="The name others see.")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin",
                                                 help="Read the password from standard input (scripts).")] = False,
) -> None:
    """Create an admin account (the first one of a new team server)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    account = _accounts().create_admin(email, name, password)
    console.print(f"Created admin {account.email} (account {account.id}). Sign in at /login.")


@admin_app.command("invite")
def admin_invite(count: Annotated[int, typer.Option("--count", min=1, max=500)] = 1) -> None:
    """Make invite codes for sign-up (each works once)."""
    accounts = _accounts()
    for _ in range(count):
        typer.echo(accounts.create_invite(None))

