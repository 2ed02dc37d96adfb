"""Time: the work calendar, the plan, today, now, done/skip/log."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import typer
from rich.table import Table

from offhours.cli.common import JsonFlag, celebrate, console, get_coach, print_json
from offhours.coach import CalendarSummary, Coach
from offhours.domain.planner import Block, MilestonePlan
from offhours.errors import InputError
from offhours.views import plan_json, today_json

calendar_app = typer.Typer(help="Your work calendar: busy time the plan keeps clear of.", no_args_is_help=True)
plan_app = typer.Typer(help="Build or refresh your study plan, and export it.")


def register(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")
    app.add_typer(plan_app, name="plan")
    app.command()(today)
    app.command("now")(now_command)
    app.command()(done)
    app.command()(skip)
    app.command("log")(log_command)


# ---- the plan ------------------------------------------------------------------------------------------------

def _blocks_table(blocks: list[Block], tz: ZoneInfo, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("when", "min", "where", "activity", "topic", "resource", "id", "status"):
        table.add_column(column, no_wrap=column in ("when", "id"))
    for b in blocks:
        start = b.start.astimezone(tz)
        table.add_row(f"{start:%a %d %b %H:%M}", str(b.minutes), b.context, b.activity, b.topic,
                      b.resource or "", b.id, b.status)
    return table


def render_milestones(milestones: tuple[MilestonePlan, ...], weekly_capacity: int) -> None:
    table = Table(title="Milestones", title_justify="left")
    for column in ("milestone", "deadline", "planned finish", "on track", "what would fix it"):
        table.add_column(column)
    for m in milestones:
        fix = ""
        if not m.feasible:
            fix = f"+{m.extra_minutes_per_week} min/week, or a deadline of {m.earliest_date or 'later'}"
        finish = m.planned_finish.isoformat() if m.planned_finish else "beyond the plan"
        table.add_row(m.title, m.deadline.isoformat(), finish, "yes" if m.feasible else "[red]no[/red]", fix)
    console.print(table)
    late = [m for m in milestones if not m.feasible]
    if late:
        worst = max(late, key=lambda m: m.extra_minutes_per_week)
        console.print(f"[red]Not every deadline can be met.[/red] Your week offers about {weekly_capacity} min; "
                      f"meeting every date needs about {worst.extra_minutes_per_week} more minutes a week "
                      f"(raise weekly_minutes and add slots), or move the goal's deadline to "
                      f"{late[-1].earliest_date or 'a later date'}.")


@plan_app.callback(invoke_without_command=True)
def plan(
    ctx: typer.Context,
    weeks: Annotated[int | None, typer.Option("--weeks", help="Plan this many weeks ahead.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Build or refresh your plan: study blocks in your free time, milestones, and what does not fit."""
    if ctx.invoked_subcommand is not None:
        return
    view = get_coach(ctx).plan(weeks)
    if as_json:
        print_json(plan_json(view))
        return
    tz = ZoneInfo(view.timezone)
    week = [b for b in view.blocks if (b.start - view.blocks[0].start).days < 7] if view.blocks else []
    console.print(_blocks_table(week, tz, "This week"))
    for warning in view.warnings:
        console.print(f"[yellow]{warning}[/yellow]")
    render_milestones(view.milestones, view.weekly_capacity)
    planned = sum(1 for b in view.blocks if b.status == "planned")
    console.print(f"{planned} blocks planned to {view.horizon}"
                  + (f"; {view.unscheduled_minutes} min of the path do not fit before then" if
                     view.unscheduled_minutes else "") + ". Export: `offhours plan export plan.ics`.")


@plan_app.command("feed")
def plan_feed(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Where `offhours serve` is reachable.")] = "127.0.0.1:8765",
    renew: Annotated[bool, typer.Option("--renew", help="Make a new secret (the old URL stops working).")] = False,
) -> None:
    """The URL a calendar app can subscribe to, so Google, Apple or Outlook calendars stay in sync."""
    token = get_coach(ctx).feed_token(renew=renew)
    console.print(f"http://{host}/calendar.ics?token={token}\nKeep it secret: anyone with this URL sees your plan.")


@plan_app.command("export")
def plan_export(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="The .ics file to write.")]) -> None:
    """Write the plan as an .ics file; re-importing a newer one updates events instead of duplicating."""
    count = get_coach(ctx).export_plan(file)
    console.print(f"Wrote {count} study blocks to {file}.")


# ---- the day -------------------------------------------------------------------------------------------------

def _tz(coach: Coach) -> ZoneInfo:
    return ZoneInfo(coach.profile().profile.timezone)


