"""What every command shares: the consoles, the coach for this invocation, JSON output."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Annotated, Any

import typer
from rich.console import Console

from offhours.coach import Coach
from offhours.settings import Settings, clock_from_env

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]
ForceFlag = Annotated[bool, typer.Option("--force", help="Replace existing data without asking.")]


@dataclass
class CliState:
    debug: bool = False
    coach_instance: Coach | None = field(default=None, repr=False)


def get_coach(ctx: typer.Context) -> Coach:
    """The coach for this command, opened on first use and closed when the command ends."""
    state: CliState = ctx.find_root().obj
    if state.coach_instance is None:
        coach = Coach.open(Settings.from_env(), clock=clock_from_env())
        state.coach_instance = coach
        ctx.find_root().call_on_close(coach.close)
    return state.coach_instance


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
