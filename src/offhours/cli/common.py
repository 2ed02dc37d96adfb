"""What every command shares: the consoles, the coach for this invocation, JSON output."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Annotated, Any

import typer
from rich.console import Console
from typer._click.core import Context
from typer.core import TyperGroup

from offhours.coach import Coach
from offhours.coach_progress import Progress
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


class TopicQuizGroup(TyperGroup):
    """`offhours quiz SLUG` runs the `topic` command: any first word that is not a subcommand is a topic."""

    def resolve_command(self, ctx: Context, args: list[str]) -> Any:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["topic", *args]
        return super().resolve_command(ctx, args)


def celebrate(ctx: typer.Context, progress: Progress | None = None) -> None:
    """After something that can earn an achievement or a reward: say so, once."""
    news = get_coach(ctx).celebrate(progress)
    for achievement in news.achievements:
        console.print(f"[bold magenta]* Achievement unlocked: {achievement.title}[/bold magenta] — "
                      f"{achievement.description}")
    for reward in news.rewards:
        console.print(f"[bold green]* You have earned your reward: {reward}[/bold green] Enjoy it.")