def today(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Today's study blocks, and earlier ones still waiting for `done` or `skip`."""
    coach = get_coach(ctx)
    tz = _tz(coach)
    todays, waiting = coach.today_blocks()
    if as_json:
        print_json({**today_json(coach.now().astimezone(tz).date(), todays, waiting, tz),
                    "follow_ups": [{"id": c["id"], "name": c["name"], "kind": c["kind"],
                                    "follow_up": c["follow_up"].isoformat()} for c in coach.follow_ups_due()]})
        return
    if not todays and not waiting:
        console.print("Nothing planned today. `offhours plan` builds your plan; "
                      "`offhours now --minutes 20` finds something for a free moment.")
    if todays:
        console.print(_blocks_table(todays, tz, "Today"))
    if waiting:
        console.print(_blocks_table(waiting, tz, "Did you do these? (`offhours done ID` or `offhours skip ID`; "
                                                 "the next plan counts the rest as missed)"))
    from offhours.cli.progress import render_at_risk

    render_at_risk(coach.progress())
    for contact in coach.follow_ups_due():
        console.print(f"[cyan]Follow up:[/cyan] {contact['name']} ({contact['kind']}, met {contact['met_on']})"
                      f" — then `offhours network done {contact['id']}`", markup=True)


def now_command(
    ctx: typer.Context,
    minutes: Annotated[int, typer.Option("--minutes", "-m", help="How long you have.")],
    where: Annotated[str, typer.Option("--where", "-w", help="commute, lunch, desk, evening or weekend.")]
    = "desk",
    as_json: JsonFlag = False,
) -> None:
    """What should I do now? Work that fits the time you have and where you are."""
    found = get_coach(ctx).suggest(minutes, where)
    if as_json:
        print_json([s.__dict__ for s in found])
        return
    if not found:
        console.print("Nothing on your path fits there and then; try another --where.")
    for s in found:
        console.print(f"{s.minutes} min: {s.activity} {s.topic}" + (f" with {s.resource}" if s.resource else "")
                      + f" — {s.why}")


def done(
    ctx: typer.Context,
    block_id: Annotated[str, typer.Argument(help="A block id from today or plan.")],
    summary: Annotated[str | None, typer.Option("--summary", "-s", help="What you learned, in your own words.")]
    = None,
) -> None:
    """Mark a block done; its minutes count toward the topic, the milestone and the week."""
    coach = get_coach(ctx)
    block = coach.mark_block(block_id, "done")
    console.print(f"Done: {block.activity} {block.topic}, {block.minutes} min. Well done.")
    if summary is None and block.activity == "learn" and sys.stdin.isatty():
        # Putting it in your own words is active recall; one line is enough, Enter skips.
        summary = typer.prompt("Summarise it in your own words (Enter to skip)", default="", show_default=False)
    if summary and summary.strip() and block.topic in coach.catalog.topics:
        entry = coach.add_journal(summary, block.topic, ["summary"])
        console.print(f"Saved to your journal (entry {entry}); `offhours journal card {entry}` makes it a card.")
    celebrate(ctx)


def skip(ctx: typer.Context, block_id: Annotated[str, typer.Argument(help="A block id from today or plan.")]) -> None:
    """Skip a block; the next `offhours plan` moves its work forward."""
    block = get_coach(ctx).mark_block(block_id, "skipped")
    console.print(f"Skipped {block.id}; run `offhours plan` to move its work forward.")


def log_command(
    ctx: typer.Context,
    topic: Annotated[str, typer.Option("--topic", "-t", help="The topic you studied.")],
    minutes: Annotated[int, typer.Option("--minutes", "-m", help="How long.")],
    on: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A line about it.")] = None,
) -> None:
    """Log study done outside the plan; it counts like a finished block."""
    day = None
    if on is not None:
        try:
            day = date.fromisoformat(on)
        except ValueError:
            raise InputError(f"--date: expected YYYY-MM-DD, got {on!r}") from None
    get_coach(ctx).log_study(topic, minutes, day, note)
    console.print(f"Logged {minutes} min of {topic}.")
    celebrate(ctx)


def calendar_json(summary: CalendarSummary) -> dict[str, Any]:
    return {"name": summary.name, "imported_at": summary.imported_at.isoformat(),
            "busy_events_next_4_weeks": summary.busy_events,
            "days_off_next_90_days": [d.isoformat() for d in summary.days_off],
            "unreadable_series": [{"uid": u.uid, "summary": u.summary, "reason": u.reason, "blocked": u.blocked}
                                  for u in summary.unreadable]}


def _render(summary: CalendarSummary) -> None:
    console.print(f"{summary.name}: {summary.busy_events} busy events in the next four weeks; "
                  f"{len(summary.days_off)} day(s) off in the next 90 days"
                  + (f" ({', '.join(d.isoformat() for d in summary.days_off[:5])}"
                     + (", …" if len(summary.days_off) > 5 else "") + ")" if summary.days_off else "") + ".")
    for series in summary.unreadable:
        console.print(f"[yellow]Could not read the recurrence of '{series.summary}'[/yellow] ({series.reason}); "
                      f"to be safe offhours treats {series.blocked} as busy.", markup=True)


@calendar_app.command("import")
def calendar_import(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="An .ics export.")],
                    as_json: JsonFlag = False) -> None:
    """Replace the stored work calendar with an .ics export (Google, Outlook, Apple, Thunderbird…)."""
    summary = get_coach(ctx).import_calendar(file)
    if as_json:
        print_json(calendar_json(summary))
        return
    console.print("Imported the work calendar.")
    _render(summary)


@calendar_app.command("show")
def calendar_show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """What the stored calendar means for the coming weeks."""
    summary = get_coach(ctx).calendar_summary()
    if as_json:
        print_json(calendar_json(summary) if summary else None)
    elif summary is None:
        console.print("No work calendar stored. Add one with `offhours calendar import FILE.ics`.")
    else:
        _render(summary)


@calendar_app.command("clear")
def calendar_clear(ctx: typer.Context) -> None:
    """Forget the stored work calendar."""
    console.print("Calendar cleared." if get_coach(ctx).clear_calendar() else "No calendar was stored.")
