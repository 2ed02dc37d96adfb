"""Setting up a learner: `init`, `demo`, `profile show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from offhours.cli.common import ForceFlag, JsonFlag, console, get_coach, print_json
from offhours.cli.onboarding import run_onboarding
from offhours.coach import Coach
from offhours.profile import Profile
from offhours.store import StoredProfile
from offhours.views import profile_json

profile_app = typer.Typer(help="Show or adjust the stored learner profile.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(demo)
    app.add_typer(profile_app, name="profile")


def _confirm_replace(coach: Coach, force: bool) -> bool:
    if force or not coach.has_learner():
        return bool(coach.has_learner())
    name = coach.profile().profile.name
    if not typer.confirm(f"A learner ({name}) already lives here. Replace the profile? History is kept."):
        raise typer.Abort()
    return True


def init(
    ctx: typer.Context,
    profile: Annotated[Path | None, typer.Option("--profile", "-p", help="Read the profile from a TOML file.")] = None,
    force: ForceFlag = False,
) -> None:
    """Set up the learner: from a profile file, or by answering a few questions."""
    coach = get_coach(ctx)
    if profile is not None:
        new = coach.read_profile_file(profile)  # validate before asking anything
        replace = _confirm_replace(coach, force)
    else:
        replace = _confirm_replace(coach, force)
        new = run_onboarding(coach)
    stored = coach.init_profile(new, replace=replace)
    console.print(f"[green]Saved[/green] the profile of {stored.profile.name}. Next: `offhours quiz style` "
                  "(two minutes), then `offhours path` and `offhours stack`.")


def demo(ctx: typer.Context, force: ForceFlag = False) -> None:
    """Set up the bundled example learner (a fraud analyst studying on the train)."""
    coach = get_coach(ctx)
    new = coach.demo_profile()
    replace = _confirm_replace(coach, force)
    stored = coach.init_profile(new, replace=replace)
    console.print(f"[green]Demo learner ready:[/green] {stored.profile.name}. Try `offhours profile show`.")


@profile_app.command("show")
def profile_show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Print the stored profile, goals and availability."""
    stored = get_coach(ctx).profile()
    if as_json:
        print_json(profile_json(stored))
        return
    render_profile(stored.profile, stored)


def render_profile(p: Profile, stored: StoredProfile) -> None:
    console.print(f"[bold]{p.name}[/bold]  ·  {p.timezone}  ·  started {stored.start_date}  ·  {p.mode} mode"
                  + (f"  ·  domain: {p.domain}" if p.domain else ""))
    if p.style:
        console.print("Learning style: " + ", ".join(
            f"{k} {v:.0%}" for k, v in p.style.model_dump().items()))
    goals = Table(title="Goals", title_justify="left")
    for column in ("#", "kind", "title", "deadline"):
        goals.add_column(column)
    for i, goal in enumerate(p.goals, 1):
        goals.add_row(str(i), goal.kind, goal.title, goal.deadline.isoformat())
    console.print(goals)
    a = p.availability
    console.print(
        f"Availability: {a.weekly_minutes} min/week, at most {a.max_daily_minutes} min/day, "
        f"blocks {a.block_minutes[0]}-{a.block_minutes[1]} min, {a.buffer_minutes} min from meetings; "
        f"rest days: {', '.join(a.rest_days) or 'none'}")
    console.print(f"Work: {', '.join(a.work_days) or 'no work days'}"
                  + (f" {a.work_hours_text}" if a.work_hours else "")
                  + (f"; calendar {a.work_calendar}" if a.work_calendar else ""))
    slots = Table(title="Study slots", title_justify="left")
    for column in ("days", "time", "context", "minutes"):
        slots.add_column(column)
    for slot in a.slots:
        slots.add_row(", ".join(slot.days), f"{slot.start:%H:%M}-{slot.end:%H:%M}", slot.context, str(slot.minutes))
    console.print(slots)
