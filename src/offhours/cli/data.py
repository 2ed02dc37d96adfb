"""Moving a learner's data: `export` and `import`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from offhours.cli.common import ForceFlag, console, get_coach


def register(app: typer.Typer) -> None:
    app.command("export")(export_data)
    app.command("import")(import_data)


def export_data(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="The JSON file to write.")]) -> None:
    """Write all data (every table) to one versioned JSON document."""
    summary = get_coach(ctx).export(file)
    console.print(f"Exported {summary.total} rows from {len(summary.rows)} tables to {summary.path}.")


def import_data(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="An export written by `offhours export`.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate only; change nothing.")] = False,
    force: ForceFlag = False,
) -> None:
    """Replace all data with an export, validated first and written in one transaction."""
    summary = get_coach(ctx).import_(file, dry_run=dry_run, replace=force)
    verb = "would import" if dry_run else "imported"
    console.print(f"{file}: valid; {verb} {summary.total} rows into {len(summary.rows)} tables.")
